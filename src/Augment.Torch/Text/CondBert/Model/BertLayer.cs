using TorchSharp;
using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert.Model;

/// <summary><c>encoder.layer.N</c>: attention, <c>intermediate.dense</c> + activation, <c>output</c>.</summary>
internal sealed class BertLayer : nn.Module
{
    private readonly BertAttention attention;
    private readonly nn.Module intermediate;
    private readonly nn.Module<Tensor, Tensor> intermediateDense;
    private readonly BertSublayerOutput output;
    private readonly string activation;

    public BertLayer(BertConfig config, DropoutSource dropout) : base("BertLayer")
    {
        attention = new BertAttention(config, dropout);
        intermediateDense = nn.Linear(config.HiddenSize, config.IntermediateSize);
        intermediate = nn.ModuleDict<nn.Module<Tensor, Tensor>>(("dense", intermediateDense));
        output = new BertSublayerOutput(config.IntermediateSize, config, dropout);
        activation = config.HiddenAct;
        register_module("attention", attention);
        register_module("intermediate", intermediate);
        register_module("output", output);
    }

    public Tensor Forward(Tensor hidden, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        var attended = attention.Forward(hidden, additiveMask);
        var inner = BertActivation.Apply(activation, intermediateDense.call(attended));
        return output.Forward(inner, attended).MoveToOuterDisposeScope();
    }
}
