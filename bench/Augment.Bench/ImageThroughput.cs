using System.Diagnostics;
using Augment.Core.Imaging;
using Augment.Core.Pipelines;
using Augment.Core.Randomness;

namespace Augment.Bench;

/// <summary>Images per second for decode + pipeline + output tensor, from in-memory JPEG bytes, on 1 or 2 threads.
/// Prints one line per measurement: <c>NAME img/s</c>, the format bench/images/run.sh reads.</summary>
internal static class ImageThroughput
{
    public static int Run(string[] args)
    {
        var folder = args[0];
        var seconds = double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var names = args[2].Split(',');
        var specA = args.Length > 3 ? args[3] : "examples/pipelines/pipeline-a.json";
        var specB = args.Length > 4 ? args[4] : "examples/pipelines/pipeline-b.json";
        var files = Directory.GetFiles(folder, "*.jpg").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        var a = PipelineCompiler.Compile(SpecJson.ParseFile(specA));
        var b = PipelineCompiler.Compile(SpecJson.ParseFile(specB));
        foreach (var name in names)
        {
            Func<int, byte[], int> work = name switch
            {
                "decode" => (_, data) => ImageDecoder.Decode(data, "bench", DecodeLimits.Default).Width,
                "ours-A" or "ours-A-2w" => (i, data) => Augment(a, data, i),
                "ours-B" or "ours-B-2w" => (i, data) => Augment(b, data, i),
                _ => throw new ArgumentException($"unknown measurement {name}"),
            };
            var threads = name.EndsWith("-2w", StringComparison.Ordinal) ? 2 : 1;
            Console.WriteLine($"{name} {Measure(work, files, seconds, threads):F1}");
        }
        return 0;
    }

    private static int Augment(ImagePipeline pipeline, byte[] data, int index)
    {
        var image = ImageDecoder.Decode(data, "bench", DecodeLimits.Default);
        var result = pipeline.Run(new AugmentSample(image), new SampleKey(0, 0, index)).Image;
        var tensor = new byte[pipeline.OutputByteCount(result)];
        pipeline.WriteOutput(result, tensor);
        return tensor.Length;
    }

    private static double Measure(Func<int, byte[], int> work, byte[][] files, double seconds, int threads)
    {
        // Warm-up pass (JIT, pools), then timed passes over the whole set until the time is up.
        for (var i = 0; i < Math.Min(32, files.Length); i++)
        {
            work(i, files[i]);
        }
        var watch = Stopwatch.StartNew();
        long done = 0;
        var next = 0L;
        var deadline = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            while (watch.Elapsed < deadline)
            {
                var i = Interlocked.Increment(ref next) - 1;
                work((int)i, files[i % files.Length]);
                Interlocked.Increment(ref done);
            }
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        return done / watch.Elapsed.TotalSeconds;
    }
}
