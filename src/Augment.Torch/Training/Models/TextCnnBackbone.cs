using TorchSharp;
using static TorchSharp.torch;

namespace Augment.Torch.Training.Models;

/// <summary>Kim's TextCNN feature extractor: token embedding, parallel 1-D convolutions of several widths,
/// ReLU, max over time, concatenation. Input: int64 token ids [batch, length].</summary>
internal sealed class TextCnnBackbone : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> embedding;
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> convs;

    public TextCnnBackbone(long vocabularySize, long embeddingDim, IReadOnlyList<long> kernelSizes, long filters) : base("TextCnnBackbone")
    {
        embedding = nn.Embedding(vocabularySize, embeddingDim);
        convs = nn.ModuleList<nn.Module<Tensor, Tensor>>([.. kernelSizes.Select(k => (nn.Module<Tensor, Tensor>)nn.Conv1d(embeddingDim, filters, k))]);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var e = embedding.forward(input).transpose(1, 2); // [B, E, L]
        var pooled = convs.Select(c => nn.functional.relu(c.forward(e)).amax([2])).ToArray();
        return torch.cat(pooled, 1).MoveToOuterDisposeScope();
    }
}
