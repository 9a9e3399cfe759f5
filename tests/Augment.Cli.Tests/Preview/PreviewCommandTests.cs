using Augment.Cli.Tests.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Augment.Cli.Tests.Preview;

public sealed class PreviewCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string GreyImage(int width, int height)
    {
        var path = _dir.Combine("grey.png");
        using var image = new Image<Rgb24>(width, height, new Rgb24(128, 128, 128));
        image.SaveAsPng(path);
        return path;
    }

    [Fact]
    public async Task Run_Grid3x2_WritesPngOfGridSize()
    {
        var image = TestImages.Write(_dir.Combine("a.jpg"), 96, 72);
        var spec = Specs.Write(_dir.Combine("s.json"), """{"nodes":[{"randomResizedCrop":{"width":32,"height":24}},{"p":0.5,"horizontalFlip":{}}]}""");
        var output = _dir.Combine("sheet.png");

        var run = await CliHarness.RunAsync(["preview", "--pipeline", spec, "--image", image, "--grid", "3x2", "--seed", "5", "--cell", "48", "--out", output]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((3 * 32 + 4 * 4, 2 * 24 + 3 * 4), TestImages.SizeOf(output));
    }

    [Fact]
    public async Task Run_LargeImage_ScalesCellsToCellLimit()
    {
        var image = TestImages.Write(_dir.Combine("a.png"), 200, 100);
        var spec = Specs.Write(_dir.Combine("s.json"), """{"nodes":[{"p":0.5,"horizontalFlip":{}}]}""");
        var output = _dir.Combine("sheet.png");

        var run = await CliHarness.RunAsync(["preview", "--pipeline", spec, "--image", image, "--grid", "2x2", "--cell", "50", "--out", output]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((2 * 50 + 3 * 4, 2 * 25 + 3 * 4), TestImages.SizeOf(output));
    }

    [Fact]
    public async Task Run_SmallImage_EnlargesCellsByWholeFactor()
    {
        var image = TestImages.Write(_dir.Combine("a.png"), 28, 28);
        var spec = Specs.Write(_dir.Combine("s.json"), """{"nodes":[{"p":0.5,"horizontalFlip":{}}]}""");
        var output = _dir.Combine("sheet.png");

        var run = await CliHarness.RunAsync(["preview", "--pipeline", spec, "--image", image, "--grid", "2x1", "--out", output]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((2 * 224 + 3 * 4, 224 + 2 * 4), TestImages.SizeOf(output));
        // Nearest-neighbour enlargement: each source pixel becomes an 8x8 block.
        Assert.Equal(TestImages.PixelAt(output, 4 + 8 * 20, 4 + 8 * 10), TestImages.PixelAt(output, 4 + 8 * 20 + 7, 4 + 8 * 10 + 7));
    }

    [Theory]
    [InlineData(224, 256, 1.0)]
    [InlineData(28, 256, 8.0)]
    [InlineData(100, 256, 2.0)]
    [InlineData(512, 256, 0.5)]
    public void CellScale_Sizes_DownscaleOrWholeEnlargement(int longest, int cell, double expected)
    {
        Assert.Equal(expected, Augment.Cli.Commands.Preview.ContactSheet.CellScale(longest, cell));
    }

    [Fact]
    public async Task Run_SameSeed_SameBytes_OtherSeed_Differs()
    {
        var image = TestImages.Write(_dir.Combine("a.jpg"));
        var spec = Specs.Write(_dir.Combine("s.json"));
        string[] Args(string seed, string output) => ["preview", "--pipeline", spec, "--image", image, "--grid", "2x2", "--seed", seed, "--out", output];

        await CliHarness.RunAsync(Args("1", _dir.Combine("a.png")));
        await CliHarness.RunAsync(Args("1", _dir.Combine("b.png")));
        await CliHarness.RunAsync(Args("2", _dir.Combine("c.png")));

        Assert.Equal(File.ReadAllBytes(_dir.Combine("a.png")), File.ReadAllBytes(_dir.Combine("b.png")));
        Assert.NotEqual(File.ReadAllBytes(_dir.Combine("a.png")), File.ReadAllBytes(_dir.Combine("c.png")));
    }

    [Fact]
    public async Task Run_WithBoxes_DrawsTransformedBoxOutline()
    {
        var image = GreyImage(64, 48);
        var spec = Specs.Write(_dir.Combine("s.json"), """{"nodes":[{"horizontalFlip":{}}]}""");
        var boxes = _dir.Combine("boxes.json");
        File.WriteAllText(boxes, """[{"x1":4,"y1":8,"x2":20,"y2":30,"label":1}]""");
        var output = _dir.Combine("sheet.png");

        var run = await CliHarness.RunAsync(["preview", "--pipeline", spec, "--image", image, "--grid", "1x1", "--cell", "64", "--boxes", boxes, "--out", output]);

        Assert.True(run.ExitCode == 0, run.ToString());
        // Flipped: x in [44, 60); the cell starts at (4, 4). Label 1 is cyan, with a black inner line.
        Assert.Equal(new Rgb24(0, 255, 255), TestImages.PixelAt(output, 4 + 44, 4 + 8));
        Assert.Equal(new Rgb24(0, 255, 255), TestImages.PixelAt(output, 4 + 59, 4 + 29));
        Assert.Equal(new Rgb24(0, 0, 0), TestImages.PixelAt(output, 4 + 46, 4 + 20));
        Assert.Equal(new Rgb24(128, 128, 128), TestImages.PixelAt(output, 4 + 52, 4 + 20));
        Assert.Equal(new Rgb24(128, 128, 128), TestImages.PixelAt(output, 4 + 4, 4 + 8));
    }

    [Fact]
    public async Task Run_WithoutBoxes_DrawsNoOutline()
    {
        var image = GreyImage(64, 48);
        var spec = Specs.Write(_dir.Combine("s.json"), """{"nodes":[{"horizontalFlip":{}}]}""");
        var output = _dir.Combine("sheet.png");

        var run = await CliHarness.RunAsync(["preview", "--pipeline", spec, "--image", image, "--grid", "1x1", "--cell", "64", "--out", output]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new Rgb24(128, 128, 128), TestImages.PixelAt(output, 4 + 44, 4 + 8));
    }

    [Theory]
    [InlineData("""[{"x1":1,"y1":1,"x2":5,"y2":5},{"x1":1,"y1":1,"y2":5}]""", "[1].x2")]
    [InlineData("""[{"x1":5,"y1":1,"x2":1,"y2":5}]""", "[0]: x2 > x1")]
    [InlineData("""{"x1":1}""", "expected a JSON list")]
    [InlineData("""[{"x1":1,"y1":1,"x2":5,"y2":5,"label":"cat"}]""", "[0].label")]
    public async Task Run_BadBoxesFile_Exit2NamingEntry(string json, string expected)
    {
        var image = GreyImage(32, 32);
        var spec = Specs.Write(_dir.Combine("s.json"));
        var boxes = _dir.Combine("boxes.json");
        File.WriteAllText(boxes, json);

        var run = await CliHarness.RunAsync(["preview", "--pipeline", spec, "--image", image, "--boxes", boxes, "--out", _dir.Combine("o.png")]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("boxes.json", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.Combine("o.png")));
    }

    [Theory]
    [InlineData("--grid", "4", "--grid")]
    [InlineData("--grid", "0x3", "--grid")]
    [InlineData("--cell", "0", "--cell")]
    public async Task Run_BadOption_Exit2NamingOption(string option, string value, string expected)
    {
        var image = GreyImage(32, 32);
        var spec = Specs.Write(_dir.Combine("s.json"));

        var run = await CliHarness.RunAsync(["preview", "--pipeline", spec, "--image", image, option, value, "--out", _dir.Combine("o.png")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NotAnImage_Exit2NamingFile()
    {
        var bad = _dir.Combine("bad.jpg");
        File.WriteAllText(bad, "hello");
        var spec = Specs.Write(_dir.Combine("s.json"));

        var run = await CliHarness.RunAsync(["preview", "--pipeline", spec, "--image", bad, "--out", _dir.Combine("o.png")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.jpg", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidSpec_Exit2WithFieldPath()
    {
        var image = GreyImage(32, 32);
        var spec = Specs.Write(_dir.Combine("s.json"), """{"nodes":[{"randomResizedCrop":{"width":0,"height":10}}]}""");

        var run = await CliHarness.RunAsync(["preview", "--pipeline", spec, "--image", image, "--out", _dir.Combine("o.png")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nodes[0].random_resized_crop.width", run.Error, StringComparison.Ordinal);
    }
}
