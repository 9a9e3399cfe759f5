using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Augment.Core.Tabular.Neighbors;

/// <summary>Register-blocked 4-query x 8-reference kernels over one dimension-major tile.</summary>
internal static class DistanceKernels
{
    /// <summary>The reference distance: Σ (r - q)² accumulated with FMA in dimension order.</summary>
    public static double Direct(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (var f = 0; f < a.Length; f++)
        {
            var e = b[f] - a[f];
            s = Math.FusedMultiplyAdd(e, e, s);
        }
        return s;
    }

    /// <summary>Direct squared distances of 4 queries to the 8 rows of a tile (same bits as <see cref="Direct"/>).</summary>
    /// <returns>Bit 8·q + lane set when that distance is below query q's threshold.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Direct4x8(double[] tileData, long tileOffset, int d, double[] queryData, ReadOnlySpan<int> rows,
        ReadOnlySpan<double> thresholds, Span<double> dist)
    {
        ref var tile = ref tileData[tileOffset];
        ref var q0 = ref queryData[(long)rows[0] * d];
        ref var q1 = ref queryData[(long)rows[1] * d];
        ref var q2 = ref queryData[(long)rows[2] * d];
        ref var q3 = ref queryData[(long)rows[3] * d];
        var a00 = Vector256<double>.Zero;
        var a01 = Vector256<double>.Zero;
        var a10 = Vector256<double>.Zero;
        var a11 = Vector256<double>.Zero;
        var a20 = Vector256<double>.Zero;
        var a21 = Vector256<double>.Zero;
        var a30 = Vector256<double>.Zero;
        var a31 = Vector256<double>.Zero;
        for (var f = 0; f < d; f++)
        {
            var r0 = Vector256.LoadUnsafe(ref tile, (nuint)(f * TransposedTiles.Width));
            var r1 = Vector256.LoadUnsafe(ref tile, (nuint)(f * TransposedTiles.Width + 4));
            var b = Vector256.Create(Unsafe.Add(ref q0, f));
            var e0 = r0 - b;
            var e1 = r1 - b;
            a00 = Vector256.FusedMultiplyAdd(e0, e0, a00);
            a01 = Vector256.FusedMultiplyAdd(e1, e1, a01);
            b = Vector256.Create(Unsafe.Add(ref q1, f));
            e0 = r0 - b;
            e1 = r1 - b;
            a10 = Vector256.FusedMultiplyAdd(e0, e0, a10);
            a11 = Vector256.FusedMultiplyAdd(e1, e1, a11);
            b = Vector256.Create(Unsafe.Add(ref q2, f));
            e0 = r0 - b;
            e1 = r1 - b;
            a20 = Vector256.FusedMultiplyAdd(e0, e0, a20);
            a21 = Vector256.FusedMultiplyAdd(e1, e1, a21);
            b = Vector256.Create(Unsafe.Add(ref q3, f));
            e0 = r0 - b;
            e1 = r1 - b;
            a30 = Vector256.FusedMultiplyAdd(e0, e0, a30);
            a31 = Vector256.FusedMultiplyAdd(e1, e1, a31);
        }
        return Emit(a00, a01, a10, a11, a20, a21, a30, a31, thresholds, dist);
    }

    /// <summary>Approximate squared distances ‖q‖² + ‖r‖² - 2 q·r in float32 of 4 centred queries to the 16 rows
    /// of a <see cref="SingleTiles"/> tile: one FMA per query-row-dimension on 8-wide vectors.</summary>
    /// <returns>Bit 16·q + lane set when that distance is below query q's threshold.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong DotSingle4x16(float[] tileData, long tileOffset, float[] norms, long normOffset, int d, float[] queryData,
        ReadOnlySpan<int> rows, ReadOnlySpan<float> queryNorms, ReadOnlySpan<float> thresholds, Span<float> dist)
    {
        ref var tile = ref tileData[tileOffset];
        ref var q0 = ref queryData[(long)rows[0] * d];
        ref var q1 = ref queryData[(long)rows[1] * d];
        ref var q2 = ref queryData[(long)rows[2] * d];
        ref var q3 = ref queryData[(long)rows[3] * d];
        var a00 = Vector256<float>.Zero;
        var a01 = Vector256<float>.Zero;
        var a10 = Vector256<float>.Zero;
        var a11 = Vector256<float>.Zero;
        var a20 = Vector256<float>.Zero;
        var a21 = Vector256<float>.Zero;
        var a30 = Vector256<float>.Zero;
        var a31 = Vector256<float>.Zero;
        for (var f = 0; f < d; f++)
        {
            var r0 = Vector256.LoadUnsafe(ref tile, (nuint)(f * SingleTiles.Width));
            var r1 = Vector256.LoadUnsafe(ref tile, (nuint)(f * SingleTiles.Width + 8));
            var b = Vector256.Create(Unsafe.Add(ref q0, f));
            a00 = Vector256.FusedMultiplyAdd(r0, b, a00);
            a01 = Vector256.FusedMultiplyAdd(r1, b, a01);
            b = Vector256.Create(Unsafe.Add(ref q1, f));
            a10 = Vector256.FusedMultiplyAdd(r0, b, a10);
            a11 = Vector256.FusedMultiplyAdd(r1, b, a11);
            b = Vector256.Create(Unsafe.Add(ref q2, f));
            a20 = Vector256.FusedMultiplyAdd(r0, b, a20);
            a21 = Vector256.FusedMultiplyAdd(r1, b, a21);
            b = Vector256.Create(Unsafe.Add(ref q3, f));
            a30 = Vector256.FusedMultiplyAdd(r0, b, a30);
            a31 = Vector256.FusedMultiplyAdd(r1, b, a31);
        }
        var n0 = Vector256.LoadUnsafe(ref norms[normOffset]);
        var n1 = Vector256.LoadUnsafe(ref norms[normOffset], 8);
        var two = Vector256.Create(-2f);
        ulong mask = 0;
        var acc = (Span<Vector256<float>>)[a00, a01, a10, a11, a20, a21, a30, a31];
        for (var q = 0; q < 4; q++)
        {
            var qn = Vector256.Create(queryNorms[q]);
            var t = Vector256.Create(thresholds[q]);
            var lo = Vector256.FusedMultiplyAdd(two, acc[2 * q], qn + n0);
            var hi = Vector256.FusedMultiplyAdd(two, acc[2 * q + 1], qn + n1);
            var bits = Vector256.LessThan(lo, t).ExtractMostSignificantBits() | (Vector256.LessThan(hi, t).ExtractMostSignificantBits() << 8);
            if (bits != 0)
            {
                lo.CopyTo(dist[(q * 16)..]);
                hi.CopyTo(dist[(q * 16 + 8)..]);
                mask |= (ulong)bits << (q * 16);
            }
        }
        return mask;
    }

    /// <summary>The same approximate distances as <see cref="DotSingle4x16"/> (bit for bit: each lane sums the same
    /// products in the same order) for 8 queries at once on 16-wide vectors (AVX-512).</summary>
    /// <returns>True when some distance beats its query's threshold; <paramref name="masks"/>[q] holds the lanes.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool DotSingle8x16(float[] tileData, long tileOffset, float[] norms, long normOffset, int d, float[] queryData,
        ReadOnlySpan<int> rows, ReadOnlySpan<float> queryNorms, ReadOnlySpan<float> thresholds, Span<float> dist, Span<ushort> masks)
    {
        ref var tile = ref tileData[tileOffset];
        ref var q0 = ref queryData[(long)rows[0] * d];
        ref var q1 = ref queryData[(long)rows[1] * d];
        ref var q2 = ref queryData[(long)rows[2] * d];
        ref var q3 = ref queryData[(long)rows[3] * d];
        ref var q4 = ref queryData[(long)rows[4] * d];
        ref var q5 = ref queryData[(long)rows[5] * d];
        ref var q6 = ref queryData[(long)rows[6] * d];
        ref var q7 = ref queryData[(long)rows[7] * d];
        var a0 = Vector512<float>.Zero;
        var a1 = Vector512<float>.Zero;
        var a2 = Vector512<float>.Zero;
        var a3 = Vector512<float>.Zero;
        var a4 = Vector512<float>.Zero;
        var a5 = Vector512<float>.Zero;
        var a6 = Vector512<float>.Zero;
        var a7 = Vector512<float>.Zero;
        for (var f = 0; f < d; f++)
        {
            var r = Vector512.LoadUnsafe(ref tile, (nuint)(f * SingleTiles.Width));
            a0 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q0, f)), a0);
            a1 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q1, f)), a1);
            a2 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q2, f)), a2);
            a3 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q3, f)), a3);
            a4 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q4, f)), a4);
            a5 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q5, f)), a5);
            a6 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q6, f)), a6);
            a7 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q7, f)), a7);
        }
        var n = Vector512.LoadUnsafe(ref norms[normOffset]);
        var any = Lanes(a0, n, queryNorms[0], thresholds[0], dist[..16], out masks[0]);
        any |= Lanes(a1, n, queryNorms[1], thresholds[1], dist[16..32], out masks[1]);
        any |= Lanes(a2, n, queryNorms[2], thresholds[2], dist[32..48], out masks[2]);
        any |= Lanes(a3, n, queryNorms[3], thresholds[3], dist[48..64], out masks[3]);
        any |= Lanes(a4, n, queryNorms[4], thresholds[4], dist[64..80], out masks[4]);
        any |= Lanes(a5, n, queryNorms[5], thresholds[5], dist[80..96], out masks[5]);
        any |= Lanes(a6, n, queryNorms[6], thresholds[6], dist[96..112], out masks[6]);
        any |= Lanes(a7, n, queryNorms[7], thresholds[7], dist[112..128], out masks[7]);
        return any;
    }

    /// <summary><see cref="DotSingle8x16"/> for a self-search, where each value is also the distance of the tile's
    /// row to the query: always stores the 128 values and sets <paramref name="masks"/>[q] (lanes below query q's
    /// threshold) and <paramref name="transposed"/>[q] (lanes where the value is below that lane row's threshold,
    /// <paramref name="laneThresholds"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DotSingle8x16Pair(float[] tileData, long tileOffset, float[] norms, long normOffset, int d, float[] queryData,
        ReadOnlySpan<int> rows, ReadOnlySpan<float> queryNorms, ReadOnlySpan<float> thresholds, Vector512<float> laneThresholds,
        Span<float> dist, Span<ushort> masks, Span<ushort> transposed)
    {
        ref var tile = ref tileData[tileOffset];
        ref var q0 = ref queryData[(long)rows[0] * d];
        ref var q1 = ref queryData[(long)rows[1] * d];
        ref var q2 = ref queryData[(long)rows[2] * d];
        ref var q3 = ref queryData[(long)rows[3] * d];
        ref var q4 = ref queryData[(long)rows[4] * d];
        ref var q5 = ref queryData[(long)rows[5] * d];
        ref var q6 = ref queryData[(long)rows[6] * d];
        ref var q7 = ref queryData[(long)rows[7] * d];
        var a0 = Vector512<float>.Zero;
        var a1 = Vector512<float>.Zero;
        var a2 = Vector512<float>.Zero;
        var a3 = Vector512<float>.Zero;
        var a4 = Vector512<float>.Zero;
        var a5 = Vector512<float>.Zero;
        var a6 = Vector512<float>.Zero;
        var a7 = Vector512<float>.Zero;
        for (var f = 0; f < d; f++)
        {
            var r = Vector512.LoadUnsafe(ref tile, (nuint)(f * SingleTiles.Width));
            a0 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q0, f)), a0);
            a1 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q1, f)), a1);
            a2 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q2, f)), a2);
            a3 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q3, f)), a3);
            a4 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q4, f)), a4);
            a5 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q5, f)), a5);
            a6 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q6, f)), a6);
            a7 = Vector512.FusedMultiplyAdd(r, Vector512.Create(Unsafe.Add(ref q7, f)), a7);
        }
        var n = Vector512.LoadUnsafe(ref norms[normOffset]);
        BothLanes(a0, n, queryNorms[0], thresholds[0], laneThresholds, dist[..16], out masks[0], out transposed[0]);
        BothLanes(a1, n, queryNorms[1], thresholds[1], laneThresholds, dist[16..32], out masks[1], out transposed[1]);
        BothLanes(a2, n, queryNorms[2], thresholds[2], laneThresholds, dist[32..48], out masks[2], out transposed[2]);
        BothLanes(a3, n, queryNorms[3], thresholds[3], laneThresholds, dist[48..64], out masks[3], out transposed[3]);
        BothLanes(a4, n, queryNorms[4], thresholds[4], laneThresholds, dist[64..80], out masks[4], out transposed[4]);
        BothLanes(a5, n, queryNorms[5], thresholds[5], laneThresholds, dist[80..96], out masks[5], out transposed[5]);
        BothLanes(a6, n, queryNorms[6], thresholds[6], laneThresholds, dist[96..112], out masks[6], out transposed[6]);
        BothLanes(a7, n, queryNorms[7], thresholds[7], laneThresholds, dist[112..128], out masks[7], out transposed[7]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BothLanes(Vector512<float> dot, Vector512<float> norms, float queryNorm, float threshold,
        Vector512<float> laneThresholds, Span<float> dist, out ushort mask, out ushort transposed)
    {
        var value = Vector512.FusedMultiplyAdd(Vector512.Create(-2f), dot, Vector512.Create(queryNorm) + norms);
        mask = (ushort)Vector512.LessThan(value, Vector512.Create(threshold)).ExtractMostSignificantBits();
        transposed = (ushort)Vector512.LessThan(value, laneThresholds).ExtractMostSignificantBits();
        value.CopyTo(dist);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Lanes(Vector512<float> dot, Vector512<float> norms, float queryNorm, float threshold, Span<float> dist, out ushort mask)
    {
        var value = Vector512.FusedMultiplyAdd(Vector512.Create(-2f), dot, Vector512.Create(queryNorm) + norms);
        mask = (ushort)Vector512.LessThan(value, Vector512.Create(threshold)).ExtractMostSignificantBits();
        if (mask == 0)
        {
            return false;
        }
        value.CopyTo(dist);
        return true;
    }

    /// <summary>Stores the 32 distances only when one beats its query's threshold; returns the mask of those.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Emit(Vector256<double> a00, Vector256<double> a01, Vector256<double> a10, Vector256<double> a11,
        Vector256<double> a20, Vector256<double> a21, Vector256<double> a30, Vector256<double> a31,
        ReadOnlySpan<double> thresholds, Span<double> dist)
    {
        var t = Vector256.Create(thresholds[0]);
        var mask = Vector256.LessThan(a00, t).ExtractMostSignificantBits() | (Vector256.LessThan(a01, t).ExtractMostSignificantBits() << 4);
        t = Vector256.Create(thresholds[1]);
        mask |= (Vector256.LessThan(a10, t).ExtractMostSignificantBits() << 8) | (Vector256.LessThan(a11, t).ExtractMostSignificantBits() << 12);
        t = Vector256.Create(thresholds[2]);
        mask |= (Vector256.LessThan(a20, t).ExtractMostSignificantBits() << 16) | (Vector256.LessThan(a21, t).ExtractMostSignificantBits() << 20);
        t = Vector256.Create(thresholds[3]);
        mask |= (Vector256.LessThan(a30, t).ExtractMostSignificantBits() << 24) | (Vector256.LessThan(a31, t).ExtractMostSignificantBits() << 28);
        if (mask != 0)
        {
            a00.CopyTo(dist);
            a01.CopyTo(dist[4..]);
            a10.CopyTo(dist[8..]);
            a11.CopyTo(dist[12..]);
            a20.CopyTo(dist[16..]);
            a21.CopyTo(dist[20..]);
            a30.CopyTo(dist[24..]);
            a31.CopyTo(dist[28..]);
        }
        return mask;
    }
}
