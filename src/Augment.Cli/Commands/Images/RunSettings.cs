using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Augment.Contracts.V1;
using Augment.Core.Pipelines;

namespace Augment.Cli.Commands.Images;

/// <summary>The settings that determine output bytes (spec, seed, format, quality), stored as
/// <c>augment-run.json</c> in the output root so a resumed run can refuse to mix outputs of different settings.</summary>
internal sealed record RunSettings(string SpecSha256, ulong Seed, string Format, int Quality)
{
    /// <summary>File name in the output root.</summary>
    public const string FileName = "augment-run.json";

    /// <summary>Settings of a run; <paramref name="quality"/> is the JPEG quality, or the PNG level for PNG output.</summary>
    public static RunSettings Of(Pipeline spec, ulong seed, OutputFormat format, int quality)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(SpecJson.Format(spec)));
        return new RunSettings(Convert.ToHexStringLower(hash), seed, format.ToString().ToLowerInvariant(), quality);
    }

    /// <summary>Reads the settings stored in <paramref name="outputRoot"/>, or null when none (or unreadable).</summary>
    public static RunSettings? Read(string outputRoot)
    {
        var path = Path.Combine(outputRoot, FileName);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var r = doc.RootElement;
            return new RunSettings(r.GetProperty("specSha256").GetString() ?? "", r.GetProperty("seed").GetUInt64(),
                r.GetProperty("format").GetString() ?? "", r.GetProperty("quality").GetInt32());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Stores these settings in <paramref name="outputRoot"/>.</summary>
    public void Write(string outputRoot)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("specSha256", SpecSha256);
            w.WriteNumber("seed", Seed);
            w.WriteString("format", Format);
            w.WriteNumber("quality", Quality);
            w.WriteEndObject();
        }
        AtomicFile.WriteAllBytes(Path.Combine(outputRoot, FileName), buffer.ToArray());
    }

    /// <summary>Describes how <paramref name="other"/> differs from this, or null when equal.</summary>
    public string? Difference(RunSettings other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.SpecSha256 != SpecSha256)
        {
            return "a different pipeline spec";
        }
        if (other.Seed != Seed)
        {
            return $"seed {other.Seed} (now {Seed})";
        }
        if (other.Format != Format || other.Quality != Quality)
        {
            return $"format {other.Format} quality {other.Quality} (now {Format} quality {Quality})";
        }
        return null;
    }
}
