using Augment.Core.Randomness;
using Augment.Torch.Text.CondBert.Model;
using Augment.Torch.Text.CondBert.Tokenization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert.Training;

/// <summary>Masked-LM training of <see cref="BertForMaskedLM"/>: conditional (label ids as token types, CBERT's
/// fine-tuning) or plain (pre-training from scratch). AdamW with warm-up and linear decay, padded batches,
/// keyed masking and a seeded dropout generator.</summary>
internal static class MlmTrainer
{
    private static readonly ulong MaskStream = StableHash.Of("cbert/train/mask");
    private static readonly ulong DropoutStream = StableHash.Of("cbert/train/dropout");

    public static CbertTrainingReport Train(
        BertForMaskedLM model,
        CbertTokenizer tokenizer,
        IReadOnlyList<(string Text, int Label)> examples,
        CbertTrainingOptions options,
        IProgress<CbertProgress>? progress,
        CancellationToken cancellationToken)
    {
        options.Validate();
        var maxPieces = Math.Min(options.MaxSequenceLength, model.Config.MaxPositionEmbeddings) - 2;
        var data = new List<(int[] Pieces, int Label)>(examples.Count);
        for (var i = 0; i < examples.Count; i++)
        {
            var (text, label) = examples[i];
            if (label < 0 || label >= model.Config.TypeVocabSize)
            {
                throw new ArgumentException(
                    $"examples[{i}]: label id {label} is outside the model's {model.Config.TypeVocabSize} labels");
            }

            var pieces = tokenizer.Tokenize(text, maxPieces).PieceIds;
            if (pieces.Length > 0)
            {
                data.Add((pieces, options.Conditional ? label : 0));
            }
        }

        if (data.Count == 0)
        {
            throw new ArgumentException("examples: no sentence has any word piece to train on");
        }

        var ordinary = Enumerable.Range(0, tokenizer.Vocabulary.Count).Where(id => !tokenizer.IsSpecial[id]).ToArray();
        var stepsPerEpoch = (data.Count + options.BatchSize - 1) / options.BatchSize;
        var totalSteps = stepsPerEpoch * options.Epochs;
        var warmupSteps = (int)Math.Ceiling(totalSteps * options.WarmupFraction);
        var parameters = model.named_parameters().ToList();
        var decay = parameters.Where(p => !NoDecay(p.name)).Select(p => p.parameter).ToList();
        var noDecay = parameters.Where(p => NoDecay(p.name)).Select(p => p.parameter).ToList();
        using var optimizer = optim.AdamW(
            [
                new AdamW.ParamGroup(decay, options.LearningRate, 0.9, 0.999, 1e-8, options.WeightDecay, false, false),
                new AdamW.ParamGroup(noDecay, options.LearningRate, 0.9, 0.999, 1e-8, 0, false, false),
            ],
            options.LearningRate, 0.9, 0.999, 1e-8, options.WeightDecay, false, false);
        using var dropoutGenerator = new Generator(new SampleKey(options.Seed, 0, 0).For(DropoutStream).NextUInt64());
        model.Dropout.Generator = dropoutGenerator;
        model.train();
        var losses = new List<double>();
        var step = 0;
        try
        {
            for (var epoch = 0; epoch < options.Epochs; epoch++)
            {
                var order = Permutations.ForEpoch(options.Seed, epoch, data.Count);
                double sum = 0;
                for (var start = 0; start < data.Count; start += options.BatchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var count = Math.Min(options.BatchSize, data.Count - start);
                    var rows = new List<int[]>(count);
                    var types = new List<int>(count);
                    var picks = new List<(int Row, int Position)>();
                    var targets = new List<long>();
                    for (var b = 0; b < count; b++)
                    {
                        var index = order[start + b];
                        var rng = new SampleKey(options.Seed, epoch, index).For(MaskStream);
                        var (input, t) = MlmMasking.Mask(data[index].Pieces, ref rng, options.MaskProbability,
                            tokenizer.ClsId, tokenizer.SepId, tokenizer.MaskId, ordinary);
                        rows.Add(input);
                        types.Add(data[index].Label);
                        foreach (var (position, target) in t)
                        {
                            picks.Add((b, position));
                            targets.Add(target);
                        }
                    }

                    var length = rows.Max(r => r.Length);
                    var flat = picks.Select(p => (long)p.Row * length + p.Position).ToArray();
                    var lr = WarmupLinearSchedule.At(step, totalSteps, warmupSteps, options.LearningRate);
                    var loss = Step(model, optimizer, rows, types, flat, [.. targets], tokenizer.PadId, lr, options.GradientClip);
                    sum += loss * count;
                    step++;
                    progress?.Report(new CbertProgress(epoch + 1, step, totalSteps, loss));
                }

                losses.Add(sum / data.Count);
            }
        }
        finally
        {
            model.Dropout.Generator = null;
            model.eval();
        }

        return new CbertTrainingReport(losses, step, data.Count);
    }

    private static bool NoDecay(string name) =>
        name.EndsWith(".bias", StringComparison.Ordinal) || name.Contains("LayerNorm", StringComparison.Ordinal);

    private static double Step(BertForMaskedLM model, optim.Optimizer optimizer, List<int[]> rows, List<int> types,
        long[] flatIndex, long[] targets, int padId, double lr, double clip)
    {
        using var scope = NewDisposeScope();
        foreach (var g in optimizer.ParamGroups)
        {
            g.LearningRate = lr;
        }

        var (ids, typ, mask) = BatchInputs.Build(rows, types, padId);
        var hidden = model.Encode(ids, typ, mask);
        var selected = hidden.view(-1, hidden.shape[2]).index_select(0, tensor(flatIndex));
        var logits = model.Predict(selected);
        var loss = nn.functional.cross_entropy(logits, tensor(targets));
        optimizer.zero_grad();
        loss.backward();
        if (clip > 0)
        {
            nn.utils.clip_grad_norm_(model.parameters(), clip);
        }

        optimizer.step();
        return loss.item<float>();
    }
}
