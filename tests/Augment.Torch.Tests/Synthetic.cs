using Augment.Core.Randomness;
using Augment.Torch.Training.Data;

namespace Augment.Torch.Tests;

/// <summary>Tiny synthetic data sets: class c lights up quadrant c of a noisy 1x12x12 image.</summary>
internal static class Synthetic
{
    public static ArraySampleSource Images(int count, ulong seed, int classes = 4, int[]? perClass = null)
    {
        var labels = new List<int>();
        if (perClass is null)
        {
            for (var i = 0; i < count; i++)
            {
                labels.Add(i % classes);
            }
        }
        else
        {
            for (var c = 0; c < perClass.Length; c++)
            {
                labels.AddRange(Enumerable.Repeat(c, perClass[c]));
            }
        }
        var pixels = new byte[labels.Count * 144];
        for (var i = 0; i < labels.Count; i++)
        {
            var rng = new SampleKey(seed, 0, i).For(7);
            var c = labels[i];
            for (var y = 0; y < 12; y++)
            {
                for (var x = 0; x < 12; x++)
                {
                    var quadrant = (y / 6) * 2 + x / 6;
                    var v = (quadrant == c ? 150 : 40) + rng.NextInt(80);
                    pixels[i * 144 + y * 12 + x] = (byte)v;
                }
            }
        }
        return new ArraySampleSource(pixels, [.. labels], [1, 12, 12], SampleElementType.UInt8, Math.Max(classes, perClass?.Length ?? 0));
    }
}
