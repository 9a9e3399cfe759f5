using Augment.Contracts.V1;

namespace Augment.Service.Batches;

/// <summary>Refuses StreamBatches fields that belong to another kind of dataset, so that a misplaced option fails
/// loudly instead of being ignored.</summary>
internal static class StreamFields
{
    /// <summary>Throws for the first field of <paramref name="request"/> that a dataset of <paramref name="kind"/> does not use.</summary>
    /// <exception cref="ArgumentException">The message starts with the field name.</exception>
    public static void RefuseForeign(StreamBatchesRequest request, DatasetKind kind)
    {
        ArgumentNullException.ThrowIfNull(request);
        var image = kind is DatasetKind.Idx or DatasetKind.ImageFolder;
        var what = image ? "an image dataset" : kind == DatasetKind.Text ? "a text dataset" : "a tabular dataset";
        void Refuse(bool set, string field)
        {
            if (set)
            {
                throw new ArgumentException($"{field}: not used by {what}");
            }
        }
        if (!image)
        {
            Refuse(request.Pipeline is not null, "pipeline");
            Refuse(request.Output is not null, "output");
            Refuse(request.TargetWidth != 0 || request.TargetHeight != 0, "target_width, target_height");
            Refuse(request.OnDecodeError != DecodeErrorPolicy.Unspecified, "on_decode_error");
        }
        if (kind != DatasetKind.Text)
        {
            Refuse(request.Eda is not null, "eda");
            Refuse(request.Cbert is not null, "cbert");
            Refuse(request.MaxTokens != 0, "max_tokens");
        }
        if (kind != DatasetKind.Tabular)
        {
            Refuse(request.TabularSampler is not null, "tabular_sampler");
        }
    }
}
