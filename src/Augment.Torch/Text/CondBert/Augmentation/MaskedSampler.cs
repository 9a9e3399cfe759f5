using Augment.Torch.Text.CondBert.Model;
using Augment.Torch.Text.CondBert.Tokenization;
using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert.Augmentation;

/// <summary>Fills the masked positions of many rows in batched forward passes, sampling each from
/// softmax(logits / temperature), optionally within the top k, through one seeded torch generator per row.
/// Rows are batched in order of length to limit padding. Special tokens and punctuation tokens are never drawn; a word start draws only word-start pieces and a continuation only "##" pieces.</summary>
internal sealed class MaskedSampler : IDisposable
{
    private readonly BertForMaskedLM model;
    private readonly CbertTokenizer tokenizer;
    private readonly Tensor startBias;
    private readonly Tensor continuationBias;

    public MaskedSampler(BertForMaskedLM model, CbertTokenizer tokenizer)
    {
        this.model = model;
        this.tokenizer = tokenizer;
        var v = tokenizer.Vocabulary.Count;
        if (v != model.Config.VocabSize)
        {
            throw new InvalidDataException(
                $"vocab.txt has {v} tokens but config.json has vocab_size {model.Config.VocabSize}");
        }

        var start = new float[v];
        var cont = new float[v];
        var anyContinuation = tokenizer.IsContinuation.Any(c => c);
        var punctuation = tokenizer.Vocabulary.Select(t => t.Length > 0 && t.All(WordSplitter.IsPunctuation)).ToArray();
        var anyWordStart = Enumerable.Range(0, v).Any(id => !tokenizer.IsSpecial[id] && !tokenizer.IsContinuation[id] && !punctuation[id]);
        for (var id = 0; id < v; id++)
        {
            var special = tokenizer.IsSpecial[id];
            start[id] = special || tokenizer.IsContinuation[id] || (anyWordStart && punctuation[id]) ? float.NegativeInfinity : 0f;
            cont[id] = special || (anyContinuation && !tokenizer.IsContinuation[id]) ? float.NegativeInfinity : 0f;
        }

        startBias = tensor(start);
        continuationBias = tensor(cont);
    }

    /// <summary>The sampled id for every position of every plan (same order).</summary>
    public int[][] Sample(IReadOnlyList<MaskPlan> plans, double temperature, int topK, int batchSize)
    {
        var result = new int[plans.Count][];
        model.eval();
        using var noGrad = no_grad();
        // Rows of similar length share a batch (less padding); each row's draws depend only on its own seed.
        var order = Enumerable.Range(0, plans.Count).OrderBy(i => plans[i].Input.Length).ThenBy(i => i).ToArray();
        for (var start = 0; start < plans.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, plans.Count - start);
            var batch = order.Skip(start).Take(count).Select(i => plans[i]).ToList();
            var filled = SampleBatch(batch, temperature, topK);
            for (var b = 0; b < count; b++)
            {
                result[order[start + b]] = filled[b];
            }
        }

        return result;
    }

    private int[][] SampleBatch(List<MaskPlan> batch, double temperature, int topK)
    {
        using var scope = NewDisposeScope();
        var rows = batch.Select(p => p.Input).ToList();
        var (ids, types, mask) = BatchInputs.Build(rows, batch.Select(p => p.Label).ToList(), tokenizer.PadId);
        var length = ids.shape[1];
        var flat = new List<long>();
        var continuation = new List<bool>();
        foreach (var (plan, b) in batch.Select((p, b) => (p, b)))
        {
            flat.AddRange(plan.Positions.Select(p => b * length + p));
            continuation.AddRange(plan.Continuation);
        }

        var result = new int[batch.Count][];
        if (flat.Count == 0)
        {
            return [.. batch.Select(_ => Array.Empty<int>())];
        }

        var hidden = model.Encode(ids, types, mask);
        var selected = hidden.view(-1, hidden.shape[2]).index_select(0, tensor(flat.ToArray()));
        var logits = model.Predict(selected).div_(temperature);
        if (!continuation.Contains(true))
        {
            logits.add_(startBias);
        }
        else if (!continuation.Contains(false))
        {
            logits.add_(continuationBias);
        }
        else
        {
            var isContinuation = tensor(continuation.ToArray()).unsqueeze(1);
            logits.add_(where(isContinuation, continuationBias.unsqueeze(0), startBias.unsqueeze(0)));
        }
        Tensor? topIndex = null;
        if (topK > 0 && topK < logits.shape[1])
        {
            var (values, indices) = logits.topk(topK, dim: 1);
            logits = values;
            topIndex = indices;
        }

        var probs = logits.softmax(1);
        var offset = 0;
        for (var b = 0; b < batch.Count; b++)
        {
            var m = batch[b].Positions.Length;
            if (m == 0)
            {
                result[b] = [];
                continue;
            }

            using var generator = new Generator(batch[b].SampleSeed);
            var draws = InverseCdf(probs.narrow(0, offset, m), generator);
            if (topIndex is not null)
            {
                draws = topIndex.narrow(0, offset, m).gather(1, draws);
            }

            result[b] = [.. draws.view(-1).data<long>().Select(x => (int)x)];
            offset += m;
        }

        return result;
    }

    /// <summary>One draw per row of <paramref name="probs"/> by inverting the cumulative distribution at a uniform
    /// number from <paramref name="generator"/>: one random number per row (torch.multinomial with one sample draws an
    /// exponential variate for every vocabulary entry, 30k per masked piece). Computed in float64; the first index whose
    /// cumulative mass exceeds u always has non-zero probability.</summary>
    internal static Tensor InverseCdf(Tensor probs, Generator generator)
    {
        var cdf = probs.to_type(ScalarType.Float64).cumsum(1);
        var total = cdf.narrow(1, cdf.shape[1] - 1, 1);
        var u = rand([probs.shape[0], 1], generator: generator, dtype: ScalarType.Float64).mul_(total);
        return searchsorted(cdf, u, right: true).clamp_max_(probs.shape[1] - 1);
    }

    public void Dispose()
    {
        startBias.Dispose();
        continuationBias.Dispose();
    }
}
