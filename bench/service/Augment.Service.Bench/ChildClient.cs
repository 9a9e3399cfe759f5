using System.Diagnostics;
using System.Globalization;

/// <summary>A streaming client in another process (the C# client of this bench, or the Python client), so that the CPU
/// of the server process and of the client process are measured separately. The child warms up, prints
/// <c>start</c>, streams for the budget, prints <c>end SAMPLES BYTES SECONDS CPU_SECONDS</c> and exits; the server's
/// CPU is read between the two lines.</summary>
internal static class ChildClient
{
    /// <summary>One child run: throughput, and the CPU-seconds of each side over the measured interval.</summary>
    public sealed record Result(long Samples, long Bytes, double Seconds, double ServerCpu, double ClientCpu);

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="args"/> and reads its markers.</summary>
    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var self = Process.GetCurrentProcess();
        TimeSpan? cpuStart = null;
        Result? result = null;
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) is not null)
        {
            if (line == "start")
            {
                self.Refresh();
                cpuStart = self.TotalProcessorTime;
            }
            else if (line.StartsWith("end ", StringComparison.Ordinal) && cpuStart is { } start)
            {
                self.Refresh();
                var server = (self.TotalProcessorTime - start).TotalSeconds;
                var f = line.Split(' ');
                result = new Result(long.Parse(f[1], CultureInfo.InvariantCulture), long.Parse(f[2], CultureInfo.InvariantCulture),
                    double.Parse(f[3], CultureInfo.InvariantCulture), server, double.Parse(f[4], CultureInfo.InvariantCulture));
            }
            else
            {
                Console.WriteLine($"# child: {line}");
            }
        }
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', psi.ArgumentList)} exited with {process.ExitCode} without a result");
        }
        return result;
    }
}
