using TorchSharp;
using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert.Model;

/// <summary>BERT encoder + masked-LM head whose parameter names and shapes are those of Hugging Face's
/// <c>BertForMaskedLM</c> (<c>bert.embeddings.*</c>, <c>bert.encoder.layer.N.*</c>, <c>cls.predictions.*</c>),
/// so its state dictionary loads from and saves to real checkpoints. The token-type table doubles as the
/// label-embedding table of conditional BERT.</summary>
internal sealed class BertForMaskedLM : nn.Module
{
    private readonly nn.Module bert;
    private readonly BertEmbeddings embeddings;
    private readonly BertEncoder encoder;
    private readonly BertPredictionHead head;

    public BertForMaskedLM(BertConfig config) : base("BertForMaskedLM")
    {
        config.Validate();
        Config = config;
        embeddings = new BertEmbeddings(config, Dropout);
        encoder = new BertEncoder(config, Dropout);
        bert = nn.ModuleDict<nn.Module>(("embeddings", embeddings), ("encoder", encoder));
        head = new BertPredictionHead(config, () => embeddings.WordWeight);
        register_module("bert", bert);
        register_module("cls", nn.ModuleDict<nn.Module>(("predictions", head)));
    }

    /// <summary>The configuration the model was built from.</summary>
    public BertConfig Config { get; }

    /// <summary>Where training-time dropout masks come from (a seeded generator, or none).</summary>
    public DropoutSource Dropout { get; } = new();

    /// <summary>Final hidden states [batch, length, hidden].</summary>
    /// <param name="inputIds">[batch, length] int64 token ids.</param>
    /// <param name="typeIds">[batch, length] int64 token-type ids (labels in a conditional model).</param>
    /// <param name="attentionMask">[batch, length], 1 for real tokens and 0 for padding.</param>
    public Tensor Encode(Tensor inputIds, Tensor typeIds, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var additive = (1.0 - attentionMask.to_type(ScalarType.Float32)).mul_(float.MinValue).unsqueeze(1).unsqueeze(1);
        var x = embeddings.Forward(inputIds, typeIds);
        return encoder.Forward(x, additive).MoveToOuterDisposeScope();
    }

    /// <summary>Vocabulary logits for hidden states ([..., hidden] to [..., vocab]).</summary>
    public Tensor Predict(Tensor hidden) => head.Forward(hidden);

    /// <summary>Logits [batch, length, vocab] for every position.</summary>
    public Tensor Forward(Tensor inputIds, Tensor typeIds, Tensor attentionMask)
    {
        using var hidden = Encode(inputIds, typeIds, attentionMask);
        return head.Forward(hidden);
    }

    /// <summary>The word-embedding matrix (tied to the decoder).</summary>
    public Tensor WordEmbeddings => embeddings.WordWeight;
}
