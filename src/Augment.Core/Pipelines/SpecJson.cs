using Augment.Contracts.V1;
using Google.Protobuf;

namespace Augment.Core.Pipelines;

/// <summary>Pipeline specs as JSON: the canonical proto3 JSON mapping of <see cref="Pipeline"/>, so the CLI,
/// the service and every client share one format.</summary>
public static class SpecJson
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    /// <summary>Parses a spec; throws <see cref="SpecException"/> naming <paramref name="sourceName"/> on malformed JSON
    /// or unknown fields and operations.</summary>
    public static Pipeline Parse(string json, string sourceName = "spec")
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return Parser.Parse<Pipeline>(json);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            throw new SpecException([new SpecError(sourceName, ex.Message)]);
        }
    }

    /// <summary>Reads and parses a spec file.</summary>
    public static Pipeline ParseFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpecException([new SpecError(path, "file not found")]);
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Formats a spec as canonical proto3 JSON (fields at their default value are omitted).</summary>
    public static string Format(Pipeline spec) => JsonFormatter.Default.Format(spec);
}
