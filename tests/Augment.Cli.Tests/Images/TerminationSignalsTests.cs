using System.Diagnostics;
using Augment.Cli.Commands.Images;

namespace Augment.Cli.Tests.Images;

/// <summary>Runs the real <c>augment</c> program as a child process and interrupts it as Ctrl+C does (SIGINT), or with
/// SIGTERM when this process inherited SIGINT as ignored (as background jobs of a script do), since the child would too.</summary>
public sealed class TerminationSignalsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Images_InterruptedMidRun_StopsCleanlyAndWritesManifest()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        for (var i = 0; i < 4; i++)
        {
            TestImages.Write(_dir.Combine("in", "c", $"img{i}.png"), 320, 240, variant: i);
        }
        var spec = Specs.Write(_dir.Combine("spec.json"));
        var output = _dir.Combine("out");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "augment.dll"), "images", "--input", _dir.Combine("in"),
                "--output", output, "--pipeline", spec, "--copies", "500", "--seed", "1", "--workers", "2" },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (!(Directory.Exists(output) && Directory.EnumerateFiles(output, "*.png", SearchOption.AllDirectories).Take(3).Count() == 3))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "no output appeared");
            if (process.HasExited)
            {
                Assert.Fail($"augment exited early ({process.ExitCode}): {await stderr}");
            }
            await Task.Delay(20);
        }
        using (var kill = Process.Start("kill", [SignalArgument(), process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(process.ExitCode == ImagesCommand.ExitCancelled, $"exit {process.ExitCode}\n{await stdout}\n{await stderr}");
        Assert.Contains("cancelled", await stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output, "*" + AtomicFile.TempSuffix, SearchOption.AllDirectories));
        var written = Directory.GetFiles(output, "*.png", SearchOption.AllDirectories);
        Assert.InRange(written.Length, 3, 1999);
        Assert.Equal(written.Length, File.ReadAllLines(Path.Combine(output, RunReport.ManifestName)).Length);
        Assert.All(written, f => Assert.Equal((48, 40), TestImages.SizeOf(f)));
    }

    private static string SignalArgument()
    {
        var ignored = File.ReadAllLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ignored is null ? 0UL : Convert.ToUInt64(ignored["SigIgn:".Length..].Trim(), 16);
        return (mask & 0b10) != 0 ? "-TERM" : "-INT";
    }
}
