using Augment.Core.Randomness;
using Augment.Torch.Training.Data;

namespace Augment.Torch.Training.Runs;

/// <summary>Keyed data preparation: validation split, training subset, class down-sampling.</summary>
public static class DataPreparation
{
    private static readonly ulong SplitStream = StableHash.Of("augment.trainer.split");

    /// <summary>Splits <paramref name="all"/> into (train, validation); then keeps <paramref name="trainSize"/>
    /// training samples and down-samples <paramref name="minorityClasses"/> to <paramref name="minorityFraction"/>.
    /// Every choice is a pure function of <paramref name="seed"/>.</summary>
    public static (ArraySampleSource Train, ArraySampleSource? Validation) Prepare(ArraySampleSource all, ulong seed, double validationFraction, int? trainSize, IReadOnlyList<int> minorityClasses, double minorityFraction)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(minorityClasses);
        if (!(validationFraction >= 0 && validationFraction < 1))
        {
            throw new ArgumentException($"--val-fraction = {validationFraction} must be in [0, 1)");
        }
        if (!(minorityFraction > 0 && minorityFraction <= 1))
        {
            throw new ArgumentException($"--minority-fraction = {minorityFraction} must be in (0, 1]");
        }
        foreach (var c in minorityClasses)
        {
            if (c < 0 || c >= all.ClassCount)
            {
                throw new ArgumentException($"--minority-classes: class {c} is outside [0, {all.ClassCount})");
            }
        }
        var order = new int[all.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var rng = new SampleKey(seed, 0, -3).For(SplitStream);
        rng.Shuffle(order.AsSpan());
        var valCount = (int)Math.Round(all.Count * validationFraction);
        var val = valCount == 0 ? null : all.Subset(order[..valCount]);
        var rest = order[valCount..];
        if (minorityClasses.Count > 0 && minorityFraction < 1)
        {
            var keep = new List<int>();
            var perClass = new int[all.ClassCount];
            var totals = new int[all.ClassCount];
            foreach (var i in rest)
            {
                totals[all.Label(i)]++;
            }
            foreach (var i in rest)
            {
                var c = all.Label(i);
                var limit = minorityClasses.Contains(c) ? (int)Math.Ceiling(totals[c] * minorityFraction) : int.MaxValue;
                if (perClass[c]++ < limit)
                {
                    keep.Add(i);
                }
            }
            rest = [.. keep];
        }
        if (trainSize is { } n)
        {
            if (n <= 0)
            {
                throw new ArgumentException($"--train-size = {n} must be > 0");
            }
            rest = rest[..Math.Min(n, rest.Length)];
        }
        return (all.Subset(rest), val);
    }
}
