using System.CommandLine;
using Augment.Core.Tabular;
using Augment.Core.Tabular.IO;
using Augment.Core.Tabular.Sampling;
using Spectre.Console;

namespace Augment.Cli.Commands.Tabular;

/// <summary><c>augment tabular</c>: rebalances a CSV or Parquet table with a sampler of the SMOTE family, an
/// under-sampler or a cleaner, with imbalanced-learn's semantics.</summary>
internal static class TabularCommand
{
    public static Command Create(IAnsiConsole? console = null)
    {
        var input = new Option<string>("--input", "-i") { Description = "Input table (.csv, .tsv or .parquet)", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Output table (.csv, .tsv or .parquet); written atomically", Required = true };
        var label = new Option<string>("--label") { Description = "Name of the label column", Required = true };
        var method = new Option<string>("--method")
        {
            Description = "random-over, smote, borderline-smote, adasyn, smote-nc, smote-n, random-under, tomek-links, enn, smote-tomek, smote-enn",
            DefaultValueFactory = _ => "smote",
        };
        var k = new Option<int>("--k") { Description = "k_neighbors (SMOTE family) / n_neighbors (ADASYN)", DefaultValueFactory = _ => 5 };
        var strategy = new Option<string>("--strategy")
        {
            Description = "sampling_strategy: auto, minority, majority, 'not minority', 'not majority', all, a float (binary), class=count,... or a class list (cleaners)",
            DefaultValueFactory = _ => "auto",
        };
        var seed = new Option<ulong>("--seed") { Description = "Seed: synthetic row j of class c depends only on (seed, c, j)", DefaultValueFactory = _ => 0UL };
        var categorical = new Option<string?>("--categorical")
        {
            Description = "Comma-separated categorical columns (all others numeric); default: inferred (non-numeric columns)",
        };
        var mNeighbors = new Option<int>("--m-neighbors") { Description = "Borderline-SMOTE m_neighbors", DefaultValueFactory = _ => 10 };
        var kind = new Option<string>("--kind") { Description = "Borderline-SMOTE kind: borderline-1 or borderline-2", DefaultValueFactory = _ => "borderline-1" };
        kind.AcceptOnlyFromAmong("borderline-1", "borderline-2");
        var shrinkage = new Option<double?>("--shrinkage") { Description = "random-over: smoothed bootstrap shrinkage (default none)" };
        var ennNeighbors = new Option<int>("--enn-neighbors") { Description = "ENN n_neighbors (enn, smote-enn)", DefaultValueFactory = _ => 3 };
        var kindSel = new Option<string>("--kind-sel") { Description = "ENN kind_sel: all or mode", DefaultValueFactory = _ => "all" };
        kindSel.AcceptOnlyFromAmong("all", "mode");
        var standardize = new Option<bool>("--standardize") { Description = "z-score numeric columns for the neighbour search only (default off, like imbalanced-learn)" };
        var syntheticColumn = new Option<string?>("--synthetic-column") { Description = "Add a column with this name marking synthetic rows (1) and original rows (0)" };
        var threads = new Option<int>("--threads") { Description = "Threads (default: all cores); the output never depends on it", DefaultValueFactory = _ => -1 };

        var command = new Command("tabular", "Rebalance a tabular data set (SMOTE family, under-sampling, cleaning) with imbalanced-learn's semantics");
        foreach (var option in new Option[] { input, output, label, method, k, strategy, seed, categorical, mNeighbors, kind, shrinkage, ennNeighbors, kindSel, standardize, syntheticColumn, threads })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var ui = console ?? AnsiConsole.Console;
            try
            {
                var options = new ResampleOptions
                {
                    Method = TabularResampler.ParseMethod(parseResult.GetValue(method)!),
                    K = parseResult.GetValue(k),
                    Strategy = SamplingStrategy.Parse(parseResult.GetValue(strategy)!),
                    Seed = parseResult.GetValue(seed),
                    MNeighbors = parseResult.GetValue(mNeighbors),
                    BorderlineKind = parseResult.GetValue(kind) == "borderline-2" ? BorderlineKind.Borderline2 : BorderlineKind.Borderline1,
                    Shrinkage = parseResult.GetValue(shrinkage),
                    EnnNeighbors = parseResult.GetValue(ennNeighbors),
                    EnnKindSelection = parseResult.GetValue(kindSel) == "mode" ? EnnKindSelection.Mode : EnnKindSelection.All,
                    Standardize = parseResult.GetValue(standardize),
                    MaxDegreeOfParallelism = parseResult.GetValue(threads),
                };
                var read = new TableReadOptions
                {
                    LabelColumn = parseResult.GetValue(label)!,
                    CategoricalColumns = parseResult.GetValue(categorical)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                };
                await TabularRunner.RunAsync(ui, parseResult.GetValue(input)!, parseResult.GetValue(output)!, read, options,
                    parseResult.GetValue(syntheticColumn), cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (TabularException e)
            {
                ui.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
