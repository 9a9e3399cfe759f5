using System.CommandLine;

namespace Augment.Cli.Commands.Spec;

/// <summary><c>augment spec</c>: <c>validate</c> spec files and list the <c>ops</c>.</summary>
internal static class SpecCommand
{
    /// <summary>Builds the command with its sub-commands.</summary>
    public static Command Create()
    {
        var command = new Command("spec", "Check pipeline specs and list the available operations");
        command.Subcommands.Add(SpecValidateCommand.Create());
        command.Subcommands.Add(SpecOpsCommand.Create());
        return command;
    }
}
