using System.CommandLine;
using Augment.Cli.Commands;

var root = new RootCommand("augment: data augmentation and rebalancing for model training");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}
return await root.Parse(args).InvokeAsync();
