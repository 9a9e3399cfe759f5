using System.Text;
using System.Text.Json;

namespace Augment.Cli.Commands.Images;

/// <summary>Writes the manifest (<c>manifest.jsonl</c>) and the failure summary (<c>failures.jsonl</c>) into the
/// output root, one JSON object per line, sorted, atomically.</summary>
internal static class RunReport
{
    /// <summary>Manifest file name.</summary>
    public const string ManifestName = "manifest.jsonl";

    /// <summary>Failure summary file name.</summary>
    public const string FailuresName = "failures.jsonl";

    /// <summary>Writes the manifest.</summary>
    public static void WriteManifest(string outputRoot, IEnumerable<ManifestEntry> entries)
    {
        var lines = entries
            .OrderBy(e => e.Source, StringComparer.Ordinal)
            .ThenBy(e => e.Copy)
            .Select(e => Line(w =>
            {
                w.WriteString("source", e.Source);
                w.WriteNumber("copy", e.Copy);
                w.WriteString("output", e.Output);
                w.WriteNumber("seed", e.Seed);
                w.WriteNumber("epoch", 0);
                w.WriteNumber("index", e.Index);
            }));
        AtomicFile.WriteAllText(Path.Combine(outputRoot, ManifestName), Join(lines));
    }

    /// <summary>Writes the failure summary (an empty file when nothing failed).</summary>
    public static void WriteFailures(string outputRoot, IEnumerable<FailureRecord> failures)
    {
        var lines = failures
            .OrderBy(f => f.Source, StringComparer.Ordinal)
            .Select(f => Line(w =>
            {
                w.WriteString("source", f.Source);
                w.WriteString("error", f.Reason);
            }));
        AtomicFile.WriteAllText(Path.Combine(outputRoot, FailuresName), Join(lines));
    }

    private static string Join(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            sb.Append(line).Append('\n');
        }
        return sb.ToString();
    }

    private static string Line(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
