using System.Globalization;

namespace Augment.Torch.Tuning;

/// <summary>One dimension of a search space. Every value maps to a coordinate u in [0, 1] (log scale for
/// log parameters; the index of a choice spread evenly) so the Gaussian process works in the unit cube.</summary>
public sealed record ParameterSpec
{
    /// <summary>Name (e.g. "lr", "weight_decay", "optimizer").</summary>
    public required string Name { get; init; }

    /// <summary>Kind.</summary>
    public ParameterKind Kind { get; init; } = ParameterKind.Float;

    /// <summary>Lower bound (Float, Int).</summary>
    public double Min { get; init; }

    /// <summary>Upper bound (Float, Int).</summary>
    public double Max { get; init; }

    /// <summary>Log scale (Float, Int; needs Min &gt; 0).</summary>
    public bool Log { get; init; }

    /// <summary>The values of a Choice parameter.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Points per dimension for grid search (Float; Int uses every integer up to this many).</summary>
    public int GridPoints { get; init; } = 3;

    /// <summary>A float parameter.</summary>
    public static ParameterSpec Float(string name, double min, double max, bool log = false, int gridPoints = 3) =>
        new() { Name = name, Kind = ParameterKind.Float, Min = min, Max = max, Log = log, GridPoints = gridPoints };

    /// <summary>An integer parameter.</summary>
    public static ParameterSpec Int(string name, int min, int max, bool log = false, int gridPoints = 3) =>
        new() { Name = name, Kind = ParameterKind.Int, Min = min, Max = max, Log = log, GridPoints = gridPoints };

    /// <summary>A choice parameter.</summary>
    public static ParameterSpec Choice(string name, params string[] choices) =>
        new() { Name = name, Kind = ParameterKind.Choice, Choices = choices };

    /// <summary>Throws with the parameter's name when the spec is inconsistent.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("search space: a parameter has no name");
        }
        if (Kind == ParameterKind.Choice)
        {
            if (Choices.Count == 0)
            {
                throw new ArgumentException($"search space: {Name}: a choice needs at least one value");
            }
            return;
        }
        if (!double.IsFinite(Min) || !double.IsFinite(Max) || Min > Max)
        {
            throw new ArgumentException($"search space: {Name}: needs finite min <= max (got {Min}, {Max})");
        }
        if (Log && Min <= 0)
        {
            throw new ArgumentException($"search space: {Name}: a log-scale parameter needs min > 0");
        }
        if (GridPoints < 1)
        {
            throw new ArgumentException($"search space: {Name}: grid_points must be >= 1");
        }
    }

    /// <summary>The value at unit coordinate <paramref name="u"/> (clamped to [0, 1]), formatted invariantly.</summary>
    public string Decode(double u)
    {
        u = Math.Clamp(u, 0, 1);
        if (Kind == ParameterKind.Choice)
        {
            return Choices[Math.Min(Choices.Count - 1, (int)(u * Choices.Count))];
        }
        var v = Log ? Math.Exp(Math.Log(Min) + u * (Math.Log(Max) - Math.Log(Min))) : Min + u * (Max - Min);
        return Kind == ParameterKind.Int
            ? ((long)Math.Round(Math.Clamp(v, Min, Max))).ToString(CultureInfo.InvariantCulture)
            : Math.Clamp(double.Parse(v.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), Min, Max).ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>The unit coordinate of <paramref name="value"/> (a choice maps to the centre of its cell).</summary>
    public double Encode(string value)
    {
        if (Kind == ParameterKind.Choice)
        {
            var i = Choices.ToList().IndexOf(value);
            if (i < 0)
            {
                throw new ArgumentException($"search space: {Name}: '{value}' is not one of {string.Join(", ", Choices)}");
            }
            return (i + 0.5) / Choices.Count;
        }
        var v = double.Parse(value, CultureInfo.InvariantCulture);
        if (Max == Min)
        {
            return 0.5;
        }
        return Log ? (Math.Log(v) - Math.Log(Min)) / (Math.Log(Max) - Math.Log(Min)) : (v - Min) / (Max - Min);
    }

    /// <summary>The grid values of this dimension.</summary>
    public IReadOnlyList<string> GridValues()
    {
        if (Kind == ParameterKind.Choice)
        {
            return Choices;
        }
        if (GridPoints == 1 || Max == Min)
        {
            return [Decode(0.5)];
        }
        return [.. Enumerable.Range(0, GridPoints).Select(i => Decode((double)i / (GridPoints - 1))).Distinct()];
    }
}
