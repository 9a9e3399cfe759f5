using System.Diagnostics;

namespace Augment.Core.Tests.Tabular;

/// <summary>A fact that needs Debian's python3-imblearn under /usr/bin/python3. On a developer machine without it the
/// test is reported as skipped with the reason; under CI (CI=true, which installs it through scripts/install-deps.sh)
/// it is never skipped, so a missing reference fails the run instead of silently passing.</summary>
public sealed class ImbalancedLearnFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(Probe);

    public ImbalancedLearnFactAttribute()
    {
        var underCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!underCi && Missing.Value is { } reason)
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
