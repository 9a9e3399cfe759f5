using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert.Model;

/// <summary><c>bert.encoder</c>: the stack <c>layer.0</c> … <c>layer.N-1</c>.</summary>
internal sealed class BertEncoder : nn.Module
{
    private readonly ModuleList<BertLayer> layers;

    public BertEncoder(BertConfig config, DropoutSource dropout) : base("BertEncoder")
    {
        layers = nn.ModuleList<BertLayer>();
        for (var i = 0; i < config.NumHiddenLayers; i++)
        {
            layers.Add(new BertLayer(config, dropout));
        }

        register_module("layer", layers);
    }

    public Tensor Forward(Tensor hidden, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        var x = hidden;
        foreach (var layer in layers)
        {
            x = layer.Forward(x, additiveMask);
        }

        return x.MoveToOuterDisposeScope();
    }
}
