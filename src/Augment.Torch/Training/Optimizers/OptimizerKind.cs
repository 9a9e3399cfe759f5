namespace Augment.Torch.Training.Optimizers;

/// <summary>Supported optimisers.</summary>
public enum OptimizerKind
{
    /// <summary>SGD with optional momentum and Nesterov momentum; weight decay is L2 added to the gradient.</summary>
    Sgd,

    /// <summary>Adam; weight decay is L2 added to the gradient.</summary>
    Adam,

    /// <summary>AdamW; decoupled weight decay.</summary>
    AdamW,
}
