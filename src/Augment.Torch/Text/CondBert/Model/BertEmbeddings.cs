using TorchSharp;
using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert.Model;

/// <summary><c>bert.embeddings</c>: word + position + token-type (label) embeddings, layer norm, dropout.</summary>
internal sealed class BertEmbeddings : nn.Module
{
    private readonly nn.Module<Tensor, Tensor> words;
    private readonly nn.Module<Tensor, Tensor> positions;
    private readonly nn.Module<Tensor, Tensor> types;
    private readonly nn.Module<Tensor, Tensor> norm;
    private readonly DropoutSource dropout;
    private readonly double p;

    public BertEmbeddings(BertConfig config, DropoutSource dropout) : base("BertEmbeddings")
    {
        words = nn.Embedding(config.VocabSize, config.HiddenSize);
        positions = nn.Embedding(config.MaxPositionEmbeddings, config.HiddenSize);
        types = nn.Embedding(config.TypeVocabSize, config.HiddenSize);
        norm = nn.LayerNorm([config.HiddenSize], config.LayerNormEps);
        this.dropout = dropout;
        p = config.HiddenDropoutProb;
        register_module("word_embeddings", words);
        register_module("position_embeddings", positions);
        register_module("token_type_embeddings", types);
        register_module("LayerNorm", norm);
    }

    /// <summary>The word-embedding matrix, tied to the MLM decoder (read through the module on every call: a
    /// Tensor field would be picked up by TorchSharp's reflection as a second parameter).</summary>
    public Tensor WordWeight => ((TorchSharp.Modules.Embedding)words).weight!;

    public Tensor Forward(Tensor inputIds, Tensor typeIds)
    {
        using var scope = NewDisposeScope();
        var length = inputIds.shape[1];
        var positionIds = arange(length, dtype: ScalarType.Int64, device: inputIds.device).unsqueeze(0);
        var x = words.call(inputIds) + positions.call(positionIds) + types.call(typeIds);
        x = dropout.Apply(norm.call(x), p, training);
        return x.MoveToOuterDisposeScope();
    }
}
