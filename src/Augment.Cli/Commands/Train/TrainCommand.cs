using System.CommandLine;
using System.Globalization;
using Augment.Torch.Training;
using Augment.Torch.Training.Runs;
using Spectre.Console;

namespace Augment.Cli.Commands.Train;

/// <summary>`augment train`: trains a model in process with TorchSharp and writes metrics (CSV + JSON),
/// a PNG plot and best/last checkpoints to --out.</summary>
internal static class TrainCommand
{
    public static Command Create(IAnsiConsole? console = null)
    {
        var set = new TrainOptionSet();
        var output = new Option<string>("--out") { Description = "output folder (metrics.csv, metrics.json, plot.png, checkpoints/)", Required = true };
        var resume = new Option<bool>("--resume") { Description = "continue from --out/checkpoints/last.* when present" };
        var command = new Command("train", "Train a model in process (TorchSharp) with LR schedules, early stopping, weight decay, transfer learning and rebalancing");
        set.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(resume);
        command.SetAction(async (parseResult, ct) =>
        {
            var ui = console ?? AnsiConsole.Console;
            try
            {
                var folder = parseResult.GetValue(output)!;
                var spec = set.ToSpec(parseResult, Path.Combine(folder, "checkpoints"), parseResult.GetValue(resume));
                var (train, test) = DatasetResolver.Load(spec.Dataset, spec.LabelColumn, spec.Trainer.Seed);
                var outcome = await RunWithProgress(ui, spec, train, test, ct);
                RunReport.Write(folder, spec, outcome);
                ui.MarkupLine(CultureInfo.InvariantCulture, "test accuracy [bold]{0:P2}[/], macro-F1 {1:F4}, worst-class recall {2:P1}; wrote {3}",
                    outcome.Test.Accuracy(), outcome.Test.MacroF1(), outcome.Test.WorstClassRecall(), Markup.Escape(folder));
                return 0;
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException or UnauthorizedAccessException or Augment.Core.Pipelines.SpecException or Augment.Core.Imaging.ImageDecodeException or Augment.Core.Data.DatasetException or Augment.Core.Tabular.TabularException)
            {
                ui.MarkupLine("[red]error:[/] {0}", Markup.Escape(ex.Message));
                return 2;
            }
        });
        return command;
    }

    /// <summary>Runs the spec with a live progress bar and one table row per epoch.</summary>
    internal static async Task<RunOutcome> RunWithProgress(IAnsiConsole console, RunSpec spec, Augment.Torch.Training.Data.ArraySampleSource train, Augment.Torch.Training.Data.ArraySampleSource test, CancellationToken ct)
    {
        console.MarkupLine("{0,5} {1,10} {2,10} {3,9} {4,10} {5,9} {6,9} {7,7}", "epoch", "lr", "loss", "acc", "val_loss", "val_acc", "val_f1", "s");
        RunOutcome? outcome = null;
        await console.Progress().AutoClear(true).StartAsync(async ctx =>
        {
            var bar = ctx.AddTask("epoch 0", maxValue: 1);
            outcome = await TrainingSession.RunAsync(spec, train, test, trainer =>
            {
                trainer.BatchCompleted += (epoch, batch, count, loss) =>
                {
                    bar.Description = string.Create(CultureInfo.InvariantCulture, $"epoch {epoch} loss {loss:F4}");
                    bar.MaxValue = count;
                    bar.Value = batch + 1;
                };
                trainer.EpochCompleted += m => console.MarkupLine(CultureInfo.InvariantCulture,
                    "{0,5} {1,10:G4} {2,10:F4} {3,9:P2} {4,10:F4} {5,9:P2} {6,9:F4} {7,7:F1}",
                    m.Epoch, m.LearningRate, m.TrainLoss, m.TrainAccuracy, m.ValLoss, m.ValAccuracy, m.ValMacroF1, m.Seconds);
            }, ct);
        });
        return outcome!;
    }
}
