using Augment.Cli.Commands.Spec;
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
        Assert.Contains("randomResizedCrop", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("random_resized_crop", "randomResizedCrop")]
    [InlineData("invert", "invert")]
    [InlineData("trivial_augment_wide", "trivialAugmentWide")]
    public void CamelCase_SnakeName_MatchesJsonName(string snake, string expected)
    {
        Assert.Equal(expected, SpecOpsCommand.CamelCase(snake));
    }

    [Fact]
    public void CamelCase_EveryOperation_IsTheSchemaJsonName()
    {
        var json = Augment.Contracts.V1.Node.Descriptor.Oneofs[0].Fields.Select(f => f.JsonName);

        Assert.Equal(json, OperationCatalog.Names.Select(SpecOpsCommand.CamelCase));
    }
}
