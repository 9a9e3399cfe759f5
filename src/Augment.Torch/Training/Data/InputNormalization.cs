using System.Globalization;
using Augment.Core.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Augment.Torch.Training.Data;

/// <summary>Per-channel input normalisation of uint8 images on the torch side, after the /255 scaling:
/// x = (v/255 − mean[c]) / std[c], as torchvision's <c>Normalize(mean, std)</c> after <c>ToTensor()</c>.
/// One value applies to every channel.</summary>
public sealed class InputNormalization
{
    /// <summary>Creates the normalisation; <paramref name="mean"/> and <paramref name="std"/> have one value or one per channel.</summary>
    public InputNormalization(IReadOnlyList<float> mean, IReadOnlyList<float> std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Count == 0 || mean.Count != std.Count)
        {
            throw new ArgumentException($"--normalize: {mean.Count} mean and {std.Count} std values (expected the same number, at least one)");
        }
        for (var c = 0; c < std.Count; c++)
        {
            if (!(std[c] > 0) || !float.IsFinite(std[c]) || !float.IsFinite(mean[c]))
            {
                throw new ArgumentException($"--normalize: channel {c}: mean {mean[c]}, std {std[c]} (std must be finite and > 0)");
            }
        }
        Mean = [.. mean];
        Std = [.. std];
    }

    /// <summary>Fashion-MNIST's training-set statistics (the usual torchvision <c>Normalize((0.2860,), (0.3530,))</c>).</summary>
    public static InputNormalization FashionMnist { get; } = new([0.2860f], [0.3530f]);

    /// <summary>ImageNet's RGB statistics (torchvision's pretrained models).</summary>
    public static InputNormalization ImageNet { get; } = new([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);

    /// <summary>Per-channel means of v/255.</summary>
    public IReadOnlyList<float> Mean { get; }

    /// <summary>Per-channel standard deviations of v/255.</summary>
    public IReadOnlyList<float> Std { get; }

    /// <summary>Parses the <c>--normalize</c> value: <c>none</c> (null result), <c>fashion-mnist</c>, <c>imagenet</c>,
    /// <c>auto</c> (the statistics of <paramref name="data"/>, see <see cref="FromData"/>) or explicit
    /// <c>MEAN/STD</c> lists (<c>0.286/0.353</c>, <c>0.485,0.456,0.406/0.229,0.224,0.225</c>).</summary>
    public static InputNormalization? Parse(string? text, ISampleSource? data = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        switch (text.Trim().ToLowerInvariant())
        {
            case "none":
                return null;
            case "fashion-mnist":
                return FashionMnist;
            case "imagenet":
                return ImageNet;
            case "auto":
                return FromData(data ?? throw new ArgumentException("--normalize auto: needs the training data"));
        }
        var parts = text.Split('/');
        if (parts.Length != 2)
        {
            throw new ArgumentException($"--normalize: '{text}' is neither none, fashion-mnist, imagenet, auto nor MEAN/STD (e.g. 0.286/0.353)");
        }
        return new InputNormalization(Floats(parts[0], text), Floats(parts[1], text));
    }

    /// <summary>The per-channel mean and (population) standard deviation of v/255 over every sample of
    /// <paramref name="data"/>, read un-augmented (key (0, 0, i) of a source without augmentation).</summary>
    public static InputNormalization FromData(ISampleSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        RequireImages(data);
        var channels = data.SampleShape[0];
        var plane = data.SampleShape[1] * data.SampleShape[2];
        var sum = new double[channels];
        var squares = new double[channels];
        var buffer = new byte[channels * plane];
        for (var i = 0; i < data.Count; i++)
        {
            data.Read(i, new SampleKey(0, 0, i), buffer);
            for (var c = 0; c < channels; c++)
            {
                long s = 0;
                long q = 0;
                foreach (var v in buffer.AsSpan(c * plane, plane))
                {
                    s += v;
                    q += v * v;
                }
                sum[c] += s;
                squares[c] += q;
            }
        }
        var n = (double)data.Count * plane;
        if (n == 0)
        {
            throw new ArgumentException("--normalize auto: the training data is empty");
        }
        var mean = new float[channels];
        var std = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            var m = sum[c] / n;
            var variance = Math.Max(0, squares[c] / n - m * m);
            mean[c] = (float)(m / 255);
            std[c] = (float)Math.Max(Math.Sqrt(variance) / 255, 1e-6);
        }
        return new InputNormalization(mean, std);
    }

    /// <summary>Throws unless <paramref name="data"/> holds uint8 images [C, H, W] whose channel count matches.</summary>
    public void Check(ISampleSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        RequireImages(data);
        if (Mean.Count != 1 && Mean.Count != data.SampleShape[0])
        {
            throw new ArgumentException($"--normalize: {Mean.Count} channel values for images with {data.SampleShape[0]} channels");
        }
    }

    /// <summary>The text form (<c>MEAN/STD</c>, invariant culture), as written to metrics.json.</summary>
    public override string ToString() =>
        string.Join(',', Mean.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "/" + string.Join(',', Std.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>Normalises a float batch [N, C, ...] in place and returns it.</summary>
    internal Tensor Apply(Tensor x)
    {
        if (Mean.Count == 1)
        {
            // Explicit scalars kept alive (and freed) by `using`: an implicit float -> Scalar temporary can be
            // finalised by the GC while libtorch still reads it ("Unknown scalar type").
            using var mean1 = Mean[0].ToScalar();
            using var std1 = Std[0].ToScalar();
            return x.sub_(mean1).div_(std1);
        }
        var shape = new long[x.dim()];
        Array.Fill(shape, 1L);
        shape[1] = Mean.Count;
        using var mean = tensor(Mean.ToArray(), shape);
        using var std = tensor(Std.ToArray(), shape);
        return x.sub_(mean).div_(std);
    }

    private static void RequireImages(ISampleSource data)
    {
        if (data.ElementType != SampleElementType.UInt8 || data.SampleShape.Count != 3)
        {
            throw new ArgumentException($"--normalize: applies to uint8 images [C, H, W], not {data.ElementType} samples [{string.Join(", ", data.SampleShape)}]");
        }
    }

    private static float[] Floats(string list, string text) =>
        [.. list.Split(',', StringSplitOptions.TrimEntries).Select(s =>
            float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"--normalize: '{s}' in '{text}' is not a number"))];
}
