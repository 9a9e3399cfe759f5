using System.Text.Json;
using System.Text.Json.Nodes;
using Augment.Core.Randomness;
using Augment.Torch.Text.CondBert.Augmentation;
using Augment.Torch.Text.CondBert.Checkpoints;
using Augment.Torch.Text.CondBert.Model;
using Augment.Torch.Text.CondBert.Tokenization;
using Augment.Torch.Text.CondBert.Training;
using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert;

/// <summary>Conditional BERT (Wu et al. 2019): a BERT masked LM whose token-type table holds one embedding per
/// label. Load a Hugging Face checkpoint or build a small one from scratch, fine-tune it on labelled sentences,
/// save it, and generate label-compatible variants of sentences.</summary>
public sealed class ConditionalBert : IDisposable
{
    private const string ManifestFile = "cbert.json";
    private readonly Dictionary<string, int> labelIds;

    private ConditionalBert(BertForMaskedLM model, CbertTokenizer tokenizer, IReadOnlyList<string> labels)
    {
        Model = model;
        Tokenizer = tokenizer;
        Labels = labels;
        labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            if (!labelIds.TryAdd(labels[i], i))
            {
                throw new ArgumentException($"labels: '{labels[i]}' appears twice");
            }
        }

        model.eval();
    }

    /// <summary>The labels, in label-embedding row order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The model's configuration (<see cref="BertConfig.TypeVocabSize"/> is the number of labels).</summary>
    public BertConfig Config => Model.Config;

    internal BertForMaskedLM Model { get; }

    internal CbertTokenizer Tokenizer { get; }

    /// <summary>Loads a model directory: <c>config.json</c>, <c>vocab.txt</c> and <c>model.safetensors</c> or
    /// <c>pytorch_model.bin</c> (a Hugging Face BertForMaskedLM / BertForPreTraining, or a model saved by
    /// <see cref="Save"/>). <paramref name="labels"/> sizes the label table (rows copied from the checkpoint's
    /// token-type table where they exist, the rest from row 0); null takes the labels of a saved CBERT model.</summary>
    public static ConditionalBert Load(string directory, IReadOnlyList<string>? labels = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"model directory not found: {directory}");
        }

        var configPath = Path.Combine(directory, "config.json");
        if (!File.Exists(configPath))
        {
            throw new FileNotFoundException($"{directory}: no config.json", configPath);
        }

        var fileConfig = BertConfig.Load(configPath);
        var manifest = ReadManifest(directory);
        labels ??= manifest ?? throw new ArgumentException(
            $"{directory}: not a fine-tuned CBERT model (no {ManifestFile}); give the labels to condition on");
        if (labels.Count == 0)
        {
            throw new ArgumentException("labels: at least one label is needed");
        }

        var weights = new[] { "model.safetensors", "pytorch_model.bin" }.Select(f => Path.Combine(directory, f)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{directory}: neither model.safetensors nor pytorch_model.bin");
        var tokenizer = CbertTokenizer.Load(Path.Combine(directory, "vocab.txt"), ReadLowerCase(directory));
        if (tokenizer.Vocabulary.Count != fileConfig.VocabSize)
        {
            throw new InvalidDataException(
                $"{directory}: vocab.txt has {tokenizer.Vocabulary.Count} tokens but config.json has vocab_size {fileConfig.VocabSize}");
        }

        var state = BertCheckpoint.Read(weights, fileConfig);
        try
        {
            var model = new BertForMaskedLM(fileConfig with { TypeVocabSize = labels.Count });
            BertCheckpoint.Apply(model, state, weights);
            return new ConditionalBert(model, tokenizer, labels);
        }
        finally
        {
            foreach (var t in state.Values)
            {
                t.Dispose();
            }
        }
    }

    /// <summary>Builds an untrained small BERT with a vocabulary made from <paramref name="corpus"/>.
    /// Train it with <see cref="Pretrain"/> and then <see cref="FineTune"/>.</summary>
    public static ConditionalBert CreateFromScratch(IEnumerable<string> corpus, IReadOnlyList<string> labels, CbertScratchOptions? options = null)
    {
        options ??= new CbertScratchOptions();
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            throw new ArgumentException("labels: at least one label is needed");
        }

        var vocabulary = VocabularyBuilder.Build(corpus, options.MaxWords, options.MinCount, options.LowerCase);
        var config = new BertConfig
        {
            VocabSize = vocabulary.Count,
            HiddenSize = options.HiddenSize,
            NumHiddenLayers = options.Layers,
            NumAttentionHeads = options.Heads,
            IntermediateSize = options.IntermediateSize ?? 4 * options.HiddenSize,
            MaxPositionEmbeddings = options.MaxPositions,
            TypeVocabSize = labels.Count,
            HiddenDropoutProb = options.Dropout,
            AttentionProbsDropoutProb = options.Dropout,
        };
        config.Validate("scratch options");
        var vocabPath = Path.Combine(Path.GetTempPath(), $"cbert-vocab-{Environment.ProcessId}-{Guid.NewGuid():N}.txt");
        CbertTokenizer tokenizer;
        try
        {
            VocabularyBuilder.Write(vocabPath, vocabulary);
            tokenizer = CbertTokenizer.Load(vocabPath, options.LowerCase);
        }
        finally
        {
            File.Delete(vocabPath);
        }

        var model = new BertForMaskedLM(config);
        Initialise(model, options.Seed);
        return new ConditionalBert(model, tokenizer, labels);
    }

    /// <summary>Plain masked-LM pre-training on unlabelled sentences (every sentence uses label row 0); afterwards
    /// every label row starts from the learned row 0.</summary>
    public CbertTrainingReport Pretrain(IReadOnlyList<string> corpus, CbertTrainingOptions options,
        IProgress<CbertProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var report = MlmTrainer.Train(Model, Tokenizer, [.. corpus.Select(t => (t, 0))], options with { Conditional = false },
            progress, cancellationToken);
        using (no_grad())
        {
            var table = Model.get_parameter("bert.embeddings.token_type_embeddings.weight")!;
            for (var r = 1; r < table.shape[0]; r++)
            {
                table[r].copy_(table[0]);
            }
        }

        return report;
    }

    /// <summary>Conditional masked-LM fine-tuning: each sentence's label selects its label-embedding row.</summary>
    public CbertTrainingReport FineTune(IReadOnlyList<LabeledText> examples, CbertTrainingOptions options,
        IProgress<CbertProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var data = examples.Select((e, i) => (e.Text, LabelId(e.Label, $"examples[{i}]"))).ToList();
        return MlmTrainer.Train(Model, Tokenizer, data, options with { Conditional = true }, progress, cancellationToken);
    }

    /// <summary>Generates <see cref="CbertAugmentOptions.NumAug"/> variants of every sentence, conditioned on its label.
    /// Output order: sentence by sentence, variant by variant.</summary>
    public IReadOnlyList<CbertAugmentation> Augment(IReadOnlyList<LabeledText> inputs, CbertAugmentOptions options,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        var keys = new long[inputs.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = options.FirstIndex + i;
        }

        return AugmentKeyed(inputs, keys, options, progress, cancellationToken);
    }

    /// <summary>As <see cref="Augment"/>, but input i is keyed as sentence <paramref name="keys"/>[i] (variant v of it
    /// depends only on (seed, keys[i], v) and the model); <see cref="CbertAugmentOptions.FirstIndex"/> is ignored.</summary>
    public IReadOnlyList<CbertAugmentation> AugmentKeyed(IReadOnlyList<LabeledText> inputs, IReadOnlyList<long> keys, CbertAugmentOptions options,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        if (keys.Count != inputs.Count)
        {
            throw new ArgumentException($"keys: {keys.Count} keys for {inputs.Count} inputs");
        }

        options.Validate();
        var maxPieces = Math.Min(options.MaxSequenceLength, Config.MaxPositionEmbeddings) - 2;
        var result = new List<CbertAugmentation>(inputs.Count * options.NumAug);
        using var sampler = new MaskedSampler(Model, Tokenizer);
        var chunk = Math.Max(1, options.BatchSize * 8 / options.NumAug);
        for (var start = 0; start < inputs.Count; start += chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(chunk, inputs.Count - start);
            var work = new List<(int Index, int Variant, TokenizedSentence Sentence, int[] Masked, MaskPlan Plan)>();
            for (var i = start; i < start + count; i++)
            {
                var label = LabelId(inputs[i].Label, $"inputs[{i}]");
                var sentence = Tokenizer.Tokenize(inputs[i].Text, maxPieces);
                for (var v = 0; v < options.NumAug; v++)
                {
                    var (plan, masked) = CbertAugmenter.Plan(sentence, label, keys[i], v, options, Tokenizer);
                    work.Add((i, v, sentence, masked, plan));
                }
            }

            var sampled = sampler.Sample([.. work.Select(w => w.Plan)], options.Temperature, options.TopK, options.BatchSize);
            for (var k = 0; k < work.Count; k++)
            {
                var w = work[k];
                var (text, replaced) = CbertAugmenter.Render(w.Sentence, w.Masked, sampled[k], Tokenizer, options.KeepCase);
                result.Add(new CbertAugmentation(w.Index, w.Variant, text, inputs[w.Index].Label, replaced));
            }

            progress?.Report(start + count);
        }

        return result;
    }

    /// <summary>Runs several independent jobs (for example concurrent service requests) in shared forward passes: the
    /// rows of all jobs with the same temperature and top-k are sampled together, batched by length. Each row depends
    /// only on its own key, so every job gets the variants <see cref="AugmentKeyed"/> gives it alone (up to
    /// floating-point summation order in differently shaped batches). Results are in job order.</summary>
    public IReadOnlyList<IReadOnlyList<CbertAugmentation>> AugmentMany(IReadOnlyList<CbertJob> jobs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var results = new List<CbertAugmentation>[jobs.Count];
        var work = new List<(int Job, int Index, int Variant, TokenizedSentence Sentence, int[] Masked, MaskPlan Plan)>();
        for (var j = 0; j < jobs.Count; j++)
        {
            var (inputs, keys, options) = jobs[j];
            options.Validate();
            if (keys.Count != inputs.Count)
            {
                throw new ArgumentException($"jobs[{j}].keys: {keys.Count} keys for {inputs.Count} inputs");
            }

            var maxPieces = Math.Min(options.MaxSequenceLength, Config.MaxPositionEmbeddings) - 2;
            results[j] = new List<CbertAugmentation>(inputs.Count * options.NumAug);
            for (var i = 0; i < inputs.Count; i++)
            {
                var label = LabelId(inputs[i].Label, $"jobs[{j}].inputs[{i}]");
                var sentence = Tokenizer.Tokenize(inputs[i].Text, maxPieces);
                for (var v = 0; v < options.NumAug; v++)
                {
                    var (plan, masked) = CbertAugmenter.Plan(sentence, label, keys[i], v, options, Tokenizer);
                    work.Add((j, i, v, sentence, masked, plan));
                }
            }
        }

        using var sampler = new MaskedSampler(Model, Tokenizer);
        foreach (var group in work.GroupBy(w => (jobs[w.Job].Options.Temperature, jobs[w.Job].Options.TopK)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = group.ToList();
            var batchSize = rows.Min(w => jobs[w.Job].Options.BatchSize);
            var sampled = sampler.Sample([.. rows.Select(w => w.Plan)], group.Key.Temperature, group.Key.TopK, batchSize);
            for (var k = 0; k < rows.Count; k++)
            {
                var w = rows[k];
                var job = jobs[w.Job];
                var (text, replaced) = CbertAugmenter.Render(w.Sentence, w.Masked, sampled[k], Tokenizer, job.Options.KeepCase);
                results[w.Job].Add(new CbertAugmentation(w.Index, w.Variant, text, job.Inputs[w.Index].Label, replaced));
            }
        }

        return results;
    }

    /// <summary>Saves a Hugging Face-compatible model directory (config.json with type_vocab_size = number of labels,
    /// vocab.txt, tokenizer_config.json, model.safetensors) plus cbert.json with the labels. Every file is written to
    /// a temporary name first and renamed.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        WriteText(Path.Combine(directory, "config.json"), Config.ToJson());
        WriteText(Path.Combine(directory, "vocab.txt"), string.Join('\n', Tokenizer.Vocabulary) + "\n");
        WriteText(Path.Combine(directory, "tokenizer_config.json"),
            new JsonObject { ["tokenizer_class"] = "BertTokenizer", ["do_lower_case"] = Tokenizer.LowerCase }.ToJsonString());
        BertCheckpoint.Save(Model, Path.Combine(directory, "model.safetensors"));
        var bin = Path.Combine(directory, "pytorch_model.bin");
        if (File.Exists(bin))
        {
            File.Delete(bin);
        }

        WriteText(Path.Combine(directory, ManifestFile),
            new JsonObject { ["format"] = 1, ["labels"] = new JsonArray([.. Labels.Select(l => (JsonNode)l)]) }
                .ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();

    internal int LabelId(string label, string where) => labelIds.TryGetValue(label, out var id)
        ? id
        : throw new ArgumentException($"{where}: label '{label}' is not one of the model's labels ({string.Join(", ", Labels)})");

    private static void Initialise(BertForMaskedLM model, ulong seed)
    {
        using var generator = new Generator(new SampleKey(seed, 0, 0).For(StableHash.Of("cbert/init")).NextUInt64());
        using var noGrad = no_grad();
        foreach (var (name, p) in model.named_parameters())
        {
            if (name.EndsWith("LayerNorm.weight", StringComparison.Ordinal))
            {
                p.fill_(1.0);
            }
            else if (name.EndsWith("bias", StringComparison.Ordinal))
            {
                p.zero_();
            }
            else
            {
                using var init = randn(p.shape, generator: generator).mul_(0.02);
                p.copy_(init);
            }
        }
    }

    private static IReadOnlyList<string>? ReadManifest(string directory)
    {
        var path = Path.Combine(directory, ManifestFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var labels = JsonNode.Parse(File.ReadAllText(path))?["labels"] as JsonArray
                ?? throw new InvalidDataException($"{path}: no labels array");
            return [.. labels.Select(l => l?.GetValue<string>() ?? throw new InvalidDataException($"{path}: null label"))];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static bool ReadLowerCase(string directory)
    {
        var path = Path.Combine(directory, "tokenizer_config.json");
        if (!File.Exists(path))
        {
            return true;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path))?["do_lower_case"] is not JsonValue v || !v.TryGetValue(out bool lower) || lower;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }
    }

    private static void WriteText(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
