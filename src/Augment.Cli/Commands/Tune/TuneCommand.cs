using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Augment.Cli.Commands.Train;
using Augment.Torch.Training.Runs;
using Augment.Torch.Tuning;
using Augment.Torch.Tuning.Bayes;
using Spectre.Console;

namespace Augment.Cli.Commands.Tune;

/// <summary>`augment tune`: hyper-parameter search (grid, random, Bayesian optimisation with a Gaussian
/// process and expected improvement) over `augment train` runs; writes trials.csv, trials.json, best.json.</summary>
internal static class TuneCommand
{
    public static Command Create(IAnsiConsole? console = null)
    {
        var set = new TrainOptionSet();
        var output = new Option<string>("--out") { Description = "output folder (trials.csv, trials.json, best.json, trial-N/)", Required = true };
        var space = new Option<string?>("--space") { Description = "search space JSON (default: lr log-uniform in [1e-4, 1e-2] and weight decay in {1e-3, 1e-4, 1e-5, 0})" };
        var strategy = new Option<string>("--strategy") { Description = "grid | random | bayes", DefaultValueFactory = _ => "bayes" };
        var trials = new Option<int>("--trials") { Description = "maximum number of trials", DefaultValueFactory = _ => 10 };
        var objective = new Option<string>("--objective") { Description = "val_accuracy | val_macro_f1 | val_worst_recall | val_loss (best epoch's value)", DefaultValueFactory = _ => "val_accuracy" };
        var kernel = new Option<string>("--kernel") { Description = "matern | rbf (bayes)", DefaultValueFactory = _ => "matern" };
        var command = new Command("tune", "Search hyper-parameters over training runs: grid, random or Bayesian optimisation (Gaussian process + expected improvement)");
        set.AddTo(command);
        foreach (var o in new Option[] { output, space, strategy, trials, objective, kernel })
        {
            command.Options.Add(o);
        }
        command.SetAction(async (parseResult, ct) =>
        {
            var ui = console ?? AnsiConsole.Console;
            try
            {
                var folder = parseResult.GetValue(output)!;
                var baseSpec = set.ToSpec(parseResult, null, false);
                var searchSpace = parseResult.GetValue(space) is { } path ? SearchSpaceFile.Load(path) : SearchSpaceFile.Default();
                var objectiveName = parseResult.GetValue(objective)!;
                var maximize = !objectiveName.EndsWith("loss", StringComparison.Ordinal);
                var seed = baseSpec.Trainer.Seed;
                ISearchStrategy search = parseResult.GetValue(strategy) switch
                {
                    "grid" => new GridSearch(),
                    "random" => new RandomSearch(seed),
                    "bayes" => new BayesianSearch(seed, parseResult.GetValue(kernel) == "rbf" ? new RbfKernel() : new Matern52Kernel()),
                    var s => throw new ArgumentException($"--strategy: unknown strategy '{s}' (expected grid, random or bayes)"),
                };
                var (train, test) = DatasetResolver.Load(baseSpec.Dataset, baseSpec.LabelColumn, baseSpec.Trainer.Seed);
                Directory.CreateDirectory(folder);
                var tuner = new Tuner(searchSpace, search, maximize);
                tuner.TrialCompleted += t => ui.MarkupLine(CultureInfo.InvariantCulture, "trial {0}: {1} -> {2} {3:G6}{4}",
                    t.Trial.Index, Markup.Escape(Describe(t.Trial)), objectiveName, t.Objective, t.Error is null ? "" : " [red]" + Markup.Escape(t.Error) + "[/]");
                var result = await tuner.RunAsync(parseResult.GetValue(trials), async (trial, token) =>
                {
                    var spec = SearchSpaceFile.Apply(baseSpec, trial);
                    var outcome = await TrainingSession.RunAsync(spec, train, test, null, token);
                    RunReport.Write(Path.Combine(folder, $"trial-{trial.Index}"), spec, outcome);
                    var history = outcome.Training.History;
                    var values = history.Select(h => h.Get(objectiveName)).Where(double.IsFinite).ToArray();
                    return values.Length == 0 ? double.NaN : maximize ? values.Max() : values.Min();
                }, ct);
                Write(folder, searchSpace, result, objectiveName);
                if (result.Best is { } best)
                {
                    ui.MarkupLine(CultureInfo.InvariantCulture, "best: trial {0} ({1}) {2} = [bold]{3:G6}[/]", best.Trial.Index, Markup.Escape(Describe(best.Trial)), objectiveName, best.Objective);
                }
                return result.Best is null ? 1 : 0;
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException or JsonException or Augment.Core.Pipelines.SpecException or Augment.Core.Imaging.ImageDecodeException or Augment.Core.Data.DatasetException or Augment.Core.Tabular.TabularException)
            {
                ui.MarkupLine("[red]error:[/] {0}", Markup.Escape(ex.Message));
                return 2;
            }
        });
        return command;
    }

    private static string Describe(Trial t) => string.Join(", ", t.Values.Select(kv => $"{kv.Key}={kv.Value}"));

    private static void Write(string folder, SearchSpace space, TuningResult result, string objective)
    {
        var names = space.Parameters.Select(p => p.Name).ToArray();
        var csv = new StringBuilder("trial," + string.Join(",", names) + "," + objective + ",error\n");
        foreach (var t in result.Trials)
        {
            csv.Append(t.Trial.Index.ToString(CultureInfo.InvariantCulture)).Append(',')
               .Append(string.Join(",", names.Select(n => t.Trial.Get(n)))).Append(',')
               .Append(double.IsNaN(t.Objective) ? "" : t.Objective.ToString("R", CultureInfo.InvariantCulture)).Append(',')
               .Append(t.Error is null ? "" : "\"" + t.Error.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"").Append('\n');
        }
        RunReport.WriteAtomic(Path.Combine(folder, "trials.csv"), csv.ToString());
        var options = new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
        var trials = result.Trials.Select(t => new { trial = t.Trial.Index, parameters = t.Trial.Values, objective = t.Objective, error = t.Error });
        RunReport.WriteAtomic(Path.Combine(folder, "trials.json"), JsonSerializer.Serialize(new { objective, trials }, options));
        if (result.Best is { } best)
        {
            RunReport.WriteAtomic(Path.Combine(folder, "best.json"), JsonSerializer.Serialize(new { objective, trial = best.Trial.Index, value = best.Objective, parameters = best.Trial.Values }, options));
        }
    }
}
