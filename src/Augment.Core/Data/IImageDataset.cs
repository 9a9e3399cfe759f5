using Augment.Contracts.V1;
using Augment.Core.Imaging;

namespace Augment.Core.Data;

/// <summary>A labelled image dataset with random access by index. Implementations are thread-safe.</summary>
internal interface IImageDataset
{
    /// <summary>The name it is known by (configured name, or root:path).</summary>
    string Name { get; }

    /// <summary>IDX or image folder.</summary>
    DatasetKind Kind { get; }

    /// <summary>Number of samples.</summary>
    int Count { get; }

    /// <summary>Class names; a label is an index into this list.</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>The label of every sample, by index.</summary>
    IReadOnlyList<int> Labels { get; }

    /// <summary>Whether samples carry bounding boxes.</summary>
    bool HasBoxes { get; }

    /// <summary>(height, width, channels) when every sample has this shape; null when sizes vary.</summary>
    (int Height, int Width, int Channels)? SampleShape { get; }

    /// <summary>A short human-readable description (files, folder).</summary>
    string Description { get; }

    /// <summary>A name for sample <paramref name="index"/> in error messages (file path or "file#index").</summary>
    string SourceName(int index);

    /// <summary>Loads and decodes sample <paramref name="index"/> (with its boxes, if any).</summary>
    /// <exception cref="ImageDecodeException">The file cannot be decoded.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    AugmentSample Load(int index);
}
