using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using Augment.Torch.Text.CondBert.Model;

namespace Augment.Torch.Text.CondBert;

/// <summary>The shape of a BERT masked language model, read from and written to a Hugging Face
/// <c>config.json</c> (same field names). In a conditional model <see cref="TypeVocabSize"/> is the number
/// of labels: the label-embedding table takes the place of the token-type table.</summary>
public sealed record BertConfig
{
    /// <summary>Rows of the word-embedding table (<c>vocab_size</c>).</summary>
    public int VocabSize { get; init; } = 30522;

    /// <summary>Width of every hidden state (<c>hidden_size</c>).</summary>
    public int HiddenSize { get; init; } = 768;

    /// <summary>Transformer layers (<c>num_hidden_layers</c>).</summary>
    public int NumHiddenLayers { get; init; } = 12;

    /// <summary>Attention heads per layer (<c>num_attention_heads</c>); divides <see cref="HiddenSize"/>.</summary>
    public int NumAttentionHeads { get; init; } = 12;

    /// <summary>Width of the feed-forward layer (<c>intermediate_size</c>).</summary>
    public int IntermediateSize { get; init; } = 3072;

    /// <summary>Feed-forward activation (<c>hidden_act</c>): gelu, gelu_new, gelu_pytorch_tanh or relu.</summary>
    public string HiddenAct { get; init; } = "gelu";

    /// <summary>Dropout on embeddings and sub-layer outputs (<c>hidden_dropout_prob</c>).</summary>
    public double HiddenDropoutProb { get; init; } = 0.1;

    /// <summary>Dropout on attention probabilities (<c>attention_probs_dropout_prob</c>).</summary>
    public double AttentionProbsDropoutProb { get; init; } = 0.1;

    /// <summary>Longest sequence the position table covers (<c>max_position_embeddings</c>).</summary>
    public int MaxPositionEmbeddings { get; init; } = 512;

    /// <summary>Rows of the token-type table (<c>type_vocab_size</c>); the number of labels in a conditional model.</summary>
    public int TypeVocabSize { get; init; } = 2;

    /// <summary>Epsilon of every layer norm (<c>layer_norm_eps</c>).</summary>
    public double LayerNormEps { get; init; } = 1e-12;

    /// <summary>Id of the padding token (<c>pad_token_id</c>).</summary>
    public int PadTokenId { get; init; }

    /// <summary>Width of one attention head.</summary>
    public int HeadSize => HiddenSize / NumAttentionHeads;

    /// <summary>Throws <see cref="InvalidDataException"/> naming the first inconsistent field.</summary>
    public void Validate(string source = "config.json")
    {
        static void Positive(string source, string field, int value)
        {
            if (value <= 0)
            {
                throw new InvalidDataException($"{source}: {field} must be positive, got {value}");
            }
        }

        Positive(source, "vocab_size", VocabSize);
        Positive(source, "hidden_size", HiddenSize);
        Positive(source, "num_hidden_layers", NumHiddenLayers);
        Positive(source, "num_attention_heads", NumAttentionHeads);
        Positive(source, "intermediate_size", IntermediateSize);
        Positive(source, "max_position_embeddings", MaxPositionEmbeddings);
        Positive(source, "type_vocab_size", TypeVocabSize);
        if (HiddenSize % NumAttentionHeads != 0)
        {
            throw new InvalidDataException(
                $"{source}: hidden_size {HiddenSize} is not a multiple of num_attention_heads {NumAttentionHeads}");
        }

        if (!BertActivation.IsKnown(HiddenAct))
        {
            throw new InvalidDataException(
                $"{source}: hidden_act '{HiddenAct}' is not supported (gelu, gelu_new, gelu_pytorch_tanh, relu)");
        }

        if (HiddenDropoutProb is < 0 or >= 1 || AttentionProbsDropoutProb is < 0 or >= 1)
        {
            throw new InvalidDataException($"{source}: dropout probabilities must lie in [0, 1)");
        }

        if (PadTokenId < 0 || PadTokenId >= VocabSize)
        {
            throw new InvalidDataException($"{source}: pad_token_id {PadTokenId} is outside the vocabulary (vocab_size {VocabSize})");
        }
    }

