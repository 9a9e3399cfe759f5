using Augment.Contracts.V1;
using Augment.Core.Randomness;
using Augment.Core.Text.Eda;
using Augment.Service.Images;

namespace Augment.Service.Batches;

/// <summary>Builds text batches: each planned record gives its EDA outputs (keyed by SampleKey(seed, epoch, key index),
/// as AugmentText and <c>augment text</c> key them) or its CBERT variants (see <see cref="TextCbertAugmenter"/>), one
/// row per output; then optional BERT token ids padded to the longest row of the batch.</summary>
internal sealed class TextBatchBuilder(BatchStreamPlan plan, TextStreamDataset dataset, EdaAugmenter? eda, TextCbertAugmenter? cbert, int maxTokens, long maxBatchBytes)
    : IBatchBuilder
{
    /// <inheritdoc />
    public Batch Build(BatchWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var texts = new List<string>(work.Samples.Length);
        var indices = new List<long>(work.Samples.Length);
        var labels = new List<long>(work.Samples.Length);
        var keys = new List<long>(work.Samples.Length);
        var variants = new List<int>(work.Samples.Length);
        var generated = cbert is null ? null : cbert.Augment(
            [.. work.Samples.Select(s => new Torch.Text.CondBert.LabeledText(dataset.Records[s.Index].Text, dataset.ClassNames[dataset.Labels[s.Index]]))],
            [.. work.Samples.Select(s => s.KeyIndex(dataset.Records.Count))], work.Epoch, cancellationToken);
        var g = 0;
        for (var n = 0; n < work.Samples.Length; n++)
        {
            var sample = work.Samples[n];
            cancellationToken.ThrowIfCancellationRequested();
            var record = dataset.Records[sample.Index];
            var keyIndex = sample.KeyIndex(dataset.Records.Count);
            if (generated is not null)
            {
                for (; g < generated.Count && generated[g].SourceIndex == n; g++)
                {
                    Add(generated[g].Text, generated[g].Variant);
                }
                if (cbert!.KeepOriginal)
                {
                    Add(record.Text, -1);
                }
                continue;
            }
            if (eda is null)
            {
                Add(record.Text, -1);
                continue;
            }
            foreach (var output in eda.Augment(record.Text, new SampleKey(plan.Request.Seed, work.Epoch, keyIndex)))
            {
                Add(output.Text, output.Operation == EdaOperation.Original ? -1 : output.Variant);
            }

            void Add(string text, int variant)
            {
                texts.Add(text);
                indices.Add(sample.Index);
                labels.Add(dataset.Labels[sample.Index]);
                keys.Add(keyIndex);
                variants.Add(variant);
            }
        }
        var payload = new TextPayload();
        payload.Texts.AddRange(texts);
        payload.ClassNames.AddRange(dataset.ClassNames);
        payload.Variants = TensorFactory.Wrap(DType.Int32, System.Runtime.InteropServices.MemoryMarshal.AsBytes(variants.ToArray().AsSpan()).ToArray(), variants.Count);
        if (dataset.Tokenizer is not null)
        {
            Tokenize(payload, texts);
        }
        return new Batch
        {
            Epoch = work.Epoch,
            BatchIndex = work.BatchIndex,
            EpochInfo = work.Info,
            Indices = TensorFactory.Int64(indices.ToArray()),
            Labels = TensorFactory.Int64(labels.ToArray()),
            Keys = TensorFactory.Int64(keys.ToArray()),
            Text = payload,
        };
    }

    private void Tokenize(TextPayload payload, List<string> texts)
    {
        var tokenizer = dataset.Tokenizer!;
        var encoded = new IReadOnlyList<int>[texts.Count];
        var width = 0;
        for (var r = 0; r < texts.Count; r++)
        {
            encoded[r] = tokenizer.EncodeToIds(texts[r], maxTokens, out _, out _);
            width = Math.Max(width, encoded[r].Count);
        }
        var bytes = (long)texts.Count * width * sizeof(long);
        if (bytes > maxBatchBytes)
        {
            throw Images.RpcErrors.WithField(Grpc.Core.StatusCode.InvalidArgument,
                $"batch_size: {texts.Count} rows of {width} tokens is {bytes} bytes, over the limit of {maxBatchBytes} (Augment:Service:MaxBatchBytes); lower batch_size or max_tokens");
        }
        var ids = new long[texts.Count * width];
        var mask = new byte[texts.Count * width];
        var lengths = new long[texts.Count];
        Array.Fill(ids, tokenizer.PaddingTokenId);
        for (var r = 0; r < texts.Count; r++)
        {
            var row = encoded[r];
            lengths[r] = row.Count;
            for (var t = 0; t < row.Count; t++)
            {
                ids[r * width + t] = row[t];
                mask[r * width + t] = 1;
            }
        }
        payload.TokenIds = TensorFactory.Wrap(DType.Int64, System.Runtime.InteropServices.MemoryMarshal.AsBytes(ids.AsSpan()).ToArray(), texts.Count, width);
        payload.AttentionMask = TensorFactory.Wrap(DType.Uint8, mask, texts.Count, width);
        payload.Lengths = TensorFactory.Int64(lengths);
    }
}
