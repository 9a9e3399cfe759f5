using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Hashing;
using Augment.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Augment.Core.Tests.Imaging;

public sealed class ImageDecoderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-decoder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, Action<Image<Rgb24>, string> save)
    {
        using var image = new Image<Rgb24>(40, 30);
        for (var y = 0; y < 30; y++)
        {
            for (var x = 0; x < 40; x++)
            {
                image[x, y] = new Rgb24((byte)(x * 6), (byte)(y * 8), 128);
            }
        }
        var path = Path.Combine(_dir, name);
        save(image, path);
        return path;
    }

    public static IEnumerable<object[]> Formats => [["a.png"], ["a.jpg"], ["a.bmp"], ["a.gif"], ["a.webp"], ["a.tiff"]];

    [Theory]
    [MemberData(nameof(Formats))]
    public void DecodeFile_EachFormat_GivesRgbOfTheRightSize(string name)
    {
        var path = Write(name, (img, p) => img.Save(p));
        var decoded = ImageDecoder.DecodeFile(path, DecodeLimits.Default);
        Assert.Equal((40, 30, 3), (decoded.Width, decoded.Height, decoded.Channels));
        // Lossy formats stay close; the gradient's corner is recognisable.
        Assert.InRange(decoded.Pixels[(29 * 40 + 39) * 3], 200, 255);
    }

    [Fact]
    public void DecodeFile_Png_IsLossless()
    {
        var path = Write("b.png", (img, p) => img.SaveAsPng(p));
        var decoded = ImageDecoder.DecodeFile(path, DecodeLimits.Default);
        Assert.Equal(new byte[] { 6, 0, 128 }, decoded.Pixels[3..6]);
        Assert.Equal(new byte[] { 6, 8, 128 }, decoded.Pixels.AsSpan(41 * 3, 3).ToArray());
    }

    [Fact]
    public void Decode_ZeroBytes_NamesFile()
    {
        var ex = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode([], "empty.jpg", DecodeLimits.Default));
        Assert.Contains("empty.jpg", ex.Message);
        Assert.Contains("empty", ex.Reason);
    }

    [Fact]
    public void Decode_NotAnImage_NamesFile()
    {
        var ex = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode("hello, world"u8, "notes.txt", DecodeLimits.Default));
        Assert.Contains("notes.txt", ex.Message);
        Assert.Contains("not a recognised image format", ex.Message);
    }

    public static IEnumerable<object[]> JpegDecoders => [[JpegDecoder.Auto], [JpegDecoder.ImageSharp], [JpegDecoder.LibJpegTurbo]];

    [Theory]
    [MemberData(nameof(JpegDecoders))]
    public void Decode_TruncatedJpeg_FailsCleanly(JpegDecoder decoder)
    {
        var bytes = File.ReadAllBytes(Write("t.jpg", (img, p) => img.SaveAsJpeg(p)));
        var truncated = bytes[..(bytes.Length / 3)];
        var ex = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(truncated, "t.jpg", new DecodeLimits(jpeg: decoder)));
        Assert.Contains("t.jpg", ex.Message);
    }

    [Fact]
    public void Decode_Jpeg_BothDecodersAgreeClosely()
    {
        var bytes = File.ReadAllBytes(Write("d.jpg", (img, p) => img.SaveAsJpeg(p)));
        var managed = ImageDecoder.Decode(bytes, "d.jpg", new DecodeLimits(jpeg: JpegDecoder.ImageSharp));
        var turbo = ImageDecoder.Decode(bytes, "d.jpg", new DecodeLimits(jpeg: JpegDecoder.LibJpegTurbo));
        Assert.Equal((managed.Width, managed.Height), (turbo.Width, turbo.Height));
        var diffs = managed.Pixels.Zip(turbo.Pixels, (a, b) => Math.Abs(a - b)).ToArray();
        Assert.InRange(diffs.Average(), 0, 4.0); // IDCT and chroma upsampling round differently
        Assert.InRange(diffs.Max(), 0, 24);
    }

    [Fact]
    public void Decode_JpegBomb_RefusedByTurboHeaderCheck()
    {
        var bytes = File.ReadAllBytes(Write("e.jpg", (img, p) => img.SaveAsJpeg(p)));
        var ex = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(bytes, "e.jpg", new DecodeLimits(maxPixels: 100, jpeg: JpegDecoder.LibJpegTurbo)));
        Assert.Contains("40x30", ex.Message);
    }

    [Fact]
    public void Decode_DecompressionBomb_RefusedFromHeaderQuickly()
    {
        var bomb = PngDeclaring(30000, 30000);
        var watch = Stopwatch.StartNew();
        var ex = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(bomb, "bomb.png", DecodeLimits.Default));
        watch.Stop();
        Assert.Contains("30000x30000", ex.Message);
        Assert.Contains("decompression bomb", ex.Message);
        Assert.True(bomb.Length < 200);
        Assert.True(watch.ElapsedMilliseconds < 2000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Decode_OverEncodedSizeLimit_Fails()
    {
        var bytes = File.ReadAllBytes(Write("c.png", (img, p) => img.SaveAsPng(p)));
        var ex = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(bytes, "c.png", new DecodeLimits(maxEncodedBytes: 10)));
        Assert.Contains("over the limit", ex.Message);
    }

    /// <summary>A valid PNG header and IHDR declaring width x height, one tiny IDAT, IEND.</summary>
    internal static byte[] PngDeclaring(int width, int height)
    {
        using var ms = new MemoryStream();
        ms.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        Chunk(ms, "IHDR", ihdr);
        Chunk(ms, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(len, Crc32.HashToUInt32(typed));
        s.Write(len);
    }
}
