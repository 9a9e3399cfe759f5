using System.Globalization;

namespace Augment.Core.Tabular.IO;

/// <summary>Parsing of numeric cells: invariant culture; NaN and infinities are recognised (so that they are
/// reported as such, not mistaken for categories).</summary>
internal static class NumberText
{
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        var t = text.Trim();
        if (t.Equals("nan", StringComparison.OrdinalIgnoreCase) || t.Equals("-nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }
        if (t.Equals("inf", StringComparison.OrdinalIgnoreCase) || t.Equals("+inf", StringComparison.OrdinalIgnoreCase))
        {
            value = double.PositiveInfinity;
            return true;
        }
        if (t.Equals("-inf", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NegativeInfinity;
            return true;
        }
        return false;
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
