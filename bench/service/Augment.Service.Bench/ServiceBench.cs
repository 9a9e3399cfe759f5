// In-process vs streamed throughput of the Augment service, measured in the same process, interleaved in rounds.
// Usage: Augment.Service.Bench JPEG_DIR OUT_DIR [ROUNDS] [SECONDS] [SCENARIO,...]
// Prints one line per measurement: "round scenario mode samples/s MiB/s", then median ratios with their spread.
using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Augment.Contracts.V1;
using Augment.Service.Images;
using Augment.Service.Batches;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

internal static class ServiceBench
{
    public static async Task<int> Main(string[] args)
    {

var jpegDir = args.Length > 0 ? args[0] : "bench/out/jpegs";
var outDir = Path.GetFullPath(args.Length > 1 ? args[1] : "bench/out/service");
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var seconds = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 3.0;
var only = args.Length > 4 ? args[4].Split(',') : null;
Directory.CreateDirectory(outDir);

// Datasets: Fashion-MNIST (Debian's full training set when installed, else the built-in sample), the JPEG set as an
// image folder, and 512 pre-made 224x224 grayscale images as IDX (cached, nothing to augment: wire throughput).
var jpegFolder = Path.Combine(outDir, "jpegs", "all");
Directory.CreateDirectory(jpegFolder);
foreach (var f in Directory.GetFiles(jpegDir, "*.jpg"))
{
    var target = Path.Combine(jpegFolder, Path.GetFileName(f));
    if (!File.Exists(target))
    {
        File.Copy(f, target);
    }
}
var idx224 = Path.Combine(outDir, "big-images-idx3-ubyte.gz");
if (!File.Exists(idx224))
{
    WriteIdx(Path.Combine(outDir, "big"), 512, 224, 224);
}
var fmnist = File.Exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz") ? "fashion-mnist" : "sample";
var config = new Dictionary<string, string?>
{
    ["Augment:Data:Datasets:jpegs:Kind"] = "image-folder",
    ["Augment:Data:Datasets:jpegs:Path"] = Path.Combine(outDir, "jpegs"),
    ["Augment:Data:Datasets:big:Kind"] = "idx",
    ["Augment:Data:Datasets:big:Path"] = idx224,
    ["Augment:Data:Datasets:fashion-mnist:Kind"] = "idx",
    ["Augment:Data:Datasets:fashion-mnist:Path"] = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz",
    ["Augment:Data:Datasets:fashion-mnist:Optional"] = "true",
    ["Augment:Data:CacheMegabytes"] = "1024",
    ["Logging:LogLevel:Default"] = "Warning",
};
var app = Program.CreateApp(["--urls", "http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(config));
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
var runner = app.Services.GetRequiredService<BatchStreamRunner>();
Console.WriteLine($"# server {address}, {Environment.ProcessorCount} cores, workers {app.Services.GetRequiredService<Augment.Service.Hosting.WorkerPool>().Size}; fashion-mnist dataset: {fmnist}");

var flipCrop = new Pipeline
{
    Nodes =
    {
        new Node { Id = "crop", RandomCrop = new RandomCrop { Width = 28, Height = 28, Padding = 4 } },
        new Node { Id = "flip", P = 0.5f, HorizontalFlip = new HorizontalFlip() },
    },
};
var rrc = new Pipeline
{
    Nodes =
    {
        new Node { Id = "rrc", RandomResizedCrop = new RandomResizedCrop { Width = 224, Height = 224 } },
        new Node { Id = "flip", P = 0.5f, HorizontalFlip = new HorizontalFlip() },
    },
};
var scenarios = new (string Name, StreamBatchesRequest Request)[]
{
    ("fmnist-256", new StreamBatchesRequest { Dataset = fmnist, BatchSize = 256, Unbounded = true, Seed = 1, Pipeline = flipCrop }),
    ("jpeg224-64", new StreamBatchesRequest { Dataset = "jpegs", BatchSize = 64, Unbounded = true, Seed = 1, Pipeline = rrc }),
    ("cached224-64", new StreamBatchesRequest { Dataset = "big", BatchSize = 64, Unbounded = true, Seed = 1 }),
};

if (only is not null)
{
    scenarios = scenarios.Where(x => only.Contains(x.Name)).ToArray();
}

// Warm-up: fills the decoded-image cache and JIT-compiles both paths.
foreach (var (_, request) in scenarios)
{
    await InProcess(request, 1.0);
    await Streamed(request, 1, 0.5);
}

var results = new List<(int Round, string Scenario, string Mode, double SamplesPerSecond, double MiBPerSecond, double SamplesPerCpuSecond)>();
for (var round = 1; round <= rounds; round++)
{
    foreach (var (name, request) in scenarios)
    {
        // The order of the modes rotates every round, so that no mode always runs first (after another scenario).
        var modes = new[] { "inproc", "grpc-1", "grpc-4" };
        foreach (var mode in modes.Skip((round - 1) % 3).Concat(modes.Take((round - 1) % 3)))
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var (samples, bytes, elapsed) = mode switch
            {
                "inproc" => await InProcess(request, seconds),
                "grpc-1" => await Streamed(request, 1, seconds),
                _ => await Streamed(request, 4, seconds),
            };
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var line = (round, name, mode, samples / elapsed, bytes / elapsed / (1 << 20), samples / cpu);
            results.Add(line);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{round} {name} {mode} {line.Item4:F0} samples/s {line.Item5:F0} MiB/s {line.Item6:F0} samples/cpu-s ({cpu / elapsed:F2} cores)"));
        }
    }
}

Console.WriteLine();
Console.WriteLine("# median over rounds of (streamed / in-process) samples/s [min, max]; the same per CPU-second of this process (insensitive to other load); median MiB/s of tensor payload streamed");
foreach (var (name, _) in scenarios)
{
    foreach (var mode in new[] { "grpc-1", "grpc-4" })
    {
        var ratios = Enumerable.Range(1, rounds).Select(r =>
            results.Single(x => x.Round == r && x.Scenario == name && x.Mode == mode).SamplesPerSecond /
            results.Single(x => x.Round == r && x.Scenario == name && x.Mode == "inproc").SamplesPerSecond).Order().ToArray();
        var mib = results.Where(x => x.Scenario == name && x.Mode == mode).Select(x => x.MiBPerSecond).Order().ToArray();
        var cpuRatios = Enumerable.Range(1, rounds).Select(r =>
            results.Single(x => x.Round == r && x.Scenario == name && x.Mode == mode).SamplesPerCpuSecond /
            results.Single(x => x.Round == r && x.Scenario == name && x.Mode == "inproc").SamplesPerCpuSecond).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name} {mode}/inproc: {Median(ratios):F2}x [{ratios[0]:F2}, {ratios[^1]:F2}]  per CPU-second {Median(cpuRatios):F2}x [{cpuRatios[0]:F2}, {cpuRatios[^1]:F2}]  payload {Median(mib):F0} MiB/s ({Median(mib) * 1.048576 / 1000:F2} GB/s)"));
    }
}
await app.StopAsync();
return 0;

async Task<(long Samples, long Bytes, double Seconds)> InProcess(StreamBatchesRequest request, double budget)
{
    var plan = runner.Plan(request);
    using var cts = new CancellationTokenSource();
    long samples = 0, bytes = 0;
    var sw = Stopwatch.StartNew();
    try
    {
        await runner.RunAsync(plan, batch =>
        {
            samples += batch.Indices.Shape[0];
            bytes += batch.Image.Images.Data.Length;
            if (sw.Elapsed.TotalSeconds >= budget)
            {
                cts.Cancel();
            }
            return Task.CompletedTask;
        }, cts.Token);
    }
    catch (OperationCanceledException)
    {
    }
    return (samples, bytes, sw.Elapsed.TotalSeconds);
}

async Task<(long Samples, long Bytes, double Seconds)> Streamed(StreamBatchesRequest request, int clients, double budget)
{
    long samples = 0, bytes = 0;
    var sw = Stopwatch.StartNew();
    var tasks = Enumerable.Range(0, clients).Select(async c =>
    {
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 512 << 20,
            HttpHandler = new SocketsHttpHandler { InitialHttp2StreamWindowSize = 16 << 20, EnableMultipleHttp2Connections = true },
        });
        var client = new AugmentService.AugmentServiceClient(channel);
        var r = request.Clone();
        r.Shard = new Shard { Index = c, Count = clients };
        using var cts = new CancellationTokenSource();
        using var call = client.StreamBatches(r, cancellationToken: cts.Token);
        try
        {
            await foreach (var batch in call.ResponseStream.ReadAllAsync(cts.Token))
            {
                Interlocked.Add(ref samples, batch.Indices.Shape[0]);
                Interlocked.Add(ref bytes, batch.Image.Images.Data.Length);
                if (sw.Elapsed.TotalSeconds >= budget)
                {
                    cts.Cancel();
                }
            }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
        {
        }
        catch (OperationCanceledException)
        {
        }
    }).ToArray();
    await Task.WhenAll(tasks);
    return (samples, bytes, sw.Elapsed.TotalSeconds);
}

static double Median(double[] sorted) => sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;

static void WriteIdx(string prefix, int count, int rows, int cols)
{
    var images = new byte[16 + (long)count * rows * cols];
    BinaryPrimitives.WriteInt32BigEndian(images, 0x0803);
    BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), count);
    BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), rows);
    BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), cols);
    for (var p = 16; p < images.Length; p++)
    {
        images[p] = (byte)(p * 31 % 251);
    }
    var labels = new byte[8 + count];
    BinaryPrimitives.WriteInt32BigEndian(labels, 0x0801);
    BinaryPrimitives.WriteInt32BigEndian(labels.AsSpan(4), count);
    for (var i = 0; i < count; i++)
    {
        labels[8 + i] = (byte)(i % 10);
    }
    Gzip(prefix + "-images-idx3-ubyte.gz", images);
    Gzip(prefix + "-labels-idx1-ubyte.gz", labels);
}

static void Gzip(string path, byte[] bytes)
{
    using var file = File.Create(path);
    using var gz = new GZipStream(file, CompressionLevel.Fastest);
    gz.Write(bytes);
}

    }
}
