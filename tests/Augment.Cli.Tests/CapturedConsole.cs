using System.CommandLine;
using Spectre.Console;

namespace Augment.Cli.Tests;

/// <summary>Runs one CLI command with its console captured as plain text (no colour, no wrapping).</summary>
internal static class CapturedConsole
{
    public static async Task<(int Code, string Output)> Run(Func<IAnsiConsole, Command> create, params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 100_000;
        var root = new RootCommand { create(console) };
        var code = await root.Parse(args).InvokeAsync();
        return (code, writer.ToString());
    }
}
