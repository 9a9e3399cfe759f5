using Augment.Contracts.V1;
using Augment.Core.Imaging;
using Augment.Core.Pipelines;
using Augment.Core.Randomness;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Augment.Core.Tests.Pipelines;

public class ColorPropertyTests
{
    private static ImagePipeline Compile(string nodes, string extra = "") => PipelineCompiler.Compile(SpecJson.Parse($$"""{"nodes":[{{nodes}}]{{extra}}}"""));

    [Property(MaxTest = 30)]
    public Property Brightness_StaysWithinItsFactorRange(ulong seed)
    {
        var image = TestImages.Rgb(16, 16, seed);
        var output = Compile("""{"colorJitter":{"brightness":0.3}}""").Run(new AugmentSample(image), new SampleKey(seed, 0, 0)).Image;
        var ok = true;
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            var v = image.Pixels[i];
            if (v < 20)
            {
                continue;
            }
            var ratio = output.Pixels[i] / (double)v;
            ok &= output.Pixels[i] == 255 || (ratio >= 0.7 - 0.5 / v && ratio <= 1.3 + 0.5 / v);
        }
        return ok.ToProperty();
    }

    [Property(MaxTest = 30)]
    public Property RgbShift_StaysWithinLimits(ulong seed)
    {
        var image = TestImages.Rgb(8, 8, seed);
        var output = Compile("""{"rgbShift":{"rShiftLimit":10,"gShiftLimit":20,"bShiftLimit":5}}""").Run(new AugmentSample(image), new SampleKey(seed, 0, 0)).Image;
        int[] limits = [10, 20, 5];
        var ok = true;
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            var d = output.Pixels[i] - image.Pixels[i];
            ok &= Math.Abs(d) <= limits[i % 3] + 1;
        }
        return ok.ToProperty();
    }

    [Fact]
    public void ConsecutiveColourSteps_FuseWithoutIntermediateClamping()
    {
        var image = TestImages.Rgb();
        var canvas = new Canvas(new AugmentSample(image), new SampleKey(0, 0, 0), Interpolation.Bilinear, null);
        canvas.Color(ColorMatrix.Scale(2));
        canvas.Color(ColorMatrix.Scale(0.5f));
        Assert.Equal(image.Pixels, canvas.Pixels().Pixels);
    }

    [Fact]
    public void Grayscale_GivesEqualChannels()
    {
        var output = Compile("""{"grayscale":{}}""").Run(new AugmentSample(TestImages.Rgb()), new SampleKey(0, 0, 0)).Image;
        for (var i = 0; i < output.Pixels.Length; i += 3)
        {
            Assert.Equal(output.Pixels[i], output.Pixels[i + 1]);
            Assert.Equal(output.Pixels[i], output.Pixels[i + 2]);
        }
    }

    [Fact]
    public void Invert_IsExact()
    {
        var image = TestImages.Rgb();
        var output = Compile("""{"invert":{}}""").Run(new AugmentSample(image), new SampleKey(0, 0, 0)).Image;
        Assert.Equal(image.Pixels.Select(v => (byte)(255 - v)), output.Pixels);
    }

    [Fact]
    public void Posterize_KeepsTopBits()
    {
        var image = TestImages.Rgb();
        var output = Compile("""{"posterize":{"bits":2}}""").Run(new AugmentSample(image), new SampleKey(0, 0, 0)).Image;
        Assert.Equal(image.Pixels.Select(v => (byte)(v & 0xC0)), output.Pixels);
    }

    [Fact]
    public void Solarize_InvertsAboveThreshold()
    {
        var image = TestImages.Rgb();
        var output = Compile("""{"solarize":{"threshold":100}}""").Run(new AugmentSample(image), new SampleKey(0, 0, 0)).Image;
        Assert.Equal(image.Pixels.Select(v => v >= 100 ? (byte)(255 - v) : v), output.Pixels);
    }

    [Fact]
    public void AutoContrast_StretchesToFullRange()
    {
        var image = new ImageBuffer(4, 1, 1, [50, 100, 150, 200]);
        var output = Compile("""{"autoContrast":{}}""").Run(new AugmentSample(image), new SampleKey(0, 0, 0)).Image;
        Assert.Equal(new byte[] { 0, 85, 170, 255 }, output.Pixels);
    }

    [Fact]
    public void Equalize_FlattensHistogram()
    {
        var pixels = new byte[64 * 64];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(100 + i % 16);
        }
        var output = Compile("""{"equalize":{}}""").Run(new AugmentSample(new ImageBuffer(64, 64, 1, pixels)), new SampleKey(0, 0, 0)).Image;
        Assert.Equal(0, output.Pixels.Min());
        Assert.True(output.Pixels.Max() >= 224);
    }

    [Fact]
    public void ContrastZero_GivesMeanGrey()
    {
        var image = TestImages.Rgb();
        var canvas = new Canvas(new AugmentSample(image), new SampleKey(0, 0, 0), Interpolation.Bilinear, null);
        var mean = canvas.MeanGrey();
        ImageActions.Contrast(canvas, 0);
        Assert.All(canvas.Pixels().Pixels, v => Assert.InRange(v, (int)mean - 1, (int)mean + 1));
    }

    [Fact]
    public void Normalize_Float32Chw_IsExact()
    {
        var image = TestImages.Rgb(4, 3);
        var pipeline = Compile("", ""","output":{"layout":"IMAGE_LAYOUT_FLOAT32_CHW","mean":[0.485,0.456,0.406],"std":[0.229,0.224,0.225]}""");
        var buffer = new byte[pipeline.OutputByteCount(image)];
        pipeline.WriteOutput(pipeline.Run(new AugmentSample(image), new SampleKey(0, 0, 0)).Image, buffer);
        var floats = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(buffer);
        float[] mean = [0.485f, 0.456f, 0.406f], std = [0.229f, 0.224f, 0.225f];
        for (var c = 0; c < 3; c++)
        {
            for (var i = 0; i < 12; i++)
            {
                Assert.Equal((image.Pixels[i * 3 + c] / 255f - mean[c]) / std[c], floats[c * 12 + i]);
            }
        }
    }

    [Fact]
    public void Uint8Output_IsTheHwcBytes()
    {
        var image = TestImages.Rgb(4, 3);
        var pipeline = Compile("");
        var buffer = new byte[pipeline.OutputByteCount(image)];
        pipeline.WriteOutput(image, buffer);
        Assert.Equal(image.Pixels, buffer);
    }
}
