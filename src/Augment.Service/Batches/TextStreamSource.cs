using Augment.Contracts.V1;
using Augment.Core.Text.Eda;
using Augment.Core.Text.Lexicons;
using Augment.Service.Hosting;
using Augment.Service.Text.Cbert;

namespace Augment.Service.Batches;

/// <summary>The text side of StreamBatches: validates the text fields, compiles EDA and makes the <see cref="TextBatchBuilder"/>.</summary>
internal static class TextStreamSource
{
    /// <summary>Validates and compiles.</summary>
    /// <exception cref="ArgumentException">A field is invalid (message starts with its name).</exception>
    public static StreamSource Create(StreamBatchesRequest request, TextStreamDataset dataset, ServiceOptions options, CbertModelRegistry cbertModels)
    {
        ArgumentNullException.ThrowIfNull(cbertModels);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        StreamFields.RefuseForeign(request, DatasetKind.Text);
        var eda = request.Eda is null ? null : new EdaAugmenter(EdaSpecMapping.ToOptions(request.Eda, "eda"), SynonymLexicon.EmbeddedWordNet());
        if (eda is not null)
        {
            var perText = (long)Math.Ceiling(eda.Options.NumAug) + (eda.Options.KeepOriginal ? 1 : 0);
            if (perText * request.BatchSize > Text.TextServiceLimits.MaxOutputs)
            {
                throw new ArgumentException(
                    $"eda.num_aug: {request.BatchSize} records x {perText} outputs exceeds {Text.TextServiceLimits.MaxOutputs} rows per batch; lower batch_size or num_aug");
            }
        }
        var cbert = request.Cbert is null ? null : CreateCbert(request, dataset, cbertModels);
        if (request.MaxTokens != 0 && dataset.Tokenizer is null)
        {
            throw new ArgumentException($"max_tokens: dataset \"{dataset.Name}\" has no BERT vocabulary (set Vocab in its configuration)");
        }
        if (request.MaxTokens is < 0 or 1 or > 1_000_000)
        {
            throw new ArgumentException($"max_tokens: {request.MaxTokens} is outside [2, 1000000] (0: the dataset's default)");
        }
        var maxTokens = request.MaxTokens > 0 ? request.MaxTokens : dataset.MaxTokens;
        return new StreamSource(dataset.Name, dataset.ClassNames, dataset.Labels,
            plan => new TextBatchBuilder(plan, dataset, eda, cbert, maxTokens, options.MaxBatchBytes));
    }

    private static TextCbertAugmenter CreateCbert(StreamBatchesRequest request, TextStreamDataset dataset, CbertModelRegistry cbertModels)
    {
        if (request.Eda is not null)
        {
            throw new ArgumentException("cbert: set either eda or cbert, not both");
        }
        var augmentOptions = CbertSpecMapping.ToOptions(request.Cbert, request.Seed, 0);
        var keepOriginal = CbertSpecMapping.KeepOriginal(request.Cbert);
        var perText = (long)augmentOptions.NumAug + (keepOriginal ? 1 : 0);
        if (perText * request.BatchSize > Text.TextServiceLimits.MaxOutputs)
        {
            throw new ArgumentException(
                $"cbert.num_aug: {request.BatchSize} records x {perText} outputs exceeds {Text.TextServiceLimits.MaxOutputs} rows per batch; lower batch_size or num_aug");
        }
        var model = cbertModels.Get(request.Cbert.Model, "cbert.model");
        foreach (var name in dataset.ClassNames)
        {
            if (!model.Labels.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"cbert.model: dataset \"{dataset.Name}\" has class '{name}' but model '{request.Cbert.Model}' has labels ({string.Join(", ", model.Labels)})");
            }
        }
        return new TextCbertAugmenter(model, augmentOptions, keepOriginal);
    }
}