    /// <summary>Reads a Hugging Face <c>config.json</c>; unknown fields are ignored, missing ones take BERT-base defaults.</summary>
    public static BertConfig Load(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }

        if (root is not JsonObject o)
        {
            throw new InvalidDataException($"{path}: expected a JSON object");
        }

        var d = new BertConfig();
        if (o["position_embedding_type"] is JsonValue pe && pe.GetValue<string>() != "absolute")
        {
            throw new InvalidDataException($"{path}: position_embedding_type '{pe}' is not supported (only 'absolute')");
        }

        if (o["model_type"] is JsonValue mt && mt.GetValue<string>() is not ("bert" or "cbert"))
        {
            throw new InvalidDataException($"{path}: model_type '{mt}' is not a BERT model");
        }

        var config = new BertConfig
        {
            VocabSize = Int(o, "vocab_size", d.VocabSize, path),
            HiddenSize = Int(o, "hidden_size", d.HiddenSize, path),
            NumHiddenLayers = Int(o, "num_hidden_layers", d.NumHiddenLayers, path),
            NumAttentionHeads = Int(o, "num_attention_heads", d.NumAttentionHeads, path),
            IntermediateSize = Int(o, "intermediate_size", d.IntermediateSize, path),
            HiddenAct = o["hidden_act"] is JsonValue act ? act.GetValue<string>() : d.HiddenAct,
            HiddenDropoutProb = Double(o, "hidden_dropout_prob", d.HiddenDropoutProb, path),
            AttentionProbsDropoutProb = Double(o, "attention_probs_dropout_prob", d.AttentionProbsDropoutProb, path),
            MaxPositionEmbeddings = Int(o, "max_position_embeddings", d.MaxPositionEmbeddings, path),
            TypeVocabSize = Int(o, "type_vocab_size", d.TypeVocabSize, path),
            LayerNormEps = Double(o, "layer_norm_eps", d.LayerNormEps, path),
            PadTokenId = Int(o, "pad_token_id", d.PadTokenId, path),
        };
        config.Validate(path);
        return config;
    }

    /// <summary>Writes this configuration as a Hugging Face <c>config.json</c> for <c>BertForMaskedLM</c>.</summary>
    public string ToJson()
    {
        var o = new JsonObject
        {
            ["architectures"] = new JsonArray("BertForMaskedLM"),
            ["model_type"] = "bert",
            ["vocab_size"] = VocabSize,
            ["hidden_size"] = HiddenSize,
            ["num_hidden_layers"] = NumHiddenLayers,
            ["num_attention_heads"] = NumAttentionHeads,
            ["intermediate_size"] = IntermediateSize,
            ["hidden_act"] = HiddenAct,
            ["hidden_dropout_prob"] = HiddenDropoutProb,
            ["attention_probs_dropout_prob"] = AttentionProbsDropoutProb,
            ["max_position_embeddings"] = MaxPositionEmbeddings,
            ["type_vocab_size"] = TypeVocabSize,
            ["layer_norm_eps"] = LayerNormEps,
            ["pad_token_id"] = PadTokenId,
            ["position_embedding_type"] = "absolute",
            ["initializer_range"] = 0.02,
        };
        return o.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static int Int(JsonObject o, string name, int fallback, string path)
    {
        if (o[name] is not JsonValue v)
        {
            return fallback;
        }

        if (v.TryGetValue(out int i))
        {
            return i;
        }

        if (v.TryGetValue(out double x) && x == Math.Floor(x) && x is >= int.MinValue and <= int.MaxValue)
        {
            return (int)x;
        }

        throw new InvalidDataException($"{path}: {name} must be an integer, got {v.ToJsonString()}");
    }

    private static double Double(JsonObject o, string name, double fallback, string path)
    {
        if (o[name] is not JsonValue v)
        {
            return fallback;
        }

        if (v.TryGetValue(out double x))
        {
            return x;
        }

        if (v.TryGetValue(out string? s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out x))
        {
            return x;
        }

        throw new InvalidDataException($"{path}: {name} must be a number, got {v.ToJsonString()}");
    }
}
