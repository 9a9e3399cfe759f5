using Augment.Torch.Text.CondBert.Model;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert.Checkpoints;

/// <summary>Loads Hugging Face BERT checkpoints (safetensors or PyTorch <c>.bin</c>) into
/// <see cref="BertForMaskedLM"/> and saves it back in the same naming.</summary>
internal static class BertCheckpoint
{
    private const string TypeTable = "bert.embeddings.token_type_embeddings.weight";

    /// <summary>Reads the tensors of <paramref name="file"/> under Hugging Face names.
    /// <paramref name="fileConfig"/> is the checkpoint's own config (it shapes the <c>.bin</c> reader).</summary>
    public static Dictionary<string, Tensor> Read(string file, BertConfig fileConfig)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"checkpoint not found: {file}", file);
        }

        var raw = file.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase)
            ? SafetensorsFile.Read(file)
            : ReadPickle(file, fileConfig);
        return Normalise(raw);
    }

    /// <summary>Copies <paramref name="state"/> into <paramref name="model"/>, checking every name and shape against the
    /// model's config. The token-type table may have fewer or more rows than the model's label table: rows are copied
    /// where both exist and the remaining label rows start as copies of row 0.</summary>
    /// <returns>Names present in the checkpoint that the model does not use (pooler, next-sentence head, …).</returns>
    public static IReadOnlyList<string> Apply(BertForMaskedLM model, IReadOnlyDictionary<string, Tensor> state, string source)
    {
        var missing = new List<string>();
        using (no_grad())
        {
            foreach (var (name, parameter) in model.named_parameters())
            {
                if (!state.TryGetValue(name, out var value))
                {
                    missing.Add(name);
                    continue;
                }

                if (name == TypeTable && value.dim() == 2 && value.shape[1] == parameter.shape[1])
                {
                    CopyLabelRows(parameter, value);
                    continue;
                }

                if (!value.shape.SequenceEqual(parameter.shape))
                {
                    throw new InvalidDataException(
                        $"{source}: tensor '{name}' has shape [{string.Join(", ", value.shape)}] but config.json implies " +
                        $"[{string.Join(", ", parameter.shape)}]: the checkpoint does not match config.json");
                }

                parameter.copy_(value.to_type(parameter.dtype));
            }
        }

        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"{source}: missing {missing.Count} tensor(s) of BertForMaskedLM, e.g. {string.Join(", ", missing.Take(5))}" +
                " (a BertForMaskedLM or BertForPreTraining checkpoint is needed; the MLM head cls.predictions.* must be present)");
        }

        var used = model.named_parameters().Select(p => p.name).ToHashSet(StringComparer.Ordinal);
        return state.Keys.Where(k => !used.Contains(k)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Writes the model's parameters as <c>model.safetensors</c> under Hugging Face names (the tied decoder
    /// weight is omitted, as <c>save_pretrained</c> does).</summary>
    public static void Save(BertForMaskedLM model, string file)
    {
        var tensors = model.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter, StringComparer.Ordinal);
        SafetensorsFile.Write(file, tensors);
    }

    private static void CopyLabelRows(Tensor parameter, Tensor value)
    {
        var rows = Math.Min(parameter.shape[0], value.shape[0]);
        var source = value.to_type(parameter.dtype);
        parameter.narrow(0, 0, rows).copy_(source.narrow(0, 0, rows));
        for (var r = rows; r < parameter.shape[0]; r++)
        {
            parameter[r].copy_(source[0]);
        }
    }

    private static Dictionary<string, Tensor> ReadPickle(string file, BertConfig fileConfig)
    {
        using var probe = new BertForMaskedLM(fileConfig);
        var loaded = new Dictionary<string, bool>(StringComparer.Ordinal);
        try
        {
            probe.load_py(file, strict: false, loadedParameters: loaded);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException(
                $"{file}: could not load as a PyTorch state_dict matching config.json: {e.Message}", e);
        }

        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, parameter) in probe.named_parameters())
        {
            if (loaded.TryGetValue(name, out var ok) && ok)
            {
                state[name] = parameter.detach().clone();
            }
        }

        foreach (var (name, ok) in loaded)
        {
            if (!ok)
            {
                state.TryAdd(name, empty(0));
            }
        }

        return state;
    }

    private static Dictionary<string, Tensor> Normalise(Dictionary<string, Tensor> raw)
    {
        var prefixBert = !raw.Keys.Any(k => k.StartsWith("bert.", StringComparison.Ordinal))
            && raw.Keys.Any(k => k.StartsWith("embeddings.", StringComparison.Ordinal));
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (key, value) in raw)
        {
            var name = key.Replace("LayerNorm.gamma", "LayerNorm.weight", StringComparison.Ordinal)
                .Replace("LayerNorm.beta", "LayerNorm.bias", StringComparison.Ordinal);
            if (prefixBert && !name.StartsWith("cls.", StringComparison.Ordinal))
            {
                name = "bert." + name;
            }

            result[name] = value;
        }

        if (!result.ContainsKey("cls.predictions.bias") && result.TryGetValue("cls.predictions.decoder.bias", out var bias))
        {
            result["cls.predictions.bias"] = bias;
        }

        return result;
    }
}
