using System.CommandLine;

namespace Augment.Cli.Commands;

/// <summary>Every top-level command of the CLI. Add one line per command.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return Train.TrainCommand.Create();
        yield return Tune.TuneCommand.Create();
        yield break;
    }
}
