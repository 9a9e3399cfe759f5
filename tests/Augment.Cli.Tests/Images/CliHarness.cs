using System.CommandLine;
using Augment.Cli.Commands;

namespace Augment.Cli.Tests.Images;

/// <summary>Runs the real CLI root (every command of <see cref="CommandCatalog"/>) in-process with captured output.</summary>
internal static class CliHarness
{
    public static async Task<CliRun> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("augment (test)");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }
        using var output = new StringWriter();
        using var error = new StringWriter();
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        var code = await root.Parse([.. args]).InvokeAsync(config, cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

/// <summary>Exit code and captured output of one CLI run.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
