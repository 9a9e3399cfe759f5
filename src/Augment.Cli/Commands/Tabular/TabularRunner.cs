using System.Diagnostics;
using System.Globalization;
using Augment.Core.Tabular;
using Augment.Core.Tabular.IO;
using Spectre.Console;

namespace Augment.Cli.Commands.Tabular;

/// <summary>Runs one <c>augment tabular</c> invocation: read, plan (neighbour search), generate, write, with a
/// progress line per stage and a table of class counts before and after.</summary>
internal static class TabularRunner
{
    public static async Task RunAsync(IAnsiConsole console, string input, string output, TableReadOptions read, ResampleOptions options,
        string? syntheticColumn, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        TabularData data = null!;
        TabularData result = null!;
        await console.Status().StartAsync("Reading " + input, async ctx =>
        {
            data = await TableFiles.ReadAsync(input, read, cancellationToken).ConfigureAwait(false);
            Stage(console, clock, $"read {data.RowCount} rows x {data.FeatureCount} features ({data.Kinds.Count(c => c == ColumnKind.Categorical)} categorical) from {input}");
            ctx.Status($"Planning {TabularResampler.MethodName(options.Method)} (neighbour search)");
            var plan = await Task.Run(() => TabularResampler.Plan(data, options, cancellationToken), cancellationToken).ConfigureAwait(false);
            Stage(console, clock, $"planned {TabularResampler.MethodName(options.Method)}: {plan.SyntheticCount} synthetic rows, {data.RowCount - plan.KeptRows.Count} rows removed");
            ctx.Status("Generating rows");
            result = await Task.Run(() => plan.Materialize(options.MaxDegreeOfParallelism, cancellationToken), cancellationToken).ConfigureAwait(false);
            Stage(console, clock, $"generated: {result.RowCount} rows");
            ctx.Status("Writing " + output);
            await TableFiles.WriteAsync(output, result, syntheticColumn, cancellationToken).ConfigureAwait(false);
            Stage(console, clock, $"wrote {output}");
        }).ConfigureAwait(false);
        console.Write(Summary(data, result));
    }

    private static void Stage(IAnsiConsole console, Stopwatch clock, string text) =>
        console.MarkupLineInterpolated($"[grey]{clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s[/] {text}");

    private static Table Summary(TabularData before, TabularData after)
    {
        var table = new Table().AddColumns("class", "before", "after", "synthetic");
        var b = before.ClassCounts();
        var a = after.ClassCounts();
        var synthetic = new int[a.Length];
        for (var r = 0; r < after.RowCount; r++)
        {
            if (after.Synthetic?[r] == true)
            {
                synthetic[after.Labels[r]]++;
            }
        }
        for (var c = 0; c < b.Length; c++)
        {
            table.AddRow(Markup.Escape(before.ClassNames[c]), Count(b[c]), Count(a[c]), Count(synthetic[c]));
        }
        table.AddRow("[bold]total[/]", Count(b.Sum()), Count(a.Sum()), Count(synthetic.Sum()));
        return table;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
