using Augment.Core.Imaging;
using Augment.Core.Pipelines;
using Augment.Core.Randomness;

namespace Augment.Core.Tests.Pipelines;

/// <summary>The contract every operation inherits: same key → same bytes; p = 0 → identity; input never mutated;
/// serial and parallel runs equal; JSON → spec → JSON round-trips.</summary>
public class OperationContractTests
{
    public static IEnumerable<object[]> Names => OperationSpecs.Names;

    /// <summary>Operations that draw something; the others are deterministic and have nothing to vary.</summary>
    public static IEnumerable<object[]> RandomNames => OperationSpecs.Names.Where(n => !Deterministic.Contains((string)n[0]));

    private static readonly HashSet<string> Deterministic =
    [
        "horizontal_flip", "vertical_flip", "center_crop", "resize", "pad", "grayscale", "posterize",
        "solarize", "equalize", "auto_contrast", "invert", "sequence",
    ];

    [Fact]
    public void Specs_CoverEveryOperationOfTheSchema()
    {
        Assert.Equal(OperationCatalog.Names.Order(), OperationSpecs.Json.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Run_SameKey_SameBytes(string op)
    {
        var pipeline = OperationSpecs.Compile(op);
        var input = new AugmentSample(TestImages.Rgb());
        var a = pipeline.Run(input, new SampleKey(5, 1, 9));
        var b = OperationSpecs.Compile(op).Run(input, new SampleKey(5, 1, 9));
        Assert.Equal(a.Image.Pixels, b.Image.Pixels);
    }

    [Theory]
    [MemberData(nameof(RandomNames))]
    public void Run_DifferentKeys_UsuallyDiffer(string op)
    {
        var pipeline = OperationSpecs.Compile(op);
        var input = new AugmentSample(TestImages.Rgb());
        var outputs = Enumerable.Range(0, 8).Select(i => Convert.ToHexString(pipeline.Run(input, new SampleKey(5, 0, i)).Image.Pixels)).Distinct().Count();
        Assert.True(outputs > 1, $"{op}: 8 keys gave identical outputs");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Run_ProbabilityZero_IsIdentity(string op)
    {
        var input = new AugmentSample(TestImages.Rgb());
        var output = OperationSpecs.Compile(op, 0f).Run(input, new SampleKey(1, 0, 0));
        Assert.Equal(input.Image.Pixels, output.Image.Pixels);
        Assert.Equal(input.Image.Width, output.Image.Width);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Run_NeverMutatesInput(string op)
    {
        var image = TestImages.Rgb();
        var before = (byte[])image.Pixels.Clone();
        var sample = new AugmentSample(image) { Boxes = [new BoundingBox(5, 5, 30, 20, 1)] };
        for (var i = 0; i < 4; i++)
        {
            OperationSpecs.Compile(op).Run(sample, new SampleKey(3, 0, i));
        }
        Assert.Equal(before, image.Pixels);
        Assert.Equal(new BoundingBox(5, 5, 30, 20, 1), sample.Boxes[0]);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Run_SerialAndParallel_Agree(string op)
    {
        var pipeline = OperationSpecs.Compile(op);
        var input = new AugmentSample(TestImages.Rgb());
        var serial = Enumerable.Range(0, 16).Select(i => pipeline.Run(input, new SampleKey(2, 3, i)).Image.Pixels).ToArray();
        var parallel = new byte[16][];
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = pipeline.Run(input, new SampleKey(2, 3, i)).Image.Pixels);
        Assert.Equal(serial, parallel);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SpecJson_RoundTrips(string op)
    {
        var spec = OperationSpecs.Spec(op);
        var json = SpecJson.Format(spec);
        Assert.Equal(spec, SpecJson.Parse(json));
        Assert.Equal(json, SpecJson.Format(SpecJson.Parse(json)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Run_GreyImage_Works(string op)
    {
        var output = OperationSpecs.Compile(op).Run(new AugmentSample(TestImages.Grey()), new SampleKey(1, 0, 0));
        Assert.Equal(1, output.Image.Channels);
    }
}
