using TorchSharp;
using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert.Model;

/// <summary><c>attention.output</c> and <c>output</c>: dense projection, dropout, residual add, layer norm.</summary>
internal sealed class BertSublayerOutput : nn.Module
{
    private readonly nn.Module<Tensor, Tensor> dense;
    private readonly nn.Module<Tensor, Tensor> norm;
    private readonly DropoutSource dropout;
    private readonly double p;

    public BertSublayerOutput(long inFeatures, BertConfig config, DropoutSource dropout) : base("BertSublayerOutput")
    {
        dense = nn.Linear(inFeatures, config.HiddenSize);
        norm = nn.LayerNorm([config.HiddenSize], config.LayerNormEps);
        this.dropout = dropout;
        p = config.HiddenDropoutProb;
        register_module("dense", dense);
        register_module("LayerNorm", norm);
    }

    public Tensor Forward(Tensor hidden, Tensor residual)
    {
        using var scope = NewDisposeScope();
        var x = dropout.Apply(dense.call(hidden), p, training);
        return norm.call(x + residual).MoveToOuterDisposeScope();
    }
}
