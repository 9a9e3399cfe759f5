using System.Diagnostics;
using System.Globalization;
using Augment.Core.Text.IO;
using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Training;
using Augment.Torch.Training;

namespace Augment.Cli.Commands.Cbert;

/// <summary>Runs the cbert commands. Exit codes: 0 success, 1 bad input or options (the message names the field,
/// file and line).</summary>
internal static class CbertRunner
{
    /// <summary><c>augment cbert train</c>: fine-tunes (after pre-training from scratch when no --model) and saves.</summary>
    public static async Task<int> TrainAsync(CbertTrainSettings train, string outputModel, TextWriter output, TextWriter error, CancellationToken ct) =>
        await GuardAsync(error, async () =>
        {
            using var model = await TrainModelAsync(train, output, ct);
            model.Save(outputModel);
            await output.WriteLineAsync($"saved model ({model.Labels.Count} labels) -> {outputModel}");
        });

    /// <summary><c>augment cbert augment</c>: augments a file with a fine-tuned model directory.</summary>
    public static async Task<int> AugmentAsync(string modelDirectory, CbertAugmentSettings augment, TextWriter output, TextWriter error, CancellationToken ct) =>
        await GuardAsync(error, async () =>
        {
            TorchRuntime.SetThreads(augment.Threads);
            using var model = ConditionalBert.Load(modelDirectory);
            await AugmentFileAsync(model, augment, output, ct);
        });

    /// <summary><c>augment cbert run</c> (and <c>augment text --method cbert</c>): fine-tune then augment in one go.</summary>
    public static async Task<int> RunAsync(CbertTrainSettings train, CbertAugmentSettings augment, string? saveModel, TextWriter output, TextWriter error, CancellationToken ct) =>
        await GuardAsync(error, async () =>
        {
            using var model = await TrainModelAsync(train, output, ct);
            if (saveModel is not null)
            {
                model.Save(saveModel);
                await output.WriteLineAsync($"saved model -> {saveModel}");
            }

            await AugmentFileAsync(model, augment, output, ct);
        });

