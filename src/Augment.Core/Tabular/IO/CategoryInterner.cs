namespace Augment.Core.Tabular.IO;

/// <summary>Assigns codes to strings in order of first appearance, then renumbers them in sorted order.</summary>
internal sealed class CategoryInterner
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public int Count => _values.Count;

    public int Intern(string value)
    {
        if (!_codes.TryGetValue(value, out var code))
        {
            code = _values.Count;
            _codes.Add(value, code);
            _values.Add(value);
        }
        return code;
    }

    public int Intern(ReadOnlySpan<char> value)
    {
        var lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(value, out var code) ? code : Intern(value.ToString());
    }

    /// <summary>The sorted values and, for each first-seen code, its code in the sorted order.</summary>
    public (string[] Sorted, int[] Remap) Finish(Func<IEnumerable<string>, string[]> sort)
    {
        var sorted = sort(_values);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sorted.Length; i++)
        {
            position[sorted[i]] = i;
        }
        return (sorted, _values.Select(v => position[v]).ToArray());
    }

    public static string[] Ordinal(IEnumerable<string> values) => values.Order(StringComparer.Ordinal).ToArray();
}
