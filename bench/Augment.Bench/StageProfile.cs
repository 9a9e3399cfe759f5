using System.Diagnostics;
using Augment.Core.Imaging;
using Augment.Core.Pipelines;
using Augment.Core.Randomness;

namespace Augment.Bench;

/// <summary>CPU time per stage (decode, augment, output) for one pipeline over the JPEG set. Uses process CPU
/// time rather than wall time, so it is usable on a busy machine for relative costs.</summary>
internal static class StageProfile
{
    public static int Run(string[] args)
    {
        var files = Directory.GetFiles(args[0], "*.jpg").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        var pipeline = PipelineCompiler.Compile(SpecJson.ParseFile(args[1]));
        var passes = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var decoded = files.Select(f => ImageDecoder.Decode(f, "bench", DecodeLimits.Default)).ToArray();
        var augmented = decoded.Select((d, i) => pipeline.Run(new AugmentSample(d), new SampleKey(0, 0, i)).Image).ToArray();
        var output = new byte[pipeline.OutputByteCount(augmented[0]) * 2];
        var decode = Cpu(passes, () => { foreach (var f in files) { ImageDecoder.Decode(f, "bench", DecodeLimits.Default); } });
        var augment = Cpu(passes, () => { for (var i = 0; i < decoded.Length; i++) { pipeline.Run(new AugmentSample(decoded[i]), new SampleKey(0, 0, i)); } });
        var write = Cpu(passes, () => { foreach (var a in augmented) { pipeline.WriteOutput(a, output); } });
        var n = files.Length * passes;
        Console.WriteLine($"per image: decode {decode / n:F3} ms, augment {augment / n:F3} ms, output {write / n:F3} ms; GCs gen0 {GC.CollectionCount(0)} gen2 {GC.CollectionCount(2)}");
        return 0;
    }

    private static double Cpu(int passes, Action pass)
    {
        pass();
        var start = Process.GetCurrentProcess().TotalProcessorTime;
        for (var p = 0; p < passes; p++)
        {
            pass();
        }
        return (Process.GetCurrentProcess().TotalProcessorTime - start).TotalMilliseconds;
    }
}
