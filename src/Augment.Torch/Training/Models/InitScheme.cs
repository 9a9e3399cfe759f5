namespace Augment.Torch.Training.Models;

/// <summary>How <see cref="ParameterInit"/> draws the weights of linear and convolution layers.</summary>
public enum InitScheme
{
    /// <summary>torch's defaults: weight and bias U(−1/√fan_in, 1/√fan_in) (kaiming_uniform with a = √5).</summary>
    Torch,

    /// <summary>Keras' defaults: weight U(−√(6/(fan_in + fan_out)), +√(6/(fan_in + fan_out))) (Glorot/Xavier
    /// uniform, fan = channels × kernel area), bias zero.</summary>
    Glorot,
}
