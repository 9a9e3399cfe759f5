using Augment.Torch.Training.Models;

namespace Augment.Torch.Training.Transfer;

/// <summary>Transfer learning on a <see cref="ClassifierNet"/>: load saved weights, replace the head for a
/// new number of classes, freeze the first n backbone layers or the whole backbone.</summary>
public static class TransferLearning
{
    /// <summary>Loads weights saved by <c>module.save</c> (a checkpoint of the same architecture) into
    /// <paramref name="model"/>; with <paramref name="skipHead"/> the head's weights are not loaded, so a
    /// checkpoint with a different number of classes can be used. When the checkpoint has a description
    /// (<see cref="ModelDescription"/>), another model kind, padding or (unless <paramref name="skipHead"/>) class
    /// count is an error naming the option and the file.</summary>
    public static void LoadWeights(ClassifierNet model, string path, bool skipHead)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: saved model not found", path);
        }
        ModelDescription.Load(path)?.RequireArchitecture(model, path, skipHead ? null : "--init-classes");
        var expected = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        try
        {
            if (!skipHead)
            {
                model.load(path);
            }
            else
            {
                model.load(path, strict: false, skip: ["head.weight", "head.bias"]);
            }
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{path}: cannot load into a {model.Kind} model with {model.ClassCount} classes ({ex.Message})", ex);
        }
        foreach (var (name, p) in model.named_parameters())
        {
            if (expected.TryGetValue(name, out var shape) && !shape.SequenceEqual(p.shape))
            {
                throw new ArgumentException($"{path}: parameter {name} has shape [{string.Join(", ", p.shape)}] but the model expects [{string.Join(", ", shape)}] (another architecture or class count?)");
            }
        }
    }

    /// <summary>A new network sharing <paramref name="model"/>'s backbone with a fresh head for
    /// <paramref name="classCount"/> classes, initialised from <paramref name="seed"/> with <paramref name="scheme"/>.</summary>
    public static ClassifierNet ReplaceHead(ClassifierNet model, int classCount, ulong seed, InitScheme scheme = InitScheme.Torch)
    {
        ArgumentNullException.ThrowIfNull(model);
        var net = new ClassifierNet(model.Kind, model.Backbone, model.FeatureCount, classCount, model.Options);
        ParameterInit.Reset(net.Head, seed, "head", scheme);
        net.FrozenLayers = model.FrozenLayers;
        return net;
    }

    /// <summary>Freezes the first <paramref name="layers"/> top-level backbone layers (their parameters stop
    /// receiving gradients and their batch-norm statistics stop updating); the rest trains.</summary>
    public static void FreezeFirst(ClassifierNet model, int layers)
    {
        ArgumentNullException.ThrowIfNull(model);
        var children = model.Backbone.named_children().ToArray();
        if (layers < 0 || layers > children.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(layers), layers, $"freeze: the backbone has {children.Length} layers ({string.Join(", ", children.Select(c => c.name))})");
        }
        for (var i = 0; i < children.Length; i++)
        {
            foreach (var p in children[i].module.parameters())
            {
                p.requires_grad = i >= layers;
            }
        }
        model.FrozenLayers = layers;
    }

    /// <summary>Freezes the whole backbone: the network becomes a fixed feature extractor plus a trainable head.</summary>
    public static void FreezeBackbone(ClassifierNet model)
    {
        ArgumentNullException.ThrowIfNull(model);
        FreezeFirst(model, model.Backbone.named_children().Count());
    }
}
