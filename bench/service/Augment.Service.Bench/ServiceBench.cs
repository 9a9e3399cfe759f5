// In-process vs streamed throughput of the Augment service, measured in the same process, interleaved in rounds.
// Usage: Augment.Service.Bench JPEG_DIR OUT_DIR [ROUNDS] [SECONDS] [SCENARIO,...|all] [MODE,...]
// Modes: inproc (BatchStreamRunner, no network); grpc-N[-VARIANT]: N concurrent C# clients in this process (shard i of
// N, one channel each; variants in StreamClients: lib (default), gen, pool, discard, shm, shm-msg); proc-N[-VARIANT]: the
// same clients in a child process, so that server and client CPU are measured apart; py-N[-shm|-shm-msg]: the Python
// client (grpc C-core) in a child process (-shm: tensor bytes and batches through a shared-memory ring with a doorbell,
// like the C# variant grpc-N-shm; -shm-msg: tensor bytes through the ring, one gRPC message per batch); tcp: raw bytes
// through a loopback TCP socket (the floor of any TCP transport; its samples/s assume the in-process sample size).
// Default modes: inproc,grpc-1,grpc-4.
// Prints one line per measurement, then per scenario and mode the median ratio streamed / in-process with its spread,
// the payload rate, and CPU-seconds per GB of payload (server and client apart for child-process modes).
using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Augment.Contracts.V1;
using Augment.Service.Images;
using Augment.Service.Batches;
using Google.Protobuf;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

