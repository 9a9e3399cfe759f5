using System.Globalization;
using System.Text.Json;
using Augment.Torch.Training.Optimizers;
using Augment.Torch.Training.Runs;
using Augment.Torch.Tuning;

namespace Augment.Cli.Commands.Tune;

/// <summary>Reads a search space from JSON and applies a trial to a run. Format:
/// {"parameters":[{"name":"lr","kind":"float","min":1e-4,"max":1e-2,"log":true,"grid_points":3},
/// {"name":"weight_decay","kind":"choice","choices":["0.001","0.0001","1e-05","0"]}]}.
/// Tunable names: lr, weight_decay, optimizer, momentum, batch_size, epochs, schedule, backbone_lr_scale, dropout.</summary>
internal static class SearchSpaceFile
{
    public static readonly string[] Tunable = ["lr", "weight_decay", "optimizer", "momentum", "batch_size", "epochs", "schedule", "backbone_lr_scale", "dropout"];

    /// <summary>The default space: log-uniform learning rate and the usual weight-decay grid.</summary>
    public static SearchSpace Default() => new([
        ParameterSpec.Float("lr", 1e-4, 1e-2, log: true),
        new ParameterSpec { Name = "weight_decay", Kind = ParameterKind.Choice, Choices = [.. OptimizerOptions.WeightDecayGrid.Select(v => v.ToString("R", CultureInfo.InvariantCulture))] },
    ]);

    public static SearchSpace Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"--space: {path} not found", path);
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        if (!doc.RootElement.TryGetProperty("parameters", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path}: needs a \"parameters\" array");
        }
        var specs = new List<ParameterSpec>();
        var i = 0;
        foreach (var p in list.EnumerateArray())
        {
            var at = $"{path}: parameters[{i++}]";
            var name = p.TryGetProperty("name", out var n) ? n.GetString() ?? "" : throw new InvalidDataException($"{at}.name is missing");
            if (!Tunable.Contains(name))
            {
                throw new InvalidDataException($"{at}.name: '{name}' is not tunable (expected one of {string.Join(", ", Tunable)})");
            }
            var kind = p.TryGetProperty("kind", out var k) ? k.GetString() : "float";
            try
            {
                specs.Add(kind switch
                {
                    "float" or "int" => new ParameterSpec
                    {
                        Name = name,
                        Kind = kind == "int" ? ParameterKind.Int : ParameterKind.Float,
                        Min = Number(p, "min", at),
                        Max = Number(p, "max", at),
                        Log = p.TryGetProperty("log", out var l) && l.GetBoolean(),
                        GridPoints = p.TryGetProperty("grid_points", out var g) ? g.GetInt32() : 3,
                    },
                    "choice" => new ParameterSpec
                    {
                        Name = name,
                        Kind = ParameterKind.Choice,
                        Choices = p.TryGetProperty("choices", out var c) ? [.. c.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())] : [],
                    },
                    _ => throw new InvalidDataException($"{at}.kind: '{kind}' (expected float, int or choice)"),
                });
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidDataException($"{at}: {ex.Message}", ex);
            }
        }
        foreach (var spec in specs.Where(s => s.Name == "dropout"))
        {
            var values = spec.Kind == ParameterKind.Choice
                ? spec.Choices.Select(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN)
                : [spec.Min, spec.Max];
            if (values.Any(v => v is not (>= 0 and < 1)))
            {
                throw new InvalidDataException($"{path}: parameters[{specs.IndexOf(spec)}] (dropout): every value must be a probability in [0, 1)");
            }
        }
        try
        {
            return new SearchSpace(specs);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    public static RunSpec Apply(RunSpec spec, Trial trial)
    {
        var s = spec;
        foreach (var (name, value) in trial.Values)
        {
            var d = () => double.Parse(value, CultureInfo.InvariantCulture);
            s = name switch
            {
                "lr" => s with { Optimizer = s.Optimizer with { LearningRate = d() } },
                "weight_decay" => s with { Optimizer = s.Optimizer with { WeightDecay = d() } },
                "momentum" => s with { Optimizer = s.Optimizer with { Momentum = d() } },
                "backbone_lr_scale" => s with { Optimizer = s.Optimizer with { BackboneLearningRateScale = d() } },
                "optimizer" => s with { Optimizer = s.Optimizer with { Kind = OptimizerOptions.ParseKind(value) } },
                "batch_size" => s with { Trainer = s.Trainer with { BatchSize = (int)d() } },
                "epochs" => s with { Trainer = s.Trainer with { Epochs = (int)d() } },
                "schedule" => s with { Schedule = s.Schedule with { Kind = value } },
                "dropout" => s with { ModelOptions = s.ModelOptions with { Dropout = Augment.Torch.Training.Models.ModelOptions.CheckDropout(d()) } },
                _ => throw new ArgumentException($"trial {trial.Index}: parameter '{name}' is not tunable"),
            };
        }
        return s;
    }

    private static double Number(JsonElement p, string field, string at) =>
        p.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw new InvalidDataException($"{at}.{field} must be a number");
}
