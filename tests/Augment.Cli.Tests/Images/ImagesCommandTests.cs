using Augment.Cli.Commands.Images;

namespace Augment.Cli.Tests.Images;

public sealed class ImagesCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Input => _dir.Combine("in");

    private void WriteDataset(int perClass = 3)
    {
        for (var i = 0; i < perClass; i++)
        {
            TestImages.Write(_dir.Combine("in", "cats", $"cat{i}.jpg"), variant: i);
            TestImages.Write(_dir.Combine("in", "dogs", "small", $"dog{i}.png"), 64, 80, variant: 10 + i);
        }
    }

    private Task<CliRun> RunImages(string output, int workers, params string[] extra) =>
        CliHarness.RunAsync([
            "images", "--input", Input, "--output", output, "--pipeline", Specs.Write(_dir.Combine("spec.json")),
            "--copies", "3", "--seed", "42", "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture), .. extra]);

    [Fact]
    public async Task Run_OneAndTwoWorkers_ByteIdenticalOutputsAndManifest()
    {
        WriteDataset();
        var one = await RunImages(_dir.Combine("out1"), 1);
        var two = await RunImages(_dir.Combine("out2"), 2);

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(two.ExitCode == 0, two.ToString());
        var a = TestImages.Snapshot(_dir.Combine("out1"));
        var b = TestImages.Snapshot(_dir.Combine("out2"));
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (name, bytes) in a)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(b[name]), $"{name} differs between --workers 1 and 2");
        }
        Assert.Contains("cats/cat0_aug002.png", a.Keys);
        Assert.Contains("dogs/small/dog2_aug000.png", a.Keys);
        Assert.Equal(6 * 3, a.Keys.Count(k => k.EndsWith(".png", StringComparison.Ordinal)));
        Assert.Equal((48, 40), TestImages.SizeOf(_dir.Combine("out1", "cats", "cat1_aug001.png")));
    }

    [Fact]
    public async Task Run_Copies_DifferFromEachOther()
    {
        WriteDataset(1);
        var run = await RunImages(_dir.Combine("out"), 2);

        Assert.Equal(0, run.ExitCode);
        var files = Directory.GetFiles(_dir.Combine("out", "cats"), "*.png").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        Assert.Equal(3, files.Length);
        Assert.False(files[0].AsSpan().SequenceEqual(files[1]));
        Assert.False(files[1].AsSpan().SequenceEqual(files[2]));
    }

    [Fact]
    public async Task Run_Manifest_ListsSourceCopyOutputAndKey()
    {
        WriteDataset(1);
        var run = await RunImages(_dir.Combine("out"), 1);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(_dir.Combine("out", RunReport.ManifestName));
        Assert.Equal(6, lines.Length);
        var index = CopyKey.Index("cats/cat0.jpg", 1);
        Assert.Equal(
            $"{{\"source\":\"cats/cat0.jpg\",\"copy\":1,\"output\":\"cats/cat0_aug001.png\",\"seed\":42,\"epoch\":0,\"index\":{index}}}",
            lines[1]);
        Assert.Equal("", File.ReadAllText(_dir.Combine("out", RunReport.FailuresName)));
    }

    [Fact]
    public async Task Run_Resumed_SkipsFinishedFilesAndProducesTheSameSet()
    {
        WriteDataset();
        var reference = await RunImages(_dir.Combine("ref"), 2);
        Assert.Equal(0, reference.ExitCode);
        var output = _dir.Combine("out");
        Assert.Equal(0, (await RunImages(output, 2)).ExitCode);
        // Simulate an interrupted run: some outputs missing, a stale temp file left behind.
        File.Delete(Path.Combine(output, "cats", "cat1_aug002.png"));
        File.Delete(Path.Combine(output, "dogs", "small", "dog0_aug000.png"));
        File.Delete(Path.Combine(output, RunReport.ManifestName));
        File.WriteAllText(Path.Combine(output, "cats", ".cat1_aug002.png.999" + AtomicFile.TempSuffix), "partial");
        var kept = Path.Combine(output, "cats", "cat0_aug000.png");
        var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(kept, old);

        var resumed = await RunImages(output, 1);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("2 outputs written, 16 already done (skipped)", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(old, File.GetLastWriteTimeUtc(kept));
        var expected = TestImages.Snapshot(_dir.Combine("ref"));
        var actual = TestImages.Snapshot(output);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(actual[kv.Key]), kv.Key));
    }

    [Fact]
    public async Task Run_Overwrite_RegeneratesExistingOutputs()
    {
        WriteDataset(1);
        var output = _dir.Combine("out");
        Assert.Equal(0, (await RunImages(output, 1)).ExitCode);
        var file = Path.Combine(output, "cats", "cat0_aug000.png");
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, [1, 2, 3]);

        var again = await RunImages(output, 1, "--overwrite");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(bytes, File.ReadAllBytes(file));
    }

    [Fact]
    public async Task Run_BadFiles_CountedAsFailuresNamedAndTheRestIsDone()
    {
        WriteDataset(1);
        File.WriteAllBytes(_dir.Combine("in", "cats", "empty.jpg"), []);
        File.WriteAllText(_dir.Combine("in", "cats", "notes.png"), "this is text, not an image");
        var good = File.ReadAllBytes(_dir.Combine("in", "cats", "cat0.jpg"));
        File.WriteAllBytes(_dir.Combine("in", "dogs", "truncated.jpg"), good[..(good.Length / 3)]);
        File.WriteAllText(_dir.Combine("in", "labels.csv"), "a,b");

        var run = await RunImages(_dir.Combine("out"), 2);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("cats/empty.jpg", run.Error, StringComparison.Ordinal);
        Assert.Contains("cats/notes.png", run.Error, StringComparison.Ordinal);
        Assert.Contains("3 images failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 non-image files ignored", run.Output, StringComparison.Ordinal);
        var failures = File.ReadAllLines(_dir.Combine("out", RunReport.FailuresName));
        Assert.Equal(3, failures.Length);
        Assert.Contains(failures, l => l.Contains("\"source\":\"cats/empty.jpg\"", StringComparison.Ordinal) && l.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(failures, l => l.Contains("\"source\":\"cats/notes.png\"", StringComparison.Ordinal));
        Assert.Contains(failures, l => l.Contains("\"source\":\"dogs/truncated.jpg\"", StringComparison.Ordinal));
        Assert.True(File.Exists(_dir.Combine("out", "cats", "cat0_aug002.png")));
        Assert.True(File.Exists(_dir.Combine("out", "dogs", "small", "dog0_aug002.png")));
        Assert.Equal(6, File.ReadAllLines(_dir.Combine("out", RunReport.ManifestName)).Length);
    }

    [Fact]
    public async Task Run_InvalidSpec_Exit2NamingFieldPath()
    {
        WriteDataset(1);
        var spec = Specs.Write(_dir.Combine("bad.json"), """{"nodes":[{"horizontalFlip":{}},{"rotate":{"degrees":{"min":10,"max":-10}}},{"p":1.5,"invert":{}}]}""");

        var run = await CliHarness.RunAsync(["images", "--input", Input, "--output", _dir.Combine("out"), "--pipeline", spec, "--copies", "1", "--seed", "1"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("nodes[1].rotate.degrees", run.Error, StringComparison.Ordinal);
        Assert.Contains("nodes[2].p", run.Error, StringComparison.Ordinal);
        Assert.Contains("bad.json", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("out")));
    }

    [Fact]
    public async Task Run_MalformedSpecJson_Exit2NamingFile()
    {
        WriteDataset(1);
        var spec = Specs.Write(_dir.Combine("broken.json"), """{"nodes":[{"noSuchOp":{}}]}""");

        var run = await CliHarness.RunAsync(["images", "--input", Input, "--output", _dir.Combine("out"), "--pipeline", spec, "--copies", "1", "--seed", "1"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken.json", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--copies", "0", "--copies")]
    [InlineData("--workers", "0", "--workers")]
    [InlineData("--quality", "101", "--quality")]
    [InlineData("--format", "gif", "--format")]
    [InlineData("--png-level", "10", "--png-level")]
    public async Task Run_BadOptionValue_Exit2NamingOption(string option, string value, string expected)
    {
        WriteDataset(1);
        var args = new List<string> { "images", "--input", Input, "--output", _dir.Combine("out"), "--pipeline", Specs.Write(_dir.Combine("s.json")), "--copies", "1", "--seed", "1" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var run = await CliHarness.RunAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingInputOrOutputInsideInput_Exit2()
    {
        WriteDataset(1);
        var spec = Specs.Write(_dir.Combine("s.json"));

        var missing = await CliHarness.RunAsync(["images", "--input", _dir.Combine("nope"), "--output", _dir.Combine("out"), "--pipeline", spec, "--copies", "1", "--seed", "1"]);
        var inside = await CliHarness.RunAsync(["images", "--input", Input, "--output", _dir.Combine("in", "aug"), "--pipeline", spec, "--copies", "1", "--seed", "1"]);

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--input", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, inside.ExitCode);
        Assert.Contains("inside --input", inside.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExistingOutputWithOtherSeed_Exit2()
    {
        WriteDataset(1);
        var output = _dir.Combine("out");
        Assert.Equal(0, (await RunImages(output, 1)).ExitCode);

        var other = await CliHarness.RunAsync(["images", "--input", Input, "--output", output, "--pipeline", _dir.Combine("spec.json"), "--copies", "3", "--seed", "43"]);

        Assert.True(other.ExitCode == 2, other.ToString());
        Assert.Contains("seed 42", other.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JpegFormat_WritesDecodableJpegs()
    {
        WriteDataset(1);
        var run = await RunImages(_dir.Combine("out"), 2, "--format", "jpeg", "--quality", "80");

        Assert.Equal(0, run.ExitCode);
        var file = _dir.Combine("out", "dogs", "small", "dog0_aug001.jpg");
        Assert.Equal([0xFF, 0xD8], File.ReadAllBytes(file)[..2]);
        Assert.Equal((48, 40), TestImages.SizeOf(file));
    }

    [Fact]
    public async Task Run_CancelledBeforeStart_Exit130AndNoOutputs()
    {
        WriteDataset(1);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var run = await RunImages(_dir.Combine("out"), 2);
        var cancelled = await CliHarness.RunAsync([
            "images", "--input", Input, "--output", _dir.Combine("out2"), "--pipeline", _dir.Combine("spec.json"),
            "--copies", "3", "--seed", "42"], cts.Token);

        Assert.Equal(0, run.ExitCode);
        Assert.True(cancelled.ExitCode == ImagesCommand.ExitCancelled, cancelled.ToString());
        Assert.Empty(Directory.GetFiles(_dir.Combine("out2"), "*.png", SearchOption.AllDirectories));
        Assert.Empty(File.ReadAllLines(_dir.Combine("out2", RunReport.ManifestName)));
    }

    [Fact]
    public async Task Run_PngLevel_SamePixelsOtherSettingsRefusedOnResume()
    {
        WriteDataset(1);
        Assert.Equal(0, (await RunImages(_dir.Combine("fast"), 2, "--png-level", "1")).ExitCode);
        Assert.Equal(0, (await RunImages(_dir.Combine("default"), 2)).ExitCode);

        var mixed = await RunImages(_dir.Combine("fast"), 2);

        Assert.Equal(2, mixed.ExitCode);
        var a = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(_dir.Combine("fast", "cats", "cat0_aug001.png"));
        var b = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(_dir.Combine("default", "cats", "cat0_aug001.png"));
        using (a)
        using (b)
        {
            var pa = new byte[a.Width * a.Height * 3];
            var pb = new byte[b.Width * b.Height * 3];
            a.CopyPixelDataTo(pa);
            b.CopyPixelDataTo(pb);
            Assert.Equal(pa, pb);
        }
    }

    [Fact]
    public async Task Run_FormatSame_KeepsEachSourceFormat()
    {
        WriteDataset(1);
        var run = await RunImages(_dir.Combine("out"), 1, "--format", "same");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([0xFF, 0xD8], File.ReadAllBytes(_dir.Combine("out", "cats", "cat0_aug000.jpg"))[..2]);
        Assert.Equal([0x89, (byte)'P'], File.ReadAllBytes(_dir.Combine("out", "dogs", "small", "dog0_aug000.png"))[..2]);
    }

    [Fact]
    public async Task Run_GreyInput_WritesEightBitGreyPng()
    {
        var path = _dir.Combine("in", "shirts", "a.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var grey = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.L8>(28, 28))
        {
            for (var y = 0; y < 28; y++)
            {
                for (var x = 0; x < 28; x++)
                {
                    grey[x, y] = new SixLabors.ImageSharp.PixelFormats.L8((byte)(x * 9));
                }
            }
            SixLabors.ImageSharp.ImageExtensions.SaveAsPng(grey, path);
        }
        var spec = Specs.Write(_dir.Combine("s.json"), """{"nodes":[{"randomCrop":{"width":28,"height":28,"padding":2}},{"p":0.5,"horizontalFlip":{}}]}""");

        var run = await CliHarness.RunAsync(["images", "--input", Input, "--output", _dir.Combine("out"), "--pipeline", spec, "--copies", "2", "--seed", "3"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var png = File.ReadAllBytes(_dir.Combine("out", "shirts", "a_aug001.png"));
        Assert.Equal(0, png[25]); // IHDR colour type 0: greyscale
        Assert.Equal((28, 28), TestImages.SizeOf(_dir.Combine("out", "shirts", "a_aug001.png")));
    }
}
