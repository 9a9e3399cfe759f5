using System.Diagnostics;
using System.Globalization;
using System.Text;
using Augment.Core.Tabular;
using Augment.Core.Tabular.Samplers;
using Augment.Core.Tabular.Sampling;

/// <summary>Times the stages of one SMOTE resample separately (wall and process CPU time), by calling the same
/// internal steps <see cref="TabularResampler"/> runs. Diagnostic only (AUGMENT_BENCH_DETAIL=1).</summary>
internal static class StageBreakdown
{
    public static string Run(TabularData data, ResampleOptions options)
    {
        var text = new StringBuilder("stages:");
        var process = Process.GetCurrentProcess();
        var wall = Stopwatch.StartNew();
        var cpu = process.TotalProcessorTime;
        void Mark(string name)
        {
            process.Refresh();
            var nowCpu = process.TotalProcessorTime;
            text.Append(CultureInfo.InvariantCulture, $" {name}={wall.Elapsed.TotalMilliseconds:0.0}ms/cpu {(nowCpu - cpu).TotalMilliseconds:0}ms");
            wall.Restart();
            cpu = nowCpu;
        }
        var counts = data.ClassCounts();
        var targets = SamplingStrategyResolver.Resolve(options.Strategy, data.ClassNames, counts, SamplingType.OverSampling);
        var distance = DistanceSpace.Numeric(data, options.Standardize);
        var ctx = new SamplerContext(data, options, distance, "smote", CancellationToken.None);
        Mark("input+context");
        var minority = Array.IndexOf(counts, counts.Min());
        var rows = ctx.ClassRows[minority];
        _ = ctx.Neighbors(rows, rows, options.K);
        Mark("knn");
        var generators = SmoteSampler.Plan(ctx, targets, [], "smote");
        Mark("plan(incl. knn again)");
        var generator = generators[0];
        var d = data.FeatureCount;
        var buffer = new double[generator.Count * d];
        Mark("alloc");
        Parallel.For(0, (int)((generator.Count + 4095) / 4096), b =>
        {
            var end = Math.Min(generator.Count, (b + 1) * 4096L);
            for (var j = b * 4096L; j < end; j++)
            {
                generator.Generate(j, buffer.AsSpan((int)(j * d), d));
            }
        });
        Mark("generate");
        var plan = TabularResampler.Plan(data, options);
        Mark("Plan");
        _ = plan.Materialize(options.MaxDegreeOfParallelism);
        Mark("Materialize");
        return text.ToString();
    }

    /// <summary>kNN of the minority rows among themselves with each candidate kernel, single thread.</summary>
    public static string Kernels(TabularData data, ResampleOptions options)
    {
        var counts = data.ClassCounts();
        var minority = Array.IndexOf(counts, counts.Min());
        var rows = Enumerable.Range(0, data.RowCount).Where(r => data.Labels[r] == minority).ToArray();
        var x = data.Matrix.Gather(rows);
        var text = new StringBuilder(FormattableString.Invariant($"avx512={System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}"));
        var self = Enumerable.Range(0, rows.Length).ToArray();
        var paired = Augment.Core.Tabular.Neighbors.ExactNearestNeighbors.Search(x, x, options.K, self, -1, CancellationToken.None);
        var copy = new FeatureMatrix((double[])x.Data.Clone(), x.Rows, x.Columns);
        var separate = Augment.Core.Tabular.Neighbors.ExactNearestNeighbors.Search(x, copy, options.K, self, -1, CancellationToken.None, wide: false);
        text.Append(FormattableString.Invariant($" same-neighbours-as-one-directional-pass={paired.Indices.AsSpan().SequenceEqual(separate.Indices)}"));
        foreach (var wide in new[] { false, true, false, true })
        {
            var clock = Stopwatch.StartNew();
            Augment.Core.Tabular.Neighbors.ExactNearestNeighbors.Search(x, x, options.K, self, 1,
                CancellationToken.None, wide: wide);
            text.Append(CultureInfo.InvariantCulture, $" wide={wide}:{clock.Elapsed.TotalMilliseconds:0.0}ms");
        }
        return text.ToString();
    }

    /// <summary>SHA-256 of the output's features, labels and synthetic flags: compares builds byte for byte.</summary>
    public static string Digest(TabularData result)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.Features.AsSpan()));
        sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.Labels.AsSpan()));
        sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes((result.Synthetic ?? []).AsSpan()));
        return "output sha256=" + Convert.ToHexString(sha.GetHashAndReset());
    }
}
