using Augment.Contracts.V1;

namespace Augment.Service.Batches;

/// <summary>Helpers shared by the <see cref="IStreamDataset.Describe"/> implementations.</summary>
internal static class StreamDatasetInfo
{
    /// <summary>Adds one <see cref="ClassInfo"/> per class with its sample count.</summary>
    public static void AddClasses(DatasetInfo info, IReadOnlyList<string> classNames, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(labels);
        var counts = new long[classNames.Count];
        foreach (var label in labels)
        {
            counts[label]++;
        }
        for (var c = 0; c < counts.Length; c++)
        {
            info.Classes.Add(new ClassInfo { Label = c, Name = classNames[c], Count = counts[c] });
        }
    }
}
