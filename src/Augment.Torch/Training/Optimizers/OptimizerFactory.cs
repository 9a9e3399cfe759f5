using Augment.Torch.Training.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Augment.Torch.Training.Optimizers;

/// <summary>Builds optimisers over the trainable parameters of a <see cref="ClassifierNet"/>: one group
/// for the backbone (learning rate × scale) and one for the head. Frozen parameters are left out.</summary>
public static class OptimizerFactory
{
    /// <summary>Builds the optimiser.</summary>
    public static ScaledOptimizer Create(ClassifierNet model, OptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var backbone = model.Backbone.parameters().Where(p => p.requires_grad).ToArray();
        var head = model.Head.parameters().Where(p => p.requires_grad).ToArray();
        var groups = new List<(Parameter[] Params, double Scale)>();
        if (backbone.Length > 0 && options.BackboneLearningRateScale > 0)
        {
            groups.Add((backbone, options.BackboneLearningRateScale));
        }
        if (head.Length > 0)
        {
            groups.Add((head, 1.0));
        }
        if (groups.Count == 0)
        {
            throw new InvalidOperationException("optimizer: the model has no trainable parameters");
        }
        var lr = options.LearningRate;
        var wd = options.WeightDecay;
        optim.Optimizer optimizer = options.Kind switch
        {
            OptimizerKind.Sgd => optim.SGD(groups.Select(g => new SGD.ParamGroup(g.Params, lr * g.Scale, options.Momentum, 0, wd, options.Nesterov, false)), lr, options.Momentum, 0, wd, options.Nesterov, false),
            OptimizerKind.Adam => optim.Adam(groups.Select(g => new Adam.ParamGroup(g.Params, lr * g.Scale, 0.9, 0.999, 1e-8, wd, false, false)), lr, 0.9, 0.999, 1e-8, wd, false, false),
            _ => optim.AdamW(groups.Select(g => new AdamW.ParamGroup(g.Params, lr * g.Scale, 0.9, 0.999, 1e-8, wd, false, false)), lr, 0.9, 0.999, 1e-8, wd, false, false),
        };
        return new ScaledOptimizer(optimizer, [.. groups.Select(g => g.Scale)]);
    }
}
