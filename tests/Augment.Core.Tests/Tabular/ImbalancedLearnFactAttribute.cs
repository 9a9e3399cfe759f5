using System.Diagnostics;

namespace Augment.Core.Tests.Tabular;

/// <summary>A fact that runs only when Debian's python3-imblearn is importable by /usr/bin/python3; otherwise it is
/// reported as skipped with the reason (CI installs it through scripts/install-deps.sh).</summary>
public sealed class ImbalancedLearnFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(Probe);

    public ImbalancedLearnFactAttribute()
    {
        if (Missing.Value is { } reason)
        {
            Skip = reason;
        }
    }

    private static string? Probe()
    {
        if (!File.Exists(ImbalancedLearn.Python))
        {
            return $"{ImbalancedLearn.Python} not found (apt-get install python3-imblearn python3-sklearn)";
        }
        try
        {
            var (code, _, err) = ImbalancedLearn.Run("import imblearn, sklearn, numpy; print(imblearn.__version__)", "");
            return code == 0 ? null : $"python3-imblearn is not importable (apt-get install python3-imblearn python3-sklearn): {err.Trim()}";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"cannot run {ImbalancedLearn.Python}: {e.Message}";
        }
    }
}
