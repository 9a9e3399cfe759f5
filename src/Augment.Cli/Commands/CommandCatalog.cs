using System.CommandLine;

namespace Augment.Cli.Commands;

/// <summary>Every top-level command of the CLI. Add one line per command.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return Cbert.CbertCommand.Create();
        yield return Images.ImagesCommand.Create();
        yield return Preview.PreviewCommand.Create();
        yield return Spec.SpecCommand.Create();
        yield return Tabular.TabularCommand.Create();
        yield return Text.TextCommand.Create();
        yield return Train.TrainCommand.Create();
        yield return Tune.TuneCommand.Create();
    }
}
