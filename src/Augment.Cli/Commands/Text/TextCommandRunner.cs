using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Augment.Core.Text;
using Augment.Core.Text.Eda;
using Augment.Core.Text.IO;
using Augment.Core.Text.Lexicons;

namespace Augment.Cli.Commands.Text;

/// <summary>Runs <c>augment text</c>: loads the lexicon, augments the file, prints a summary.
/// Exit codes: 0 success, 1 bad input or options (the message names the field, file and line).</summary>
internal static class TextCommandRunner
{
    public static async Task<int> RunAsync(TextCommandSettings s, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            if (s.WordNet is not null && s.Synonyms is not null)
            {
                throw new ArgumentException("--wordnet and --synonyms: choose one lexicon");
            }
            if (s.Threads < 1)
            {
                throw new ArgumentException($"--threads: must be at least 1, got {s.Threads}");
            }
            var inputFormat = s.Format is null ? TextFormats.FromPath(s.Input) : TextFormats.Parse(s.Format);
            var outputFormat = s.OutputFormat is not null ? TextFormats.Parse(s.OutputFormat)
                : TextFormats.TryFromPath(s.Output) ?? inputFormat;
            var readOptions = new TextReadOptions
            {
                Format = inputFormat,
                OnError = s.OnError,
                MaxLineBytes = s.MaxLineBytes,
                TextColumn = s.TextColumn,
                LabelColumn = s.LabelColumn,
            };
            readOptions.Validate();
            if (s.Method == "cbert")
            {
                var numAug = s.Eda.NumAug;
                if (numAug < 1 || numAug != Math.Floor(numAug))
                {
                    throw new ArgumentException($"--num-aug: cbert needs a whole number >= 1, got {numAug}");
                }
                return await Cbert.CbertTextDispatch.RunAsync(s.Train, s.Model, s.Input, s.Output, readOptions, outputFormat,
                    (int)numAug, s.Seed, s.Eda.KeepOriginal, s.Threads, output, error, cancellationToken);
            }
            s.Eda.Validate();

            var loadWatch = Stopwatch.StartNew();
            var lexicon = s.Synonyms is not null ? SynonymLexicon.FromSynonymFile(s.Synonyms)
                : s.WordNet is not null ? SynonymLexicon.FromWordNetDatabase(s.WordNet)
                : SynonymLexicon.EmbeddedWordNet();
            var augmenter = new EdaAugmenter(s.Eda, lexicon);
            // The lexicon is a few hundred thousand long-lived objects: settle them in the oldest generation
            // now rather than have the first collections of the run copy and re-mark them; this is a batch job.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GCSettings.LatencyMode = GCLatencyMode.Batch;
            await output.WriteLineAsync($"lexicon: {lexicon.Name} (loaded in {loadWatch.Elapsed.TotalMilliseconds:F0} ms)".AsMemory(), cancellationToken);

            var report = new TextReadReport();
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = await TextAugmentJob.RunAsync(s.Input, s.Output, readOptions, outputFormat, augmenter, s.Seed, s.Threads, report, cancellationToken);
            var seconds = watch.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
            var rate = result.Records / Math.Max(seconds, 1e-9);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"augmented {result.Records} records -> {result.Outputs} lines in {seconds:F3} s ({rate:F0} records/s), cpu {cpu:F3} s -> {s.Output}").AsMemory(), cancellationToken);
            if (report.SkippedTotal > 0)
            {
                var kinds = string.Join(", ", report.Skipped.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Value} {kv.Key}"));
                await output.WriteLineAsync($"skipped {report.SkippedTotal} bad lines ({kinds}); first: {report.FirstSkipped}".AsMemory(), cancellationToken);
            }
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or TextInputException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return 1;
        }
    }

}
