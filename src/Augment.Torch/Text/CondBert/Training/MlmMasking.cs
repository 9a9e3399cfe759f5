using Augment.Core.Randomness;

namespace Augment.Torch.Text.CondBert.Training;

/// <summary>BERT's masked-LM corruption of one sentence: a keyed choice of positions, each replaced by [MASK]
/// (80%), a random non-special token (10%) or left as is (10%); the loss targets are the original tokens.</summary>
internal static class MlmMasking
{
    /// <summary>Corrupts <paramref name="pieces"/> (no [CLS]/[SEP]) and returns the model input with [CLS]/[SEP]
    /// added, and the (input position, original id) pairs to predict.</summary>
    public static (int[] Input, List<(int Position, int Target)> Targets) Mask(
        ReadOnlySpan<int> pieces, ref Rng rng, double probability, int clsId, int sepId, int maskId, int[] ordinaryIds)
    {
        var input = new int[pieces.Length + 2];
        input[0] = clsId;
        pieces.CopyTo(input.AsSpan(1));
        input[^1] = sepId;
        var count = Math.Max(1, (int)Math.Round(pieces.Length * probability, MidpointRounding.AwayFromZero));
        Span<int> order = pieces.Length <= 512 ? stackalloc int[pieces.Length] : new int[pieces.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        rng.Shuffle(order);
        var targets = new List<(int, int)>(count);
        foreach (var p in order[..Math.Min(count, order.Length)])
        {
            var position = p + 1;
            targets.Add((position, input[position]));
            var r = rng.NextDouble();
            if (r < 0.8)
            {
                input[position] = maskId;
            }
            else if (r < 0.9)
            {
                input[position] = ordinaryIds[rng.NextInt(ordinaryIds.Length)];
            }
        }

        targets.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return (input, targets);
    }
}
