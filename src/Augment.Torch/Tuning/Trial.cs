using System.Globalization;

namespace Augment.Torch.Tuning;

/// <summary>One point of the search space.</summary>
/// <param name="Index">0-based trial number.</param>
/// <param name="Values">Parameter values by name (invariant culture strings).</param>
/// <param name="Unit">The point's unit-cube coordinates, in the space's parameter order.</param>
public sealed record Trial(int Index, IReadOnlyDictionary<string, string> Values, IReadOnlyList<double> Unit)
{
    /// <summary>A numeric parameter.</summary>
    public double GetDouble(string name) => double.Parse(Get(name), CultureInfo.InvariantCulture);

    /// <summary>An integer parameter.</summary>
    public int GetInt(string name) => int.Parse(Get(name), CultureInfo.InvariantCulture);

    /// <summary>A parameter as text.</summary>
    public string Get(string name) => Values.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"trial {Index}: no parameter '{name}'");

    /// <summary>The parameter if present.</summary>
    public string? GetOrNull(string name) => Values.TryGetValue(name, out var v) ? v : null;
}
