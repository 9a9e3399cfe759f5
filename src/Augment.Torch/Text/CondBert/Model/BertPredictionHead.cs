using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert.Model;

/// <summary><c>cls.predictions</c>: <c>transform.dense</c> + activation + <c>transform.LayerNorm</c>, then the
/// decoder, whose weight is the word-embedding matrix (tied, as in Hugging Face) plus <c>bias</c>.</summary>
internal sealed class BertPredictionHead : nn.Module
{
    private readonly nn.Module<Tensor, Tensor> dense;
    private readonly nn.Module<Tensor, Tensor> norm;
    private readonly Parameter bias;
    private readonly Func<Tensor> decoderWeight;
    private readonly string activation;

    public BertPredictionHead(BertConfig config, Func<Tensor> wordWeight) : base("BertPredictionHead")
    {
        dense = nn.Linear(config.HiddenSize, config.HiddenSize);
        norm = nn.LayerNorm([config.HiddenSize], config.LayerNormEps);
        bias = new Parameter(zeros(config.VocabSize));
        decoderWeight = wordWeight;
        activation = config.HiddenAct;
        var transform = nn.ModuleDict<nn.Module<Tensor, Tensor>>(("dense", dense), ("LayerNorm", norm));
        register_module("transform", transform);
        register_parameter("bias", bias);
    }

    /// <summary>Vocabulary logits for hidden states of any leading shape ([..., hidden] to [..., vocab]).</summary>
    public Tensor Forward(Tensor hidden)
    {
        using var scope = NewDisposeScope();
        var x = norm.call(BertActivation.Apply(activation, dense.call(hidden)));
        return nn.functional.linear(x, decoderWeight(), bias).MoveToOuterDisposeScope();
    }
}
