using Augment.Contracts.V1;
using Augment.Core.Data;

namespace Augment.Service.Images;

/// <summary>Describes datasets as <see cref="DatasetInfo"/> messages.</summary>
internal static class DatasetInfoFactory
{
    /// <summary>Name, kind, counts per class, shape and boxes of <paramref name="dataset"/>.</summary>
    public static DatasetInfo From(IImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var info = new DatasetInfo
        {
            Name = dataset.Name,
            Kind = dataset.Kind,
            SampleCount = dataset.Count,
            HasBoxes = dataset.HasBoxes,
            Description = dataset.Description,
        };
        var counts = new long[dataset.ClassNames.Count];
        foreach (var label in dataset.Labels)
        {
            counts[label]++;
        }
        for (var c = 0; c < counts.Length; c++)
        {
            info.Classes.Add(new ClassInfo { Label = c, Name = dataset.ClassNames[c], Count = counts[c] });
        }
        if (dataset.SampleShape is { } shape)
        {
            info.SampleShape.Add([shape.Height, shape.Width, shape.Channels]);
        }
        return info;
    }
}
