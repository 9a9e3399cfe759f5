using System.CommandLine;
using Augment.Cli.Commands;

var root = new RootCommand("augment: data augmentation and rebalancing for model training");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}
// Parse errors (missing or malformed options) exit with 2 like every other bad-argument error; Ctrl+C gives
// running commands five seconds to stop cleanly.
var parse = root.Parse(args);
var code = await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(5) });
return parse.Errors.Count > 0 ? 2 : code;
