using System.Text.Json;
using System.Text.Json.Serialization;
using Augment.Torch.Training.Data;
using Augment.Torch.Training.Models;

namespace Augment.Torch.Training;

/// <summary>What a saved model needs besides its weights: the JSON file written beside every <c>.model</c>
/// checkpoint (<c>best.model.json</c> beside <c>best.model</c>). The <c>.model</c> file itself stays a plain
/// TorchSharp state dict (<c>Module.load</c>).</summary>
public sealed record ModelDescription
{
    /// <summary>The format version this build writes and the newest it reads.</summary>
    public const int CurrentFormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Format version of the file.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Model kind: cnn, resnet, mlp, textcnn or a user model's name.</summary>
    public required string Kind { get; init; }

    /// <summary>Shape of one input sample ([C, H, W] for images, [features] for tables).</summary>
    public required IReadOnlyList<int> SampleShape { get; init; }

    /// <summary>Outputs of the head.</summary>
    public required int ClassCount { get; init; }

    /// <summary>Initialisation the model was built with (recorded only: a loaded backbone keeps its trained weights).</summary>
    public required InitScheme Init { get; init; }

    /// <summary>Padding of the CNN's convolutions (valid for the other models).</summary>
    public required ConvPadding Padding { get; init; }

    /// <summary>Input normalisation as <c>MEAN/STD</c> (<see cref="InputNormalization.ToString"/>; read back with
    /// <see cref="InputNormalization.Parse"/>), or null for none.</summary>
    public string? Normalize { get; init; }

    /// <summary>The description file of <paramref name="modelPath"/>: the same path with <c>.json</c> appended.</summary>
    public static string PathFor(string modelPath) => modelPath + ".json";

    /// <summary>Describes <paramref name="model"/> trained on samples of <paramref name="sampleShape"/> with <paramref name="normalization"/>.</summary>
    public static ModelDescription Of(ClassifierNet model, IReadOnlyList<int> sampleShape, InputNormalization? normalization)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sampleShape);
        return new ModelDescription
        {
            Kind = model.Kind,
            SampleShape = [.. sampleShape],
            ClassCount = (int)model.ClassCount,
            Init = model.Options.Init,
            Padding = model.Options.Padding ?? ConvPadding.Valid,
            Normalize = normalization?.ToString(),
        };
    }

    /// <summary>Reads the description beside <paramref name="modelPath"/>; null when there is none (a checkpoint
    /// written before descriptions existed). A file that cannot be parsed is an error naming it.</summary>
    public static ModelDescription? Load(string modelPath)
    {
        var path = PathFor(modelPath);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            var description = JsonSerializer.Deserialize<ModelDescription>(File.ReadAllText(path), Json) ?? throw new JsonException("the file holds null");
            description.Validate();
            return description;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or NotSupportedException)
        {
            throw new InvalidDataException($"{path}: not a readable model description ({ex.Message})", ex);
        }
    }

    /// <summary>Writes <paramref name="model"/>'s weights to <paramref name="modelPath"/> (a TorchSharp state dict) and this
    /// description beside it, each to a temporary file renamed into place.</summary>
    public void Save(ClassifierNet model, string modelPath)
    {
        ArgumentNullException.ThrowIfNull(model);
        var directory = Path.GetDirectoryName(Path.GetFullPath(modelPath))!;
        Directory.CreateDirectory(directory);
        model.save(modelPath + ".tmp");
        File.Move(modelPath + ".tmp", modelPath, overwrite: true);
        var path = PathFor(modelPath);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, Json));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Throws naming the option and the file when <paramref name="model"/> is another kind, padding or
    /// (with <paramref name="classOption"/>, the option that sets the head's size) class count than the model saved at
    /// <paramref name="modelPath"/>.</summary>
    internal void RequireArchitecture(ClassifierNet model, string modelPath, string? classOption)
    {
        Require("--model", model.Kind, Kind, modelPath);
        Require("--padding", Name(model.Options.Padding ?? ConvPadding.Valid), Name(Padding), modelPath);
        if (classOption is not null)
        {
            Require(classOption, $"{model.ClassCount} classes", $"{ClassCount} classes", modelPath);
        }
    }

    /// <summary>Throws naming <c>--normalize</c> and the file when <paramref name="normalization"/> differs from the saved one.</summary>
    internal void RequireNormalization(InputNormalization? normalization, string modelPath) =>
        Require("--normalize", normalization?.ToString() ?? "none", InputNormalization.Parse(Normalize)?.ToString() ?? "none", modelPath);

    private static void Require(string option, string value, string saved, string modelPath)
    {
        if (!string.Equals(value, saved, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{option}: {value}, but {modelPath} was trained with {saved} ({Path.GetFileName(PathFor(modelPath))})");
        }
    }

    private static string Name(ConvPadding padding) => padding.ToString().ToLowerInvariant();

    private void Validate()
    {
        if (FormatVersion is < 1 or > CurrentFormatVersion)
        {
            throw new JsonException($"format_version {FormatVersion} is not supported (this build reads 1 to {CurrentFormatVersion})");
        }
        if (string.IsNullOrWhiteSpace(Kind))
        {
            throw new JsonException("kind is empty");
        }
        if (SampleShape is not { Count: > 0 } || SampleShape.Any(d => d <= 0))
        {
            throw new JsonException($"sample_shape [{string.Join(", ", SampleShape ?? [])}] must list positive sizes");
        }
        if (ClassCount < 2)
        {
            throw new JsonException($"class_count {ClassCount} must be at least 2");
        }
        _ = InputNormalization.Parse(Normalize);
    }
}
