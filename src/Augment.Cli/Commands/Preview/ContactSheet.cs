using Augment.Core.Imaging;
using Augment.Core.Pipelines;
using Augment.Core.Randomness;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Augment.Cli.Commands.Preview;

/// <summary>Lays out augmented variants of one sample on a grid: cell k (row-major) holds the pipeline's output for
/// key (seed, 0, k). Every cell uses the same scale (so sizes compare): variants larger than <c>maxCell</c> pixels are
/// scaled down to fit, small ones (such as 28x28) are enlarged by a whole factor (nearest neighbour, at most 8x) while
/// they still fit; boxes are drawn as outlines in a colour per label.</summary>
internal sealed class ContactSheet
{
    /// <summary>Pixels between cells and around the sheet.</summary>
    public const int Gap = 4;

    private static readonly byte[] Background = [40, 40, 40];

    /// <summary>Creates a sheet layout.</summary>
    public ContactSheet(GridSize grid, int maxCell)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCell);
        Grid = grid;
        MaxCell = maxCell;
    }

    /// <summary>The grid.</summary>
    public GridSize Grid { get; }

    /// <summary>Largest cell side in pixels.</summary>
    public int MaxCell { get; }

    /// <summary>Runs <paramref name="pipeline"/> once per cell and composes the sheet (RGB).</summary>
    public ImageBuffer Render(ImagePipeline pipeline, AugmentSample sample, ulong seed, bool drawBoxes)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var variants = new AugmentSample[Grid.Cells];
        for (var k = 0; k < variants.Length; k++)
        {
            variants[k] = pipeline.Run(sample, new SampleKey(seed, 0, k));
        }
        var maxW = variants.Max(v => v.Image.Width);
        var maxH = variants.Max(v => v.Image.Height);
        var scale = CellScale(Math.Max(maxW, maxH), MaxCell);
        var cellW = Math.Max(1, (int)Math.Round(maxW * scale));
        var cellH = Math.Max(1, (int)Math.Round(maxH * scale));
        var (sheetW, sheetH) = SheetSize(cellW, cellH);
        var sheet = new ImageBuffer(sheetW, sheetH, 3);
        for (var i = 0; i < sheet.Pixels.Length; i += 3)
        {
            Background.CopyTo(sheet.Pixels, i);
        }
        for (var k = 0; k < variants.Length; k++)
        {
            var v = variants[k];
            var w = Math.Clamp((int)Math.Round(v.Image.Width * scale), 1, cellW);
            var h = Math.Clamp((int)Math.Round(v.Image.Height * scale), 1, cellH);
            var x0 = Gap + (k % Grid.Columns) * (cellW + Gap) + (cellW - w) / 2;
            var y0 = Gap + (k / Grid.Columns) * (cellH + Gap) + (cellH - h) / 2;
            Blit(sheet, Scale(ToRgb(v.Image), w, h, scale > 1), x0, y0);
            if (drawBoxes)
            {
                var sx = (float)w / v.Image.Width;
                var sy = (float)h / v.Image.Height;
                foreach (var b in v.Boxes)
                {
                    BoxPainter.DrawBox(sheet, x0 + b.X1 * sx, y0 + b.Y1 * sy, x0 + b.X2 * sx, y0 + b.Y2 * sy,
                        2, BoxPainter.ColorOf(b.Label), (x0, y0, w, h));
                }
            }
        }
        return sheet;
    }

    /// <summary>The sheet size for cells of <paramref name="cellW"/> x <paramref name="cellH"/>.</summary>
    public (int Width, int Height) SheetSize(int cellW, int cellH) =>
        (Grid.Columns * cellW + (Grid.Columns + 1) * Gap, Grid.Rows * cellH + (Grid.Rows + 1) * Gap);

    private static ImageBuffer ToRgb(ImageBuffer image)
    {
        if (image.Channels == 3)
        {
            return image;
        }
        var rgb = new ImageBuffer(image.Width, image.Height, 3);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            rgb.Pixels[3 * i] = rgb.Pixels[3 * i + 1] = rgb.Pixels[3 * i + 2] = image.Pixels[i];
        }
        return rgb;
    }

    /// <summary>The scale applied to every variant when the largest side is <paramref name="longest"/> pixels.</summary>
    public static double CellScale(int longest, int maxCell) =>
        longest > maxCell ? (double)maxCell / longest : Math.Clamp(maxCell / longest, 1, 8);

    private static ImageBuffer Scale(ImageBuffer image, int width, int height, bool enlarge)
    {
        if (image.Width == width && image.Height == height)
        {
            return image;
        }
        var config = Configuration.Default.Clone();
        config.MaxDegreeOfParallelism = 1;
        using var img = Image.LoadPixelData<Rgb24>(config, image.Pixels, image.Width, image.Height);
        img.Mutate(c => c.Resize(width, height, enlarge ? KnownResamplers.NearestNeighbor : KnownResamplers.Triangle));
        var result = new ImageBuffer(width, height, 3);
        img.CopyPixelDataTo(result.Pixels);
        return result;
    }

    private static void Blit(ImageBuffer sheet, ImageBuffer cell, int x0, int y0)
    {
        for (var y = 0; y < cell.Height; y++)
        {
            Array.Copy(cell.Pixels, y * cell.Stride, sheet.Pixels, ((y0 + y) * sheet.Width + x0) * 3, cell.Stride);
        }
    }
}
