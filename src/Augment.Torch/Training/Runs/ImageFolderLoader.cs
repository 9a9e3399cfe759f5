using Augment.Core.Data;
using Augment.Core.Imaging;
using Augment.Torch.Training.Data;

namespace Augment.Torch.Training.Runs;

/// <summary>Loads an image folder (one sub-folder per class, Augment.Core's <see cref="ImageFolderDataset"/>)
/// into memory as uint8 [C, H, W] samples. Every image must have the same size and channel count.</summary>
internal static class ImageFolderLoader
{
    public static ArraySampleSource Load(string root, IReadOnlyList<string>? classNames = null)
    {
        var ds = ImageFolderDataset.Open(root, root, DecodeLimits.Default);
        if (ds.Count == 0)
        {
            throw new InvalidDataException($"{root}: the image folder holds no images");
        }
        if (classNames is not null && !classNames.SequenceEqual(ds.ClassNames))
        {
            throw new InvalidDataException($"{root}: classes [{string.Join(", ", ds.ClassNames)}] differ from the training classes [{string.Join(", ", classNames)}]");
        }
        var first = ds.Load(0).Image;
        int h = first.Height, w = first.Width, c = first.Channels, size = h * w * c;
        var pixels = new byte[(long)ds.Count * size];
        try
        {
            Fill(ds, first, pixels, h, w, c);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
        return new ArraySampleSource(pixels, [.. ds.Labels], [c, h, w], SampleElementType.UInt8, Math.Max(2, ds.ClassNames.Count));
    }

    private static void Fill(ImageFolderDataset ds, ImageBuffer first, byte[] pixels, int h, int w, int c)
    {
        var size = h * w * c;
        Parallel.For(0, ds.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var image = i == 0 ? first : ds.Load(i).Image;
            if (image.Height != h || image.Width != w || image.Channels != c)
            {
                throw new InvalidDataException($"{ds.SourceName(i)}: {image.Width}x{image.Height}x{image.Channels}, but the first image is {w}x{h}x{c} (the trainer needs one size; resize the folder first)");
            }
            ToChw(image, pixels.AsSpan((int)((long)i * size), size));
        });
    }

    private static void ToChw(ImageBuffer image, Span<byte> chw)
    {
        int c = image.Channels, n = image.Width * image.Height;
        for (var ch = 0; ch < c; ch++)
        {
            for (var i = 0; i < n; i++)
            {
                chw[ch * n + i] = image.Pixels[i * c + ch];
            }
        }
    }
}
