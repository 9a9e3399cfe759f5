using System.Diagnostics;
using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Augmentation;
using static TorchSharp.torch;

namespace Augment.Cbert.Bench;

/// <summary>Splits one augmentation pass into its stages (CBERT_PROFILE=1).</summary>
internal static class Profile
{
    public static void Run(ConditionalBert cbert, IReadOnlyList<LabeledText> corpus, CbertAugmentOptions options)
    {
        var watch = Stopwatch.StartNew();
        using (no_grad())
        {
            var x = randn(64, 21, 256);
            var w = randn(1024, 256);
            var bias = randn(1024);
            var ln = ones(256);
            var lb = zeros(256);
            var q = randn(64, 4, 21, 64);
            var mask = zeros(64, 1, 1, 21);
            var h192 = randn(192, 256);
            var wt = cbert.Model.WordEmbeddings.t().contiguous();
            var big = randn(192, 30522);
            (string, Func<Tensor>)[] ops =
            [
                ("linear3d", () => nn.functional.linear(x, w, bias)),
                ("gelu", () => nn.functional.gelu(randn(64, 21, 1024))),
                ("randn", () => randn(64, 21, 1024)),
                ("layernorm", () => nn.functional.layer_norm(x, [256], ln, lb, 1e-12)),
                ("attention", () => matmul(matmul(q, q.transpose(-1, -2)).div_(8.0).add_(mask).softmax(-1), q)),
                ("head", () => cbert.Model.Predict(h192)),
                ("decoder", () => nn.functional.linear(h192, cbert.Model.WordEmbeddings, null)),
                ("decoderT", () => h192.matmul(wt)),
                ("softmax", () => big.softmax(1)),
                ("encode", () => cbert.Model.Encode(ones(64, 21, dtype: ScalarType.Int64), zeros(64, 21, dtype: ScalarType.Int64), ones(64, 21, dtype: ScalarType.Int64))),
            ];
            foreach (var (name, op) in ops)
            {
                op().Dispose();
                watch.Restart();
                for (var k = 0; k < 20; k++)
                {
                    op().Dispose();
                }

                Console.Error.WriteLine($"{name}: {watch.Elapsed.TotalMilliseconds / 20:F2} ms");
            }
        }

        watch.Restart();
        var plans = new List<MaskPlan>();
        for (var i = 0; i < corpus.Count; i++)
        {
            var sentence = cbert.Tokenizer.Tokenize(corpus[i].Text, 126);
            for (var v = 0; v < options.NumAug; v++)
            {
                plans.Add(CbertAugmenter.Plan(sentence, cbert.LabelId(corpus[i].Label, "x"), i, v, options, cbert.Tokenizer).Plan);
            }
        }

        Console.Error.WriteLine($"mean row length {plans.Average(p => p.Input.Length):F2}, masked {plans.Average(p => p.Positions.Length):F2}");
        Console.Error.WriteLine($"tokenise+plan {watch.Elapsed.TotalMilliseconds:F0} ms");
        double encode = 0, head = 0;
        using (no_grad())
        {
            for (var s = 0; s < plans.Count; s += options.BatchSize)
            {
                using var scope = NewDisposeScope();
                var batch = plans.Skip(s).Take(options.BatchSize).ToList();
                var (ids, types, mask) = BatchInputs.Build([.. batch.Select(p => p.Input)], [.. batch.Select(p => p.Label)], cbert.Tokenizer.PadId);
                watch.Restart();
                var hidden = cbert.Model.Encode(ids, types, mask);
                encode += watch.Elapsed.TotalMilliseconds;
                var flat = batch.SelectMany((p, b) => p.Positions.Select(x => (long)b * ids.shape[1] + x)).ToArray();
                watch.Restart();
                var logits = cbert.Model.Predict(hidden.view(-1, hidden.shape[2]).index_select(0, tensor(flat)));
                _ = logits.softmax(1).sum().item<float>();
                head += watch.Elapsed.TotalMilliseconds;
            }
        }

        Console.Error.WriteLine($"encode {encode:F0} ms, head+softmax {head:F0} ms");
        using var sampler = new MaskedSampler(cbert.Model, cbert.Tokenizer);
        watch.Restart();
        sampler.Sample(plans, 1.0, 0, options.BatchSize);
        Console.Error.WriteLine($"sampler total {watch.Elapsed.TotalMilliseconds:F0} ms");
    }
}
