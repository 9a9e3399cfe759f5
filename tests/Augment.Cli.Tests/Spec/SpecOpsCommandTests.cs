using Augment.Cli.Tests.Images;
using Augment.Core.Pipelines;

namespace Augment.Cli.Tests.Spec;

public sealed class SpecOpsCommandTests
{
    [Fact]
    public async Task Run_ListsEveryOperationWithParameters()
    {
        var run = await CliHarness.RunAsync(["spec", "ops"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(OperationCatalog.Names, name => Assert.Contains(name, run.Output, StringComparison.Ordinal));
        Assert.Contains("random_resized_crop", run.Output, StringComparison.Ordinal);
        Assert.Contains("scale: range {min, max}", run.Output, StringComparison.Ordinal);
        Assert.Contains("num_ops: integer", run.Output, StringComparison.Ordinal);
    }
}