internal static class ServiceBench
{
    public static async Task<int> Main(string[] args)
    {
if (args.Length > 0 && args[0] == "client")
{
    return await StreamClients.ChildMainAsync(args);
}

var jpegDir = args.Length > 0 ? args[0] : "bench/out/jpegs";
var outDir = Path.GetFullPath(args.Length > 1 ? args[1] : "bench/out/service");
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var seconds = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 3.0;
var only = args.Length > 4 && args[4] != "all" ? args[4].Split(',') : null;
var modes = args.Length > 5 ? args[5].Split(',') : ["inproc", "grpc-1", "grpc-4"];
// BENCH_EXACT=1 runs exactly the given modes (for profiling one mode) and prints no summary.
var exact = Environment.GetEnvironmentVariable("BENCH_EXACT") == "1";
if (!modes.Contains("inproc") && !exact)
{
    modes = ["inproc", .. modes];
}
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
// Extra configuration for experiments: BENCH_CONFIG="Key=Value;Key=Value" (e.g. Kestrel:Limits:MaxResponseBufferSize=1048576).
foreach (var entry in (Environment.GetEnvironmentVariable("BENCH_CONFIG") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
{
    var eq = entry.IndexOf('=', StringComparison.Ordinal);
    config[entry[..eq]] = entry[(eq + 1)..];
    Console.WriteLine($"# config {entry}");
}
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

// Warm-up: fills the decoded-image cache and JIT-compiles both paths. 3 s in process: after 1 s the first round's
// in-process rate was still 15% under the later rounds' (tiered JIT and PGO still busy), which flattered that round's ratios.
var sampleBytes = new Dictionary<string, long>();
foreach (var (name, request) in scenarios)
{
    var warm = await InProcess(request, 3.0);
    sampleBytes[name] = Math.Max(1, warm.Bytes / Math.Max(1, warm.Samples));
    foreach (var variant in modes.Where(m => m.StartsWith("grpc-", StringComparison.Ordinal)).Select(m => Parse(m).Variant).Distinct())
    {
        await StreamClients.RunAsync(address, request, 1, 0.5, variant);
    }
}

var results = new List<Measurement>();
for (var round = 1; round <= rounds; round++)
{
    foreach (var (name, request) in scenarios)
    {
        // The order of the modes rotates every round, so that no mode always runs first (after another scenario).
        var shift = (round - 1) % modes.Length;
        foreach (var mode in modes.Skip(shift).Concat(modes.Take(shift)))
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            var (kind, clients, variant) = Parse(mode);
            double? serverCpu = null, clientCpu = null;
            long samples, bytes;
            double elapsed;
            switch (kind)
            {
                case "inproc":
                    (samples, bytes, elapsed) = await InProcess(request, seconds);
                    break;
                case "tcp":
                    (bytes, elapsed) = await TcpFloor.RunAsync(seconds);
                    samples = bytes / sampleBytes[name];
                    break;
                case "grpc":
                    (samples, bytes, elapsed) = await StreamClients.RunAsync(address, request, clients, seconds, variant);
                    break;
                default:
                    var child = await ChildClient.RunAsync(kind == "py" ? "/usr/bin/python3" : "dotnet", ChildArgs(kind, request, clients, variant));
                    (samples, bytes, elapsed, serverCpu, clientCpu) = (child.Samples, child.Bytes, child.Seconds, child.ServerCpu, child.ClientCpu);
                    break;
            }
            self.Refresh();
            var cpu = serverCpu ?? (self.TotalProcessorTime - cpuBefore).TotalSeconds;
            var m = new Measurement(round, name, mode, samples / elapsed, bytes / elapsed / (1 << 20), cpu, clientCpu, bytes / 1e9);
            results.Add(m);
            Console.WriteLine(FormattableString.Invariant(
                $"{round} {name} {mode} {m.SamplesPerSecond:F0} samples/s {m.MiBPerSecond:F0} MiB/s; CPU {cpu / elapsed:F2} cores") +
                (clientCpu is { } cc ? FormattableString.Invariant($" server + {cc / elapsed:F2} client") : "") +
                FormattableString.Invariant($", {m.CpuPerGB:F2}") + (m.ClientCpuPerGB is { } cg ? FormattableString.Invariant($" + {cg:F2}") : "") + " CPU-s/GB");
        }
    }
}

if (exact)
{
    await app.StopAsync();
    return 0;
}
Console.WriteLine();
Console.WriteLine("# per scenario and mode: median over rounds of (streamed / in-process) samples/s [min, max]; median MiB/s of tensor payload;");
Console.WriteLine("# median CPU-seconds per GB of payload (this process; server + client for child-process modes)");
foreach (var (name, _) in scenarios)
{
    var inproc = results.Where(x => x.Scenario == name && x.Mode == "inproc").ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name} inproc: {Median(inproc.Select(x => x.SamplesPerSecond)):F0} samples/s, {Median(inproc.Select(x => x.MiBPerSecond)):F0} MiB/s, {Median(inproc.Select(x => x.CpuPerGB)):F2} CPU-s/GB"));
    foreach (var mode in modes.Where(m => m != "inproc"))
    {
        var ratios = Enumerable.Range(1, rounds).Select(r =>
            results.Single(x => x.Round == r && x.Scenario == name && x.Mode == mode).SamplesPerSecond /
            results.Single(x => x.Round == r && x.Scenario == name && x.Mode == "inproc").SamplesPerSecond).Order().ToArray();
        var these = results.Where(x => x.Scenario == name && x.Mode == mode).ToArray();
        var mib = Median(these.Select(x => x.MiBPerSecond));
        var clientPart = these[0].ClientCpuPerGB is null ? "" : string.Create(CultureInfo.InvariantCulture, $" + client {Median(these.Select(x => x.ClientCpuPerGB!.Value)):F2}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name} {mode}/inproc: {Median(ratios):F2}x [{ratios[0]:F2}, {ratios[^1]:F2}]  payload {mib:F0} MiB/s ({mib * 1.048576 / 1000:F2} GB/s)  CPU-s/GB {Median(these.Select(x => x.CpuPerGB)):F2}{clientPart}"));
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
            bytes += StreamClients.PayloadBytes(batch);
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

IEnumerable<string> ChildArgs(string kind, StreamBatchesRequest request, int clients, string variant)
{
    var encoded = Convert.ToBase64String(request.ToByteArray());
    var secs = seconds.ToString(CultureInfo.InvariantCulture);
    var hostPort = new Uri(address).Authority;
    return kind == "py"
        ? [Path.GetFullPath("clients/python/bench/stream_throughput.py"), "--address", hostPort, "--request", encoded,
            "--clients", clients.ToString(CultureInfo.InvariantCulture), "--seconds", secs, .. (variant switch { "shm" => ["--shared-memory"], "shm-msg" => ["--shared-memory", "--message-per-batch"], _ => Array.Empty<string>() })]
        : [typeof(ServiceBench).Assembly.Location, "client", address, encoded, clients.ToString(CultureInfo.InvariantCulture), secs, variant];
}

static (string Kind, int Clients, string Variant) Parse(string mode)
{
    if (mode is "inproc" or "tcp")
    {
        return (mode, 0, "");
    }
    var parts = mode.Split('-');
    return (parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), parts.Length > 2 ? string.Join('-', parts[2..]) : "lib");
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

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

/// <summary>One measurement: CPU of this process (the server, for child-process modes) and of the child client.</summary>
internal sealed record Measurement(int Round, string Scenario, string Mode, double SamplesPerSecond, double MiBPerSecond,
    double Cpu, double? ClientCpu, double Gigabytes)
{
    public double CpuPerGB => Cpu / Gigabytes;

    public double? ClientCpuPerGB => ClientCpu / Gigabytes;
}