    internal static async Task<ConditionalBert> TrainModelAsync(CbertTrainSettings s, TextWriter output, CancellationToken ct)
    {
        s.FineTune.Validate();
        TorchRuntime.SetThreads(s.Threads);
        var (records, _) = await ReadAsync(s.Train, s.Read, output, ct);
        if (records.Count == 0)
        {
            throw new ArgumentException($"--train: {s.Train} has no records");
        }

        var examples = records.Select(r => new LabeledText(r.Text, r.Label)).ToList();
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        ConditionalBert model;
        var watch = Stopwatch.StartNew();
        if (s.Model is null)
        {
            model = ConditionalBert.CreateFromScratch(examples.Select(e => e.Text), labels, s.Scratch);
            await output.WriteLineAsync(Invariant(
                $"from scratch: vocabulary {model.Config.VocabSize} pieces, {model.Config.NumHiddenLayers} layers x {model.Config.HiddenSize} hidden"));
            var pre = model.Pretrain([.. examples.Select(e => e.Text)], s.Pretrain, new LineProgress(output, "pretrain"), ct);
            await output.WriteLineAsync(Invariant($"pretrain: {pre.Steps} steps, loss {pre.EpochLosses[0]:F3} -> {pre.EpochLosses[^1]:F3}"));
        }
        else
        {
            model = LoadForFineTuning(s.Model, labels);
            await output.WriteLineAsync(Invariant(
                $"model: {s.Model} ({model.Config.NumHiddenLayers} layers x {model.Config.HiddenSize} hidden, labels {string.Join(", ", model.Labels)})"));
        }

        try
        {
            var fine = model.FineTune(examples, s.FineTune, new LineProgress(output, "fine-tune"), ct);
            await output.WriteLineAsync(Invariant(
                $"fine-tune: {fine.Steps} steps on {fine.Sentences} sentences, loss {fine.EpochLosses[0]:F3} -> {fine.EpochLosses[^1]:F3} ({watch.Elapsed.TotalSeconds:F1} s)"));
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    internal static async Task AugmentFileAsync(ConditionalBert model, CbertAugmentSettings s, TextWriter output, CancellationToken ct)
    {
        TorchRuntime.SetThreads(s.Threads);
        s.Augment.Validate();
        var (records, _) = await ReadAsync(s.Input, s.Read, output, ct);
        var inputs = records.Select(r => new LabeledText(r.Text, r.Label)).ToList();
        var watch = Stopwatch.StartNew();
        var generated = model.Augment(inputs, s.Augment, new CountProgress(output, "augment", inputs.Count), ct);
        var seconds = watch.Elapsed.TotalSeconds;
        var format = s.OutputFormat ?? TextFormats.TryFromPath(s.Output) ?? s.Read.Format;
        await using (var writer = await TextFileWriter.CreateAsync(s.Output, format, s.Read.TextColumn, s.Read.LabelColumn, ct))
        {
            var k = 0;
            for (var i = 0; i < records.Count; i++)
            {
                for (; k < generated.Count && generated[k].SourceIndex == i; k++)
                {
                    writer.Write(records[i].Label, generated[k].Text, records[i].LabelIsJsonLiteral);
                }

                if (s.KeepOriginal)
                {
                    writer.Write(records[i].Label, records[i].Text, records[i].LabelIsJsonLiteral);
                }
            }

            await writer.CommitAsync(ct);
        }

        await output.WriteLineAsync(Invariant(
            $"augmented {records.Count} records -> {generated.Count} variants in {seconds:F2} s ({records.Count / Math.Max(seconds, 1e-9):F1} sentences/s) -> {s.Output}"));
    }

    private static ConditionalBert LoadForFineTuning(string directory, List<string> labels)
    {
        if (File.Exists(Path.Combine(directory, "cbert.json")))
        {
            return ConditionalBert.Load(directory);
        }

        return ConditionalBert.Load(directory, labels);
    }

    private static async Task<(List<TextRecord> Records, TextReadReport Report)> ReadAsync(string path, TextReadOptions options, TextWriter output, CancellationToken ct)
    {
        var report = new TextReadReport();
        var records = new List<TextRecord>();
        await foreach (var record in TextFileReader.ReadAsync(path, options, report, ct))
        {
            records.Add(record);
        }

        if (report.SkippedTotal > 0)
        {
            await output.WriteLineAsync($"{path}: skipped {report.SkippedTotal} bad lines; first: {report.FirstSkipped}");
        }

        return (records, report);
    }

    private static async Task<int> GuardAsync(TextWriter error, Func<Task> action)
    {
        try
        {
            await action();
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or TextInputException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return 1;
        }
    }


    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Prints sentences done, about once per tenth of the input.</summary>
    private sealed class CountProgress(TextWriter output, string phase, int total) : IProgress<int>
    {
        private int lastTenth;

        public void Report(int value)
        {
            var tenth = value * 10 / Math.Max(1, total);
            if (tenth != lastTenth && value < total)
            {
                lastTenth = tenth;
                output.WriteLine(Invariant($"{phase}: {value}/{total} sentences"));
            }
        }
    }

    /// <summary>Prints one line per tenth of the run (synchronously: training runs on the calling thread).</summary>
    private sealed class LineProgress(TextWriter output, string phase) : IProgress<CbertProgress>
    {
        private int lastTenth = -1;

        public void Report(CbertProgress value)
        {
            var tenth = value.Step * 10 / Math.Max(1, value.TotalSteps);
            if (tenth != lastTenth)
            {
                lastTenth = tenth;
                output.WriteLine(Invariant($"{phase}: epoch {value.Epoch} step {value.Step}/{value.TotalSteps} loss {value.Loss:F3}"));
            }
        }
    }
}
