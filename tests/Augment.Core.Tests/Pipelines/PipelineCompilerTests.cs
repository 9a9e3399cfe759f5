using Augment.Core.Imaging;
using Augment.Core.Pipelines;
using Augment.Core.Randomness;

namespace Augment.Core.Tests.Pipelines;

public class PipelineCompilerTests
{
    private static SpecException Fails(string json) =>
        Assert.Throws<SpecException>(() => PipelineCompiler.Compile(SpecJson.Parse(json)));

    [Fact]
    public void Compile_InvertedRange_NamesTheField()
    {
        var ex = Fails("""{"nodes":[{"horizontalFlip":{}},{"horizontalFlip":{}},{"rotate":{"degrees":{"min":20,"max":-20}}}]}""");
        var error = Assert.Single(ex.Errors);
        Assert.Equal("nodes[2].rotate.degrees", error.Path);
        Assert.Contains("min > max", error.Message);
        Assert.Contains("nodes[2].rotate.degrees: min > max", ex.Message);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    public void Compile_ProbabilityOutsideUnitInterval_Fails(double p)
    {
        var ex = Fails($$"""{"nodes":[{"invert":{},"p":{{p.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}]}""");
        Assert.Equal("nodes[0].p", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void Parse_UnknownOperation_FailsWithItsName()
    {
        var ex = Assert.Throws<SpecException>(() => SpecJson.Parse("""{"nodes":[{"twirl":{}}]}""", "spec.json"));
        Assert.Contains("twirl", ex.Message);
        Assert.Equal("spec.json", ex.Errors[0].Path);
    }

    [Fact]
    public void Parse_MalformedJson_Fails()
    {
        var ex = Assert.Throws<SpecException>(() => SpecJson.Parse("""{"nodes":[""", "x.json"));
        Assert.StartsWith("x.json", ex.Message);
    }

    [Fact]
    public void Compile_NodeWithoutOperation_Fails()
    {
        var ex = Fails("""{"nodes":[{"id":"a"}]}""");
        Assert.Equal("nodes[0]", ex.Errors[0].Path);
        Assert.Contains("no operation", ex.Errors[0].Message);
    }

    [Fact]
    public void Compile_ReportsEveryError_IncludingNested()
    {
        var ex = Fails("""
            {"nodes":[
              {"randomResizedCrop":{"width":0,"height":10}},
              {"oneOf":{"nodes":[{"gaussianBlur":{"kernelSize":4}}],"weights":[1,2]}},
              {"colorJitter":{"hue":0.7}}
            ],"output":{"mean":[0.5],"std":[0]}}
            """);
        var paths = ex.Errors.Select(e => e.Path).ToList();
        Assert.Contains("nodes[0].random_resized_crop.width", paths);
        Assert.Contains("nodes[1].one_of.nodes[0].gaussian_blur.kernel_size", paths);
        Assert.Contains("nodes[1].one_of.weights", paths);
        Assert.Contains("nodes[2].color_jitter.hue", paths);
        Assert.Contains("output.std[0]", paths);
    }

    [Fact]
    public void Compile_SomeOfTooMany_Fails()
    {
        var ex = Fails("""{"nodes":[{"someOf":{"nodes":[{"invert":{}}],"n":2}}]}""");
        Assert.Equal("nodes[0].some_of.n", ex.Errors[0].Path);
    }

    [Fact]
    public void Compile_FillWithBadValue_Fails()
    {
        var ex = Fails("""{"nodes":[{"pad":{"left":1,"fill":[300]}}]}""");
        Assert.Equal("nodes[0].pad.fill", ex.Errors[0].Path);
    }

    [Fact]
    public void Compile_MissingPDefaultsToOne()
    {
        var pipeline = PipelineCompiler.Compile(SpecJson.Parse("""{"nodes":[{"invert":{}}]}"""));
        var image = TestImages.Rgb();
        var output = pipeline.Run(new AugmentSample(image), new SampleKey(0, 0, 0));
        Assert.NotEqual(image.Pixels, output.Image.Pixels);
    }

    [Fact]
    public void NodeId_KeysTheStream_NotThePosition()
    {
        // The same node with an id draws the same parameters wherever it sits in the pipeline.
        var a = PipelineCompiler.Compile(SpecJson.Parse("""{"nodes":[{"id":"rot","rotate":{"degrees":{"min":-45,"max":45}}}]}"""));
        var b = PipelineCompiler.Compile(SpecJson.Parse("""{"nodes":[{"invert":{},"p":0},{"id":"rot","rotate":{"degrees":{"min":-45,"max":45}}}]}"""));
        var input = new AugmentSample(TestImages.Rgb());
        var key = new SampleKey(4, 0, 2);
        Assert.Equal(a.Run(input, key).Image.Pixels, b.Run(input, key).Image.Pixels);
    }

    [Fact]
    public void OperationCatalog_DescribesParameters()
    {
        var rotate = OperationCatalog.Describe().Single(o => o.Operation == "rotate");
        Assert.Contains(("degrees", "range {min, max}"), rotate.Parameters);
        Assert.Contains(("fill", "list of number"), rotate.Parameters);
    }
}
