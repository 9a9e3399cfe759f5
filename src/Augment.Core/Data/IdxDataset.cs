using Augment.Contracts.V1;
using Augment.Core.Imaging;

namespace Augment.Core.Data;

/// <summary>An IDX images file with its labels file (MNIST / Fashion-MNIST), held decoded in memory, one array per
/// image so that loading a sample shares it instead of copying (pipelines never mutate their input).
/// Samples are grayscale: 1-channel image buffers.</summary>
internal sealed class IdxDataset : IImageDataset
{
    private readonly byte[][] _images;
    private readonly int _rows;
    private readonly int _cols;
    private readonly int[] _labels;
    private readonly string _imagesPath;

    private IdxDataset(string name, string imagesPath, byte[] pixels, int rows, int cols, int[] labels, IReadOnlyList<string> classNames, string labelsPath)
    {
        Name = name;
        _imagesPath = imagesPath;
        var size = rows * cols;
        _images = new byte[labels.Length][];
        for (var i = 0; i < labels.Length; i++)
        {
            _images[i] = pixels.AsSpan(i * size, size).ToArray();
        }
        _rows = rows;
        _cols = cols;
        _labels = labels;
        ClassNames = classNames;
        Description = $"IDX {Path.GetFileName(imagesPath)} + {Path.GetFileName(labelsPath)}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public DatasetKind Kind => DatasetKind.Idx;

    /// <inheritdoc />
    public int Count => _labels.Length;

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public IReadOnlyList<int> Labels => _labels;

    /// <inheritdoc />
    public bool HasBoxes => false;

    /// <inheritdoc />
    public (int Height, int Width, int Channels)? SampleShape => (_rows, _cols, 1);

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Reads both files. <paramref name="classNames"/> empty: "0".."max label".</summary>
    public static IdxDataset Open(string name, string imagesPath, string labelsPath, IReadOnlyList<string>? classNames = null)
    {
        var (count, rows, cols, pixels) = IdxFile.ReadImages(imagesPath);
        var labelBytes = IdxFile.ReadLabels(labelsPath);
        if (labelBytes.Length != count)
        {
            throw new DatasetException(DatasetErrorKind.BadFormat,
                $"{labelsPath}: {labelBytes.Length} labels for {count} images in {imagesPath}");
        }
        var labels = new int[count];
        var max = 0;
        for (var i = 0; i < count; i++)
        {
            labels[i] = labelBytes[i];
            max = Math.Max(max, labels[i]);
        }
        IReadOnlyList<string> names;
        if (classNames is { Count: > 0 })
        {
            if (max >= classNames.Count)
            {
                throw new DatasetException(DatasetErrorKind.BadFormat,
                    $"{labelsPath}: label {max} has no class name ({classNames.Count} names configured)");
            }
            names = classNames;
        }
        else
        {
            names = Enumerable.Range(0, max + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }
        return new IdxDataset(name, imagesPath, pixels, rows, cols, labels, names, labelsPath);
    }

    /// <summary>The labels file beside an images file: "images-idx3" replaced by "labels-idx1".</summary>
    public static string LabelsPathFor(string imagesPath)
    {
        var file = Path.GetFileName(imagesPath);
        if (!file.Contains("images-idx3", StringComparison.Ordinal))
        {
            throw new DatasetException(DatasetErrorKind.InvalidArgument,
                $"{imagesPath}: an IDX images file name must contain \"images-idx3\" so that its labels file (\"labels-idx1\") can be found");
        }
        return Path.Combine(Path.GetDirectoryName(imagesPath) ?? "", file.Replace("images-idx3", "labels-idx1", StringComparison.Ordinal));
    }

    /// <inheritdoc />
    public string SourceName(int index) => $"{_imagesPath}#{index}";

    /// <inheritdoc />
    public AugmentSample Load(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return new AugmentSample(new ImageBuffer(_cols, _rows, 1, _images[index]));
    }
}
