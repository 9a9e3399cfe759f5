using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Augment.Torch.Training;
using Augment.Torch.Training.Runs;

namespace Augment.Cli.Commands.Train;

/// <summary>Writes a run's metrics.csv, metrics.json and plot.png (each through a temp file and a rename).</summary>
internal static class RunReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static void Write(string folder, RunSpec spec, RunOutcome outcome)
    {
        Directory.CreateDirectory(folder);
        WriteAtomic(Path.Combine(folder, "metrics.csv"), Csv(outcome.Training.History));
        var summary = Summary(spec, outcome);
        WriteAtomic(Path.Combine(folder, "metrics.json"), JsonSerializer.Serialize(summary, Json));
        MetricsPlot.Save(Path.Combine(folder, "plot.png"), outcome.Training.History);
    }

    public static Dictionary<string, object?> Summary(RunSpec spec, RunOutcome outcome) => new()
    {
        ["dataset"] = spec.Dataset,
        ["model"] = outcome.Model.Kind,
        ["init"] = outcome.Model.Init.ToString().ToLowerInvariant(),
        ["padding"] = outcome.Model.Padding.ToString().ToLowerInvariant(),
        ["dropout"] = spec.ModelOptions.Dropout,
        ["normalize"] = outcome.Normalization?.ToString(),
        ["optimizer"] = spec.Optimizer.Kind.ToString().ToLowerInvariant(),
        ["lr"] = spec.Optimizer.LearningRate,
        ["weight_decay"] = spec.Optimizer.WeightDecay,
        ["schedule"] = spec.Schedule.Kind,
        ["seed"] = spec.Trainer.Seed,
        ["train_samples"] = outcome.TrainCount,
        ["validation_samples"] = outcome.ValidationCount,
        ["train_class_counts"] = outcome.TrainClassCounts,
        ["resample"] = spec.Resample is { } r ? Augment.Core.Tabular.TabularResampler.MethodName(r.Method) : null,
        ["best_epoch"] = outcome.Training.BestEpoch,
        ["stopped_early_at"] = outcome.Training.StoppedEarlyAt,
        ["restored_best"] = outcome.Training.RestoredBest,
        ["test_loss"] = outcome.TestLoss,
        ["test_accuracy"] = outcome.Test.Accuracy(),
        ["test_macro_f1"] = outcome.Test.MacroF1(),
        ["test_worst_recall"] = outcome.Test.WorstClassRecall(),
        ["test_per_class_recall"] = outcome.Test.PerClassRecall(),
        ["epochs"] = outcome.Training.History,
    };

    public static string Csv(IReadOnlyList<EpochMetrics> history)
    {
        var sb = new StringBuilder();
        var classes = history.Count == 0 ? 0 : history[0].ValPerClassRecall.Count;
        sb.Append("epoch,lr,train_loss,train_accuracy,val_loss,val_accuracy,val_macro_f1,val_worst_recall,seconds");
        for (var c = 0; c < classes; c++)
        {
            sb.Append(CultureInfo.InvariantCulture, $",val_recall_{c}");
        }
        sb.Append('\n');
        foreach (var m in history)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{m.Epoch},{F(m.LearningRate)},{F(m.TrainLoss)},{F(m.TrainAccuracy)},{F(m.ValLoss)},{F(m.ValAccuracy)},{F(m.ValMacroF1)},{F(m.ValWorstRecall)},{F(m.Seconds)}");
            foreach (var r in m.ValPerClassRecall)
            {
                sb.Append(',').Append(F(r));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static void WriteAtomic(string path, string text)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, text);
        File.Move(tmp, path, overwrite: true);
    }

    private static string F(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);
}
