using Augment.Contracts.V1;
using Augment.Core.Imaging;

namespace Augment.Core.Data;

/// <summary>One sub-folder per class (torchvision ImageFolder): classes are the sub-folder names in ordinal
/// order, samples the image files below each (recursively, ordinal order of relative paths). Symbolic links
/// and hidden entries are skipped. An optional <see cref="BoxesFile"/> at the root gives boxes.</summary>
internal sealed class ImageFolderDataset : IImageDataset
{
    /// <summary>File extensions treated as images (case-insensitive).</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(
        [".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff"], StringComparer.OrdinalIgnoreCase);

    private readonly string _root;
    private readonly string[] _files;
    private readonly int[] _labels;
    private readonly IReadOnlyList<BoundingBox>[]? _boxes;
    private readonly DecodeLimits _limits;
    private readonly DecodedImageCache? _cache;

    private ImageFolderDataset(string name, string root, string[] files, int[] labels, string[] classes,
        IReadOnlyList<BoundingBox>[]? boxes, DecodeLimits limits, DecodedImageCache? cache)
    {
        Name = name;
        _root = root;
        _files = files;
        _labels = labels;
        ClassNames = classes;
        _boxes = boxes;
        _limits = limits;
        _cache = cache;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public DatasetKind Kind => DatasetKind.ImageFolder;

    /// <inheritdoc />
    public int Count => _files.Length;

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public IReadOnlyList<int> Labels => _labels;

    /// <inheritdoc />
    public bool HasBoxes => _boxes is not null;

    /// <inheritdoc />
    public (int Height, int Width, int Channels)? SampleShape => null;

    /// <inheritdoc />
    public string Description => $"image folder {_root} ({ClassNames.Count} classes)";

    /// <summary>Scans <paramref name="root"/>.</summary>
    public static ImageFolderDataset Open(string name, string root, DecodeLimits limits, DecodedImageCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!Directory.Exists(root))
        {
            throw new DatasetException(DatasetErrorKind.NotFound, $"{root}: folder not found");
        }
        var skip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System;
        var classes = new DirectoryInfo(root)
            .EnumerateDirectories("*", new EnumerationOptions { AttributesToSkip = skip })
            .Select(d => d.Name).Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToArray();
        if (classes.Length == 0)
        {
            throw new DatasetException(DatasetErrorKind.BadFormat, $"{root}: no class sub-folders (expected one folder per class)");
        }
        var files = new List<string>();
        var labels = new List<int>();
        var recurse = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = skip };
        for (var c = 0; c < classes.Length; c++)
        {
            var classDir = Path.Combine(root, classes[c]);
            var found = Directory.EnumerateFiles(classDir, "*", recurse)
                .Where(f => Extensions.Contains(Path.GetExtension(f)))
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => !f.Split('/').Any(s => s.StartsWith('.')))
                .Order(StringComparer.Ordinal);
            foreach (var f in found)
            {
                files.Add(f);
                labels.Add(c);
            }
        }
        if (files.Count == 0)
        {
            throw new DatasetException(DatasetErrorKind.BadFormat,
                $"{root}: no image files ({string.Join(", ", Extensions.Order(StringComparer.Ordinal))}) in its class folders");
        }
        IReadOnlyList<BoundingBox>[]? boxes = null;
        var boxesPath = Path.Combine(root, BoxesFile.FileName);
        if (File.Exists(boxesPath))
        {
            var byFile = BoxesFile.Read(boxesPath);
            var known = new HashSet<string>(files, StringComparer.Ordinal);
            var unknown = byFile.Keys.FirstOrDefault(k => !known.Contains(k));
            if (unknown is not null)
            {
                throw new DatasetException(DatasetErrorKind.BadFormat,
                    $"{boxesPath}: file \"{unknown}\" is not an image of this dataset");
            }
            boxes = files.Select(f => byFile.TryGetValue(f, out var b) ? (IReadOnlyList<BoundingBox>)b.ToArray() : []).ToArray();
        }
        return new ImageFolderDataset(name, root, files.ToArray(), labels.ToArray(), classes, boxes, limits, cache);
    }

    /// <summary>The path of sample <paramref name="index"/> relative to the root.</summary>
    public string RelativePath(int index) => _files[index];

    /// <inheritdoc />
    public string SourceName(int index) => Path.Combine(_root, _files[index]);

    /// <inheritdoc />
    public AugmentSample Load(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var image = _cache is null ? Decode(index) : _cache.GetOrAdd(this, index, () => Decode(index));
        return new AugmentSample(image) { Boxes = _boxes?[index] ?? [] };
    }

    private ImageBuffer Decode(int index)
    {
        return ImageDecoder.DecodeFile(SourceName(index), _limits);
    }
}
