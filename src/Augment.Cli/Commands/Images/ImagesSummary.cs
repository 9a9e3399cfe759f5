using Spectre.Console;

namespace Augment.Cli.Commands.Images;

/// <summary>Prints the end-of-run summary and the list of failures.</summary>
internal static class ImagesSummary
{
    /// <summary>Writes the summary to <paramref name="console"/> (failures also to standard error).</summary>
    public static void Print(CliConsole console, ImagesResult result, int sourceCount, IReadOnlyList<string> ignored, string outputRoot)
    {
        var o = console.Out;
        var failedSources = result.Failures.Select(f => f.Source).Distinct(StringComparer.Ordinal).Count();
        o.WriteLine($"{sourceCount} images, {result.Written} outputs written, {result.Skipped} already done (skipped), " +
                    $"{failedSources} images failed, {ignored.Count} non-image files ignored");
        o.WriteLine($"manifest: {Path.Combine(outputRoot, RunReport.ManifestName)}");
        if (result.Failures.Count > 0)
        {
            console.Error.WriteLine($"{failedSources} images failed (details in {Path.Combine(outputRoot, RunReport.FailuresName)}):");
            foreach (var f in result.Failures.OrderBy(f => f.Source, StringComparer.Ordinal))
            {
                console.Error.WriteLine($"  {f.Source}: {f.Reason}");
            }
        }
        if (result.Cancelled)
        {
            console.Error.WriteLine("cancelled: finished outputs are kept; run the same command again to resume.");
        }
    }
}
