using Augment.Cli.Tests.Images;

namespace Augment.Cli.Tests.Spec;

public sealed class SpecValidateCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_ValidSpec_PrintsOkExit0()
    {
        var spec = Specs.Write(_dir.Combine("good.json"));

        var run = await CliHarness.RunAsync(["spec", "validate", spec]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("good.json: OK", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Run_InvalidSpec_PrintsEveryErrorWithPathExit2()
    {
        var good = Specs.Write(_dir.Combine("good.json"));
        var bad = Specs.Write(_dir.Combine("bad.json"), """
            {"nodes":[
              {"rotate":{"degrees":{"min":20,"max":-20}}},
              {"oneOf":{"nodes":[{"p":-0.5,"invert":{}},{"gaussianBlur":{"kernelSize":4}}]}},
              {}]}
            """);

        var run = await CliHarness.RunAsync(["spec", "validate", good, bad]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("good.json: OK", run.Output, StringComparison.Ordinal);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.StartsWith(bad + ": ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("nodes[0].rotate.degrees", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("nodes[1].one_of.nodes[0].p", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("nodes[1].one_of.nodes[1].gaussian_blur.kernel_size", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("nodes[2]: no operation set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_MissingOrMalformedFile_Exit2NamingFile()
    {
        var missing = _dir.Combine("missing.json");
        var malformed = Specs.Write(_dir.Combine("malformed.json"), "{ nodes: [");

        var run = await CliHarness.RunAsync(["spec", "validate", missing, malformed]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing.json: file not found", run.Error, StringComparison.Ordinal);
        Assert.Contains("malformed.json: ", run.Error, StringComparison.Ordinal);
    }
}
