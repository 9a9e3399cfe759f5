namespace Augment.Core.Tabular.Sampling;

/// <summary>Resolves a <see cref="SamplingStrategy"/> against class counts exactly as imbalanced-learn 0.10's
/// <c>check_sampling_strategy</c> does: classes in sorted order, ties for minority/majority go to the first
/// class in that order, and the same errors (naming classes and counts).</summary>
internal static class SamplingStrategyResolver
{
    public static IReadOnlyList<ClassTarget> Resolve(SamplingStrategy strategy, IReadOnlyList<string> classNames,
        IReadOnlyList<int> counts, SamplingType type)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (classNames.Count != counts.Count)
        {
            throw new ArgumentException("one count per class expected", nameof(counts));
        }
        if (classNames.Count <= 1)
        {
            throw new TabularException(
                $"The target 'y' needs to have more than 1 class. Got {classNames.Count} class instead");
        }
        var n = counts.Count;
        var majority = 0;
        var minority = 0;
        for (var c = 1; c < n; c++)
        {
            if (counts[c] > counts[majority])
            {
                majority = c;
            }
            if (counts[c] < counts[minority])
            {
                minority = c;
            }
        }
        var nMax = counts[majority];
        var nMin = counts[minority];
        IEnumerable<int> All() => Enumerable.Range(0, n);
        ClassTarget Over(int c) => new(c, nMax - counts[c]);
        ClassTarget Under(int c) => new(c, nMin);
        Func<int, ClassTarget> pick = type == SamplingType.OverSampling ? Over : Under;
        var kind = strategy.Kind;
        if (kind == SamplingStrategyKind.Auto)
        {
            kind = type == SamplingType.OverSampling ? SamplingStrategyKind.NotMajority : SamplingStrategyKind.NotMinority;
        }
        return kind switch
        {
            SamplingStrategyKind.All => All().Select(pick).ToArray(),
            SamplingStrategyKind.NotMajority => All().Where(c => c != majority).Select(pick).ToArray(),
            SamplingStrategyKind.NotMinority => All().Where(c => c != minority).Select(pick).ToArray(),
            SamplingStrategyKind.Minority => type == SamplingType.OverSampling
                ? [Over(minority)]
                : throw new TabularException("'sampling_strategy'='minority' cannot be used with under-sampler and clean-sampler."),
            SamplingStrategyKind.Majority => type != SamplingType.OverSampling
                ? [Under(majority)]
                : throw new TabularException("'sampling_strategy'='majority' cannot be used with over-sampler."),
            SamplingStrategyKind.Ratio => ResolveRatio(strategy.Ratio, counts, type, majority, minority),
            SamplingStrategyKind.Targets => ResolveTargets(strategy.Targets!, classNames, counts, type),
            SamplingStrategyKind.Classes => ResolveClasses(strategy.Classes!, classNames, nMin, type),
            _ => throw new InvalidOperationException($"unknown strategy kind {kind}"),
        };
    }

    private static ClassTarget[] ResolveRatio(double ratio, IReadOnlyList<int> counts, SamplingType type, int majority, int minority)
    {
        if (counts.Count != 2)
        {
            throw new TabularException(
                "\"sampling_strategy\" can be a float only when the type of target is binary. For multi-class, use a dict.");
        }
        switch (type)
        {
            case SamplingType.OverSampling:
            {
                var c = 1 - majority;
                var wanted = (long)(counts[majority] * ratio - counts[c]);
                if (wanted <= 0)
                {
                    throw new TabularException(
                        "The specified ratio required to remove samples from the minority class while trying to generate new samples. Please increase the ratio.");
                }
                return [new ClassTarget(c, checked((int)wanted))];
            }
            case SamplingType.UnderSampling:
            {
                var c = 1 - minority;
                var wanted = (long)(counts[minority] / ratio);
                if (wanted > counts[c])
                {
                    throw new TabularException(
                        "The specified ratio required to generate new sample in the majority class while trying to remove samples. Please increase the ratio.");
                }
                return [new ClassTarget(c, (int)wanted)];
            }
            default:
                throw new TabularException("'clean-sampling' methods do let the user specify the sampling ratio.");
        }
    }

    private static ClassTarget[] ResolveTargets(IReadOnlyDictionary<string, long> targets, IReadOnlyList<string> classNames,
        IReadOnlyList<int> counts, SamplingType type)
    {
        var missing = targets.Keys.Where(k => !classNames.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            throw new TabularException(
                $"The {{{string.Join(", ", missing.Select(m => $"'{m}'"))}}} target class is/are not present in the data.");
        }
        if (targets.Values.Any(v => v < 0))
        {
            throw new TabularException(
                "The number of samples in a class cannot be negative.'sampling_strategy' contains some negative value: "
                + string.Join(", ", targets.Select(p => $"'{p.Key}': {p.Value}")));
        }
        var result = new List<ClassTarget>();
        for (var c = 0; c < classNames.Count; c++)
        {
            if (!targets.TryGetValue(classNames[c], out var wanted))
            {
                continue;
            }
            var have = counts[c];
            switch (type)
            {
                case SamplingType.OverSampling when wanted < have:
                    throw new TabularException(
                        $"With over-sampling methods, the number of samples in a class should be greater or equal to the original number of samples. Originally, there is {have} samples and {wanted} samples are asked (class '{classNames[c]}').");
                case SamplingType.OverSampling:
                    result.Add(new ClassTarget(c, checked((int)(wanted - have))));
                    break;
                case SamplingType.UnderSampling when wanted > have:
                    throw new TabularException(
                        $"With under-sampling methods, the number of samples in a class should be less or equal to the original number of samples. Originally, there is {have} samples and {wanted} samples are asked (class '{classNames[c]}').");
                case SamplingType.UnderSampling:
                    result.Add(new ClassTarget(c, (int)wanted));
                    break;
                default:
                    throw new TabularException(
                        "'sampling_strategy' as a dict for cleaning methods is not supported. Please give a list of the classes to be targeted by the sampling.");
            }
        }
        return result.ToArray();
    }

    private static ClassTarget[] ResolveClasses(IReadOnlyList<string> classes, IReadOnlyList<string> classNames, int nMin, SamplingType type)
    {
        if (type != SamplingType.CleanSampling)
        {
            throw new TabularException("'sampling_strategy' cannot be a list for samplers which are not cleaning methods.");
        }
        var missing = classes.Where(k => !classNames.Contains(k, StringComparer.Ordinal)).Distinct().ToArray();
        if (missing.Length > 0)
        {
            throw new TabularException(
                $"The {{{string.Join(", ", missing.Select(m => $"'{m}'"))}}} target class is/are not present in the data.");
        }
        return Enumerable.Range(0, classNames.Count)
            .Where(c => classes.Contains(classNames[c], StringComparer.Ordinal))
            .Select(c => new ClassTarget(c, nMin)).ToArray();
    }
}
