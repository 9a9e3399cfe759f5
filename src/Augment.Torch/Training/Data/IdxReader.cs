using Augment.Core.Data;

namespace Augment.Torch.Training.Data;

/// <summary>Loads (gzipped) IDX files as used by MNIST and Fashion-MNIST into memory as a uint8 [1, H, W]
/// source, parsed by Augment.Core's IDX reader (errors are <see cref="DatasetException"/>s naming the file).</summary>
public static class IdxReader
{
    /// <summary>Loads a dataset from an images file and a labels file.</summary>
    public static ArraySampleSource Load(string imagesPath, string labelsPath, int classCount = 10)
    {
        var (count, rows, cols, pixels) = IdxFile.ReadImages(imagesPath);
        var labels = IdxFile.ReadLabels(labelsPath);
        if (labels.Length != count)
        {
            throw new InvalidDataException($"{labelsPath}: {labels.Length} labels but {imagesPath} has {count} images");
        }
        var ints = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            ints[i] = labels[i];
            if (ints[i] >= classCount)
            {
                throw new InvalidDataException($"{labelsPath}: label {ints[i]} at index {i} is outside [0, {classCount})");
            }
        }
        return new ArraySampleSource(pixels, ints, [1, rows, cols], SampleElementType.UInt8, classCount);
    }

    /// <summary>Loads Fashion-MNIST's train or test split from <paramref name="folder"/> (Debian's dataset-fashion-mnist layout).</summary>
    public static ArraySampleSource LoadFashionMnist(string folder, bool train)
    {
        var prefix = train ? "train" : "t10k";
        return Load(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"), Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"));
    }
}
