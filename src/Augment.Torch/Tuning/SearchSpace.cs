namespace Augment.Torch.Tuning;

/// <summary>An ordered set of hyper-parameters.</summary>
public sealed class SearchSpace
{
    /// <summary>Creates and validates the space.</summary>
    public SearchSpace(IReadOnlyList<ParameterSpec> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            throw new ArgumentException("search space: no parameters");
        }
        foreach (var p in parameters)
        {
            p.Validate();
        }
        var dup = parameters.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
        {
            throw new ArgumentException($"search space: parameter '{dup.Key}' appears twice");
        }
        Parameters = [.. parameters];
    }

    /// <summary>The dimensions.</summary>
    public IReadOnlyList<ParameterSpec> Parameters { get; }

    /// <summary>Number of dimensions.</summary>
    public int Dimensions => Parameters.Count;

    /// <summary>The trial at unit coordinates <paramref name="u"/>; coordinates are snapped to the decoded values.</summary>
    public Trial Decode(int index, IReadOnlyList<double> u)
    {
        ArgumentNullException.ThrowIfNull(u);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var snapped = new double[Dimensions];
        for (var d = 0; d < Dimensions; d++)
        {
            var v = Parameters[d].Decode(u[d]);
            values[Parameters[d].Name] = v;
            snapped[d] = Parameters[d].Encode(v);
        }
        return new Trial(index, values, snapped);
    }

    /// <summary>Every grid point (cartesian product of each dimension's grid values), first dimension slowest.</summary>
    public IEnumerable<IReadOnlyDictionary<string, string>> Grid()
    {
        IEnumerable<Dictionary<string, string>> acc = [new Dictionary<string, string>(StringComparer.Ordinal)];
        foreach (var p in Parameters)
        {
            var values = p.GridValues();
            acc = acc.SelectMany(d => values.Select(v => new Dictionary<string, string>(d, StringComparer.Ordinal) { [p.Name] = v }));
        }
        return acc;
    }

    /// <summary>The trial for explicit values.</summary>
    public Trial FromValues(int index, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new Trial(index, values, [.. Parameters.Select(p => p.Encode(values[p.Name]))]);
    }
}
