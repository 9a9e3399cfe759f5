using System.CommandLine;
using Augment.Cli.Commands.Images;
using Augment.Core.Pipelines;
using Spectre.Console;

namespace Augment.Cli.Commands.Spec;

/// <summary><c>augment spec ops</c>: a table of every operation and its parameters, read from the schema.</summary>
internal static class SpecOpsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("ops", "List the operations a pipeline node can hold, with their parameters");
        command.SetAction(parseResult => Run(CliConsole.From(parseResult)));
        return command;
    }

    /// <summary>Prints the table; returns 0.</summary>
    public static int Run(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var table = new Table().AddColumn("operation").AddColumn("JSON key").AddColumn("parameters");
        foreach (var (op, parameters) in OperationCatalog.Describe())
        {
            var text = parameters.Count == 0 ? "-" : string.Join(", ", parameters.Select(p => $"{p.Name}: {p.Type}"));
            table.AddRow(Markup.Escape(op), Markup.Escape(CamelCase(op)), Markup.Escape(text));
        }
        console.Out.Write(table);
        console.Out.WriteLine("Every node also takes \"id\" (string, keys its random stream) and \"p\" (probability, default 1).");
        console.Out.WriteLine("JSON accepts snake_case or camelCase names (proto3 JSON mapping); ranges are {\"min\": a, \"max\": b}.");
        return 0;
    }

    /// <summary>The proto3 JSON (lowerCamelCase) name of a snake_case field name.</summary>
    public static string CamelCase(string snake)
    {
        ArgumentNullException.ThrowIfNull(snake);
        var parts = snake.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
