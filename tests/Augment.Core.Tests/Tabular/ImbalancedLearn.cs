using System.Diagnostics;

namespace Augment.Core.Tests.Tabular;

/// <summary>Runs Python code with Debian's /usr/bin/python3 (never the pyenv python first on PATH).</summary>
internal static class ImbalancedLearn
{
    public const string Python = "/usr/bin/python3";

    public static (int ExitCode, string Stdout, string Stderr) Run(string script, string arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"augment-imblearn-{Environment.ProcessId}-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, script);
        try
        {
            var info = new ProcessStartInfo(Python, $"{path} {arguments}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.Environment["OMP_NUM_THREADS"] = "1";
            info.Environment["OPENBLAS_NUM_THREADS"] = "1";
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
