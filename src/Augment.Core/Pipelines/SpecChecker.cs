using Augment.Contracts.V1;

namespace Augment.Core.Pipelines;

/// <summary>Collects validation errors with their field paths while a spec is compiled.</summary>
internal sealed class SpecChecker
{
    private readonly List<SpecError> _errors = [];

    public IReadOnlyList<SpecError> Errors => _errors;

    public void Fail(string path, string message) => _errors.Add(new SpecError(path, message));

    /// <summary>The range, or <paramref name="min"/>..<paramref name="max"/> when unset; checks order and bounds.</summary>
    public (double Min, double Max) Range(Contracts.V1.Range? r, string path, double min, double max, double lowest = double.NegativeInfinity, double highest = double.PositiveInfinity)
    {
        if (r is null)
        {
            return (min, max);
        }
        if (!double.IsFinite(r.Min) || !double.IsFinite(r.Max))
        {
            Fail(path, "min and max must be finite");
        }
        else if (r.Min > r.Max)
        {
            Fail(path, $"min > max ({r.Min} > {r.Max})");
        }
        else if (r.Min < lowest || r.Max > highest)
        {
            Fail(path, $"must lie within [{lowest}, {highest}], got [{r.Min}, {r.Max}]");
        }
        return (r.Min, r.Max);
    }

    public void Positive(int value, string path)
    {
        if (value <= 0)
        {
            Fail(path, $"must be > 0, got {value}");
        }
    }

    public void NonNegative(double value, string path)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            Fail(path, $"must be >= 0, got {value}");
        }
    }

    public void Within(double value, double lo, double hi, string path)
    {
        if (!(value >= lo && value <= hi))
        {
            Fail(path, $"must lie within [{lo}, {hi}], got {value}");
        }
    }

    public float[] Fill(IReadOnlyList<float> fill, string path)
    {
        if (fill.Count is not (0 or 1 or 3))
        {
            Fail(path, $"needs 0, 1 or 3 values, got {fill.Count}");
        }
        foreach (var v in fill)
        {
            if (!(v >= 0 && v <= 255))
            {
                Fail(path, $"values must lie within [0, 255], got {v}");
                break;
            }
        }
        return [.. fill];
    }
}
