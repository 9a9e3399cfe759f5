using System.Diagnostics;
using Augment.Core.Imaging;

namespace Augment.Bench;

/// <summary>Minimum-of-runs timings of single kernels (robust on a busy machine).</summary>
internal static class KernelTimes
{
    public static int Run(string[] args)
    {
        var src = ImageDecoder.DecodeFile(Directory.GetFiles(args[0], "*.jpg").Order(StringComparer.Ordinal).First(), DecodeLimits.Default);
        var crop = Matrix3.Scaling(224.0 / 300, 224.0 / 300) * Matrix3.Translation(-50, -40);
        var inv = crop.Invert();
        var small = WarpKernels.Warp(src, inv, 224, 224, [], false);
        var jitter = ColorMatrix.Hue(0.05f) * ColorMatrix.Saturation(1.2f) * ColorMatrix.Scale(1.1f);
        var output = new byte[224 * 224 * 12];
        Report("warp 500x375 -> 224 bilinear", () => WarpKernels.Warp(src, inv, 224, 224, [], false));
        Report("colour matrix 224", () => ColorKernels.ApplyMatrix(small, jitter));
        Report("mean 224", () => ColorKernels.MeanPerChannel(small));
        Report("float CHW output 224", () => OutputKernels.Write(small, Contracts.V1.ImageLayout.Float32Chw, [0.5f, 0.5f, 0.5f], [0.2f, 0.2f, 0.2f], output));
        Report("alloc 224x224x3", () => new ImageBuffer(224, 224, 3));
        var sink = 0L;
        Report("calibration: sum 150528 bytes", () => { long t = 0; foreach (var b in small.Pixels) { t += b; } sink += t; });
        Console.WriteLine(sink > 0 ? "" : " ");
        return 0;
    }

    private static void Report(string name, Action action)
    {
        var best = double.MaxValue;
        for (var run = 0; run < 30; run++)
        {
            var w = Stopwatch.StartNew();
            for (var i = 0; i < 20; i++)
            {
                action();
            }
            best = Math.Min(best, w.Elapsed.TotalMilliseconds / 20);
        }
        Console.WriteLine($"{name,-32} {best * 1000,8:F1} us");
    }
}
