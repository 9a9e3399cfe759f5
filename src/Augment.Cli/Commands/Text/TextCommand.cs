using System.CommandLine;

namespace Augment.Cli.Commands.Text;

/// <summary><c>augment text --method eda --input train.tsv --output out.tsv ...</c>: augments a text dataset file.</summary>
internal static class TextCommand
{
    public static Command Create()
    {
        var o = new TextCommandOptions();
        var command = new Command("text", "Augment a text classification dataset (TSV label<TAB>text, CSV or JSON Lines) with EDA.");
        foreach (var option in o.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((parseResult, ct) => TextCommandRunner.RunAsync(o.Bind(parseResult), parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error, ct));
        return command;
    }
}
