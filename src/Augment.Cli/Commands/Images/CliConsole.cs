using System.CommandLine;
using Spectre.Console;

namespace Augment.Cli.Commands.Images;

/// <summary>The consoles a command writes to, taken from the invocation configuration so tests can capture them.
/// Spectre output is interactive (progress bars, colours) only when it goes to a real terminal.</summary>
internal sealed class CliConsole
{
    private CliConsole(IAnsiConsole output, TextWriter error)
    {
        Out = output;
        Error = error;
    }

    /// <summary>Standard output as a Spectre console.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether progress bars can be drawn (a terminal, not redirected).</summary>
    public bool Interactive => Out.Profile.Capabilities.Interactive;

    /// <summary>The consoles of <paramref name="parseResult"/>'s invocation.</summary>
    public static CliConsole From(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var config = parseResult.InvocationConfiguration;
        var writer = config.Output;
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 120;
        }
        return new CliConsole(console, config.Error);
    }

    /// <summary>Writes an error line to standard error.</summary>
    public void Fail(string message) => Error.WriteLine($"error: {message}");
}
