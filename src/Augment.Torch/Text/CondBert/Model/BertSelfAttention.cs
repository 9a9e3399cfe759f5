using TorchSharp;
using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert.Model;

/// <summary><c>attention.self</c>: multi-head scaled dot-product attention (query, key, value projections).</summary>
internal sealed class BertSelfAttention : nn.Module
{
    private readonly nn.Module<Tensor, Tensor> query;
    private readonly nn.Module<Tensor, Tensor> key;
    private readonly nn.Module<Tensor, Tensor> value;
    private readonly DropoutSource dropout;
    private readonly double p;
    private readonly long heads;
    private readonly long headSize;

    public BertSelfAttention(BertConfig config, DropoutSource dropout) : base("BertSelfAttention")
    {
        query = nn.Linear(config.HiddenSize, config.HiddenSize);
        key = nn.Linear(config.HiddenSize, config.HiddenSize);
        value = nn.Linear(config.HiddenSize, config.HiddenSize);
        this.dropout = dropout;
        p = config.AttentionProbsDropoutProb;
        heads = config.NumAttentionHeads;
        headSize = config.HeadSize;
        register_module("query", query);
        register_module("key", key);
        register_module("value", value);
    }

    /// <param name="hidden">[batch, length, hidden].</param>
    /// <param name="additiveMask">[batch, 1, 1, length]: 0 where attended, a large negative number at padding.</param>
    public Tensor Forward(Tensor hidden, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        var b = hidden.shape[0];
        var t = hidden.shape[1];
        var q = query.call(hidden).view(b, t, heads, headSize).transpose(1, 2);
        var k = key.call(hidden).view(b, t, heads, headSize).transpose(1, 2);
        var v = value.call(hidden).view(b, t, heads, headSize).transpose(1, 2);
        var scores = matmul(q, k.transpose(-1, -2)).div_(Math.Sqrt(headSize)).add_(additiveMask);
        var probs = dropout.Apply(scores.softmax(-1), p, training);
        var context = matmul(probs, v).transpose(1, 2).contiguous().view(b, t, heads * headSize);
        return context.MoveToOuterDisposeScope();
    }
}
