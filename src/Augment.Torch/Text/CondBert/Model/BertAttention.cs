using TorchSharp;
using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert.Model;

/// <summary><c>encoder.layer.N.attention</c>: <c>self</c> + <c>output</c>.</summary>
internal sealed class BertAttention : nn.Module
{
    private readonly BertSelfAttention self;
    private readonly BertSublayerOutput output;

    public BertAttention(BertConfig config, DropoutSource dropout) : base("BertAttention")
    {
        self = new BertSelfAttention(config, dropout);
        output = new BertSublayerOutput(config.HiddenSize, config, dropout);
        register_module("self", self);
        register_module("output", output);
    }

    public Tensor Forward(Tensor hidden, Tensor additiveMask)
    {
        using var context = self.Forward(hidden, additiveMask);
        return output.Forward(context, hidden);
    }
}
