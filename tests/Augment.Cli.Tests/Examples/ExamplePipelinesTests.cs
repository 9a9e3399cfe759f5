using Augment.Cli.Tests.Images;
using Augment.Core.Imaging;
using Augment.Core.Pipelines;
using Augment.Core.Randomness;

namespace Augment.Cli.Tests.Examples;

public sealed class ExamplePipelinesTests
{
    private static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Augment.sln")))
            {
                dir = dir.Parent;
            }
            Assert.NotNull(dir);
            return Path.Combine(dir.FullName, "examples", "pipelines");
        }
    }

    public static TheoryData<string> Files() => [.. Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Folder_HoldsTheDocumentedExamples()
    {
        var names = Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).ToHashSet();

        Assert.Superset(new HashSet<string?> { "pipeline-a.json", "pipeline-b.json", "detection.json", "fashion-mnist.json", "randaugment.json" }, names);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Validate_ExampleFile_Ok(string file)
    {
        var run = await CliHarness.RunAsync(["spec", "validate", Path.Combine(Folder, file)]);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Compile_ExampleFile_RunsOnARealImageAndRoundTrips(string file)
    {
        var spec = SpecJson.ParseFile(Path.Combine(Folder, file));
        var pipeline = PipelineCompiler.Compile(spec);
        var path = Path.Combine(Path.GetTempPath(), $"augment-example-{Guid.NewGuid():N}.jpg");
        try
        {
            TestImages.Write(path, 120, 90);
            var image = ImageDecoder.DecodeFile(path, DecodeLimits.Default);
            var sample = new AugmentSample(image) { Boxes = [new BoundingBox(30, 30, 60, 60, 0)] };

            var result = pipeline.Run(sample, new SampleKey(1, 0, 0));

            Assert.True(result.Image.Width > 0 && result.Image.Height > 0);
            Assert.Equal(SpecJson.Format(spec), SpecJson.Format(SpecJson.Parse(SpecJson.Format(spec))));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void PipelineA_MatchesTheBenchmarkDefinition()
    {
        var spec = SpecJson.ParseFile(Path.Combine(Folder, "pipeline-a.json"));

        Assert.Equal(["crop", "flip", "jitter"], spec.Nodes.Select(n => n.Id));
        Assert.Equal(224, spec.Nodes[0].RandomResizedCrop.Width);
        Assert.Equal(0.5f, spec.Nodes[1].P);
        Assert.Equal([0.4f, 0.4f, 0.4f, 0.1f], [spec.Nodes[2].ColorJitter.Brightness, spec.Nodes[2].ColorJitter.Contrast, spec.Nodes[2].ColorJitter.Saturation, spec.Nodes[2].ColorJitter.Hue]);
        Assert.Equal(Augment.Contracts.V1.ImageLayout.Float32Chw, spec.Output.Layout);
        Assert.Equal([0.485f, 0.456f, 0.406f], spec.Output.Mean);
        Assert.Equal([0.229f, 0.224f, 0.225f], spec.Output.Std);
    }

    [Fact]
    public void Detection_HasBoxParams()
    {
        var spec = SpecJson.ParseFile(Path.Combine(Folder, "detection.json"));

        Assert.NotNull(spec.Boxes);
        Assert.True(spec.Boxes.MinVisibility > 0);
    }
}
