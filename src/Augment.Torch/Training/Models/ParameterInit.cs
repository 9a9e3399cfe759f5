using Augment.Core.Randomness;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Augment.Torch.Training.Models;

/// <summary>Deterministic initialisation without global torch seeding, from an <see cref="Rng"/> keyed by (seed,
/// parameter name). <see cref="InitScheme.Torch"/>: every Linear/Conv weight and bias is drawn from
/// U(−1/√fan_in, 1/√fan_in) (torch's default, kaiming_uniform with a = √5). <see cref="InitScheme.Glorot"/>: weights
/// from U(−√(6/(fan_in + fan_out)), +√(6/(fan_in + fan_out))), biases zero (Keras' default). Every embedding is
/// drawn from N(0, 1); batch-norm keeps (1, 0).</summary>
public static class ParameterInit
{
    /// <summary>Re-initialises every parameter of <paramref name="module"/> (and its sub-modules) from <paramref name="seed"/>.</summary>
    public static void Reset(nn.Module module, ulong seed, string prefix = "", InitScheme scheme = InitScheme.Torch)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var noGrad = torch.no_grad();
        foreach (var (name, sub) in module.named_modules())
        {
            var full = prefix + name;
            switch (sub)
            {
                case Linear or Conv1d or Conv2d:
                    if (scheme == InitScheme.Glorot)
                    {
                        ResetGlorot(sub, seed, full);
                    }
                    else
                    {
                        ResetUniform(sub, seed, full);
                    }
                    break;
                case Embedding:
                    foreach (var (pname, p) in sub.named_parameters(recurse: false))
                    {
                        Fill(p, seed, $"{full}.{pname}", (ref Rng r) => (float)r.NextGaussian());
                    }
                    break;
            }
        }
    }

    private delegate float Draw(ref Rng rng);

    private static void ResetUniform(nn.Module layer, ulong seed, string name)
    {
        var parameters = layer.named_parameters(recurse: false).ToDictionary(p => p.name, p => p.parameter);
        var weight = parameters["weight"];
        var shape = weight.shape;
        var fanIn = shape[1];
        for (var i = 2; i < shape.Length; i++)
        {
            fanIn *= shape[i];
        }
        var bound = (float)(1.0 / Math.Sqrt(fanIn));
        foreach (var (pname, p) in parameters)
        {
            Fill(p, seed, $"{name}.{pname}", (ref Rng r) => (float)r.Uniform(-bound, bound));
        }
    }

    private static void ResetGlorot(nn.Module layer, ulong seed, string name)
    {
        var parameters = layer.named_parameters(recurse: false).ToDictionary(p => p.name, p => p.parameter);
        var bound = (float)GlorotBound(parameters["weight"].shape);
        foreach (var (pname, p) in parameters)
        {
            if (pname == "weight")
            {
                Fill(p, seed, $"{name}.{pname}", (ref Rng r) => (float)r.Uniform(-bound, bound));
            }
            else
            {
                p.zero_();
            }
        }
    }

    /// <summary>The Glorot-uniform bound √(6/(fan_in + fan_out)) of a weight of shape [out, in, k...].</summary>
    public static double GlorotBound(IReadOnlyList<long> weightShape)
    {
        ArgumentNullException.ThrowIfNull(weightShape);
        long receptive = 1;
        for (var i = 2; i < weightShape.Count; i++)
        {
            receptive *= weightShape[i];
        }
        return Math.Sqrt(6.0 / ((weightShape[0] + weightShape[1]) * receptive));
    }

    private static void Fill(Parameter p, ulong seed, string name, Draw draw)
    {
        var values = new float[p.numel()];
        var rng = new SampleKey(seed, 0, 0).For(StableHash.Of("augment.init." + name));
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = draw(ref rng);
        }
        using var t = torch.tensor(values, p.shape);
        p.copy_(t);
    }
}
