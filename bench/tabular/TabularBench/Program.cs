using System.Diagnostics;
using System.Globalization;
using Augment.Core.Tabular;

// Usage: TabularBench <table.bin> <method> <categorical-count> <threads>
// table.bin: int64 n, int64 d, float64 X[n*d] (row-major), int64 y[n]; the last <categorical-count> columns hold
// integer codes. Prints one line: "seconds=<resample time> cpu=<process CPU seconds in it> rows=<output rows>" (reading
// excluded). AUGMENT_BENCH_WARMUP=1: one untimed resample first (JIT). AUGMENT_BENCH_DETAIL=1: stage breakdown on stderr.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: TabularBench <table.bin> <method> <categorical-count> <threads>");
    return 2;
}
var (x, y, n, d) = Read(args[0]);
var categorical = int.Parse(args[2], CultureInfo.InvariantCulture);
var kinds = Enumerable.Range(0, d).Select(f => f >= d - categorical ? ColumnKind.Categorical : ColumnKind.Numeric).ToArray();
var categories = new IReadOnlyList<string>?[d];
for (var f = d - categorical; f < d; f++)
{
    var max = 0;
    for (var r = 0; r < n; r++)
    {
        max = Math.Max(max, (int)x[r * d + f]);
    }
    categories[f] = Enumerable.Range(0, max + 1).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
}
var classNames = TabularData.SortClassNames(y.Select(v => v.ToString(CultureInfo.InvariantCulture)));
var labels = y.Select(v => Array.IndexOf(classNames, v.ToString(CultureInfo.InvariantCulture))).ToArray();
var data = new TabularData(Enumerable.Range(0, d).Select(f => $"x{f}").ToArray(), kinds, categories, x, "y", d, classNames, labels);
var options = new ResampleOptions
{
    Method = TabularResampler.ParseMethod(args[1]),
    MaxDegreeOfParallelism = int.Parse(args[3], CultureInfo.InvariantCulture),
};
// AUGMENT_BENCH_WARMUP=N: N untimed resamples of the first 20k rows first (JIT tiering; a slice, so the peak
// memory stays that of one full call); the reference's imports are not timed either.
var warmups = int.TryParse(Environment.GetEnvironmentVariable("AUGMENT_BENCH_WARMUP"), CultureInfo.InvariantCulture, out var w) ? w : 0;
if (warmups > 0)
{
    var m = Math.Min(n, 20_000);
    var slice = data.WithRows(x.AsSpan(0, m * d).ToArray(), labels.AsSpan(0, m).ToArray(), null);
    for (var i = 0; i < warmups; i++)
    {
        TabularResampler.Resample(slice, options);
    }
}
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
var plan = TabularResampler.Plan(data, options);
var planSeconds = clock.Elapsed.TotalSeconds;
var result = plan.Materialize(options.MaxDegreeOfParallelism);
var seconds = clock.Elapsed.TotalSeconds;
var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
if (Environment.GetEnvironmentVariable("AUGMENT_BENCH_DETAIL") == "1")
{
    Console.Error.WriteLine(FormattableString.Invariant($"plan={planSeconds:0.####} materialize={seconds - planSeconds:0.####} cpu={cpuSeconds:0.####}"));
    Console.Error.WriteLine(StageBreakdown.Kernels(data, options));
    Console.Error.WriteLine(StageBreakdown.Digest(result));
    for (var round = 0; round < 3; round++)
    {
        Console.Error.WriteLine(StageBreakdown.Run(data, options));
    }
}
Console.WriteLine(FormattableString.Invariant($"seconds={seconds:0.####} cpu={cpuSeconds:0.####} rows={result.RowCount}"));
return 0;

static (double[] X, long[] Y, int N, int D) Read(string path)
{
    using var stream = File.OpenRead(path);
    using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
    var n = checked((int)reader.ReadInt64());
    var d = checked((int)reader.ReadInt64());
    var x = new double[n * d];
    stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(x.AsSpan()));
    var y = new long[n];
    stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(y.AsSpan()));
    return (x, y, n, d);
}
