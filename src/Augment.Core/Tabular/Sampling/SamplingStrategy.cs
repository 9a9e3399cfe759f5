using System.Globalization;

namespace Augment.Core.Tabular.Sampling;

/// <summary>imbalanced-learn's <c>sampling_strategy</c>: a named form, a float ratio, a dict class → count
/// or a list of classes. Resolved against the class counts into a per-class plan by
/// <see cref="SamplingStrategyResolver"/>.</summary>
public sealed record SamplingStrategy
{
    private SamplingStrategy(SamplingStrategyKind kind, double ratio, IReadOnlyDictionary<string, long>? targets,
        IReadOnlyList<string>? classes)
    {
        Kind = kind;
        Ratio = ratio;
        Targets = targets;
        Classes = classes;
    }

    /// <summary>The form of this strategy.</summary>
    public SamplingStrategyKind Kind { get; }

    /// <summary>The ratio when <see cref="Kind"/> is <see cref="SamplingStrategyKind.Ratio"/>.</summary>
    public double Ratio { get; }

    /// <summary>Class name → wanted count when <see cref="Kind"/> is <see cref="SamplingStrategyKind.Targets"/>.</summary>
    public IReadOnlyDictionary<string, long>? Targets { get; }

    /// <summary>The classes to clean when <see cref="Kind"/> is <see cref="SamplingStrategyKind.Classes"/>.</summary>
    public IReadOnlyList<string>? Classes { get; }

    /// <summary>'auto', the default.</summary>
    public static SamplingStrategy Auto { get; } = Named(SamplingStrategyKind.Auto);

    /// <summary>One of the named forms ('auto', 'minority', 'majority', 'not minority', 'not majority', 'all').</summary>
    public static SamplingStrategy Named(SamplingStrategyKind kind)
    {
        if (kind is SamplingStrategyKind.Ratio or SamplingStrategyKind.Targets or SamplingStrategyKind.Classes)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a named sampling strategy");
        }
        return new SamplingStrategy(kind, 0, null, null);
    }

    /// <summary>A float ratio in (0, 1].</summary>
    public static SamplingStrategy FromRatio(double ratio)
    {
        if (!(ratio > 0 && ratio <= 1))
        {
            throw new TabularException(
                $"sampling_strategy: a float must be in the range (0.0, 1.0]; got {ratio.ToString(CultureInfo.InvariantCulture)}");
        }
        return new SamplingStrategy(SamplingStrategyKind.Ratio, ratio, null, null);
    }

    /// <summary>A dict class → wanted count after resampling.</summary>
    public static SamplingStrategy FromTargets(IReadOnlyDictionary<string, long> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            throw new TabularException("sampling_strategy: the dict of class counts is empty");
        }
        return new SamplingStrategy(SamplingStrategyKind.Targets, 0, new Dictionary<string, long>(targets, StringComparer.Ordinal), null);
    }

    /// <summary>A list of classes (cleaning methods only).</summary>
    public static SamplingStrategy FromClasses(IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count == 0)
        {
            throw new TabularException("sampling_strategy: the list of classes is empty");
        }
        return new SamplingStrategy(SamplingStrategyKind.Classes, 0, null, classes.ToArray());
    }

    /// <summary>Parses the CLI form: a name ('auto', 'minority', 'majority', 'not minority', 'not majority', 'all';
    /// '-' or '_' may replace the space), a float ('0.5'), a dict ('a=100,b=250' or 'a:100,b:250') or a list of
    /// classes for cleaning methods ('a,b', or '[1]' for a single class whose name is a number).</summary>
    public static SamplingStrategy Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var named = t.ToLowerInvariant().Replace('-', ' ').Replace('_', ' ') switch
        {
            "auto" => SamplingStrategyKind.Auto,
            "minority" => SamplingStrategyKind.Minority,
            "majority" => SamplingStrategyKind.Majority,
            "not minority" => SamplingStrategyKind.NotMinority,
            "not majority" => SamplingStrategyKind.NotMajority,
            "all" => SamplingStrategyKind.All,
            _ => (SamplingStrategyKind?)null,
        };
        if (named is { } kind)
        {
            return Named(kind);
        }
        if (t.Length == 0)
        {
            throw new TabularException("sampling_strategy: empty value");
        }
        if (t.Length >= 2 && t[0] == '[' && t[^1] == ']')
        {
            var listed = t[1..^1].Split(',', StringSplitOptions.TrimEntries);
            return listed.Any(p => p.Length == 0)
                ? throw new TabularException($"sampling_strategy: '{t}' has an empty class name")
                : FromClasses(listed);
        }
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio))
        {
            return FromRatio(ratio);
        }
        var parts = t.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Any(p => p.Contains('=') || p.Contains(':')))
        {
            var targets = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                var sep = part.LastIndexOfAny(['=', ':']);
                if (sep <= 0 || !long.TryParse(part.AsSpan(sep + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
                {
                    throw new TabularException($"sampling_strategy: '{part}' is not 'class=count'");
                }
                var name = part[..sep].Trim();
                if (!targets.TryAdd(name, count))
                {
                    throw new TabularException($"sampling_strategy: class '{name}' appears twice");
                }
            }
            return FromTargets(targets);
        }
        if (parts.Any(p => p.Length == 0))
        {
            throw new TabularException($"sampling_strategy: '{t}' has an empty class name");
        }
        return FromClasses(parts);
    }

    /// <summary>The CLI form of this strategy.</summary>
    public override string ToString() => Kind switch
    {
        SamplingStrategyKind.Auto => "auto",
        SamplingStrategyKind.Minority => "minority",
        SamplingStrategyKind.Majority => "majority",
        SamplingStrategyKind.NotMinority => "not minority",
        SamplingStrategyKind.NotMajority => "not majority",
        SamplingStrategyKind.All => "all",
        SamplingStrategyKind.Ratio => Ratio.ToString(CultureInfo.InvariantCulture),
        SamplingStrategyKind.Targets => string.Join(',', Targets!.Select(p => $"{p.Key}={p.Value}")),
        SamplingStrategyKind.Classes => string.Join(',', Classes!),
        _ => throw new InvalidOperationException(),
    };
}
