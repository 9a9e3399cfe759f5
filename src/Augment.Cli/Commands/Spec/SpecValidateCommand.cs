using System.CommandLine;
using Augment.Cli.Commands.Images;
using Augment.Core.Pipelines;
using Spectre.Console;

namespace Augment.Cli.Commands.Spec;

/// <summary><c>augment spec validate FILE...</c>: prints OK per valid file, or every error with its field path;
/// exit 2 when any file has errors.</summary>
internal static class SpecValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Pipeline spec files (JSON)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Validate pipeline spec files: OK, or every error with its field path");
        command.Arguments.Add(files);
        command.SetAction(parseResult => Run(parseResult.GetValue(files) ?? [], CliConsole.From(parseResult)));
        return command;
    }

    /// <summary>Validates each file; returns 0 when all are valid, 2 otherwise.</summary>
    public static int Run(IReadOnlyList<string> files, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(console);
        var bad = 0;
        foreach (var file in files)
        {
            try
            {
                var pipeline = PipelineCompiler.Compile(SpecJson.ParseFile(file));
                console.Out.WriteLine($"{file}: OK ({pipeline.Spec.Nodes.Count} nodes)");
            }
            catch (SpecException ex)
            {
                bad++;
                foreach (var e in ex.Errors)
                {
                    console.Error.WriteLine(e.Path == file ? $"{file}: {e.Message}" : $"{file}: {e}");
                }
            }
        }
        return bad == 0 ? 0 : ImagesCommand.ExitBadInput;
    }
}
