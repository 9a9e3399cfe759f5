using System.Collections.Concurrent;
using Augment.Contracts.V1;
using Augment.Core.Imaging;

namespace Augment.Core.Data;

/// <summary>The datasets a process serves: configured ones by name (loaded lazily, once), the built-in
/// sample, and datasets named by a path under a configured root. Thread-safe.</summary>
internal sealed class DatasetRegistry
{
    /// <summary>How many root-relative datasets stay loaded (further ones are loaded per request).</summary>
    public const int MaxLocationEntries = 16;

    private readonly Dictionary<string, Lazy<IImageDataset>> _named = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<IImageDataset>> _byLocation = new(StringComparer.Ordinal);
    private readonly DatasetRoots _roots;
    private readonly DecodeLimits _limits;

    /// <summary>Creates the registry. Relative paths in <paramref name="options"/> resolve against
    /// <paramref name="baseDirectory"/>; the built-in sample against <paramref name="applicationDirectory"/>.</summary>
    public DatasetRegistry(DataOptions options, string baseDirectory, string applicationDirectory, DecodeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(options);
        _limits = limits;
        Cache = new DecodedImageCache(options.CacheMegabytes * 1024 * 1024);
        _roots = new DatasetRoots(options.Roots, baseDirectory);
        if (options.BuiltInSample)
        {
            var folder = Path.Combine(applicationDirectory, FashionMnist.SampleFolder);
            AddIdx(FashionMnist.SampleName, Path.Combine(folder, "train-images-idx3-ubyte.gz"), "", FashionMnist.ClassNames);
            AddIdx(FashionMnist.SampleTestName, Path.Combine(folder, "t10k-images-idx3-ubyte.gz"), "", FashionMnist.ClassNames);
        }
        foreach (var (name, ds) in options.Datasets)
        {
            if (string.IsNullOrWhiteSpace(ds.Path))
            {
                throw new DatasetException(DatasetErrorKind.InvalidArgument, $"Augment:Data:Datasets:{name}:Path is empty");
            }
            var path = Path.GetFullPath(ds.Path, baseDirectory);
            if (ds.Optional && !File.Exists(path) && !Directory.Exists(path))
            {
                _named.Remove(name);
                continue;
            }
            var kind = ParseKind(ds.Kind, path, $"Augment:Data:Datasets:{name}:Kind");
            if (kind is DatasetKind.Text or DatasetKind.Tabular)
            {
                // Served by the service's stream-dataset catalog.
                continue;
            }
            if (kind == DatasetKind.Idx)
            {
                var labels = string.IsNullOrWhiteSpace(ds.Labels) ? "" : Path.GetFullPath(ds.Labels, baseDirectory);
                AddIdx(name, path, labels, ds.Classes.ToArray());
            }
            else
            {
                _named[name] = new Lazy<IImageDataset>(() => ImageFolderDataset.Open(name, path, _limits, Cache));
            }
        }
    }

    /// <summary>The decoded-image cache shared by every image-folder dataset.</summary>
    public DecodedImageCache Cache { get; }

    /// <summary>Configured dataset names, ordinal order.</summary>
    public IReadOnlyList<string> Names => _named.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Configured root names.</summary>
    public IReadOnlyList<string> RootNames => _roots.Names;

    /// <summary>The dataset configured as <paramref name="name"/>.</summary>
    public IImageDataset Get(string name)
    {
        if (!_named.TryGetValue(name, out var lazy))
        {
            var known = _named.Count == 0 ? "none are configured" : "available: " + string.Join(", ", Names);
            throw new DatasetException(DatasetErrorKind.NotFound, $"dataset: no dataset named \"{name}\" ({known})");
        }
        return lazy.Value;
    }

    /// <summary>The dataset named by <paramref name="name"/> or by <paramref name="location"/> (exactly one);
    /// neither: <paramref name="defaultName"/>.</summary>
    public IImageDataset Resolve(string name, DatasetLocation? location, string defaultName = FashionMnist.SampleName)
    {
        if (location is not null && (location.Root.Length > 0 || location.Path.Length > 0))
        {
            if (name.Length > 0)
            {
                throw new DatasetException(DatasetErrorKind.InvalidArgument, "dataset and location: give exactly one");
            }
            return GetByLocation(location);
        }
        return Get(name.Length > 0 ? name : defaultName);
    }

    private IImageDataset GetByLocation(DatasetLocation location)
    {
        if (location.Kind is DatasetKind.Text or DatasetKind.Tabular)
        {
            throw new DatasetException(DatasetErrorKind.InvalidArgument, "location.kind: text and tabular datasets are configured by name only");
        }
        var full = _roots.Resolve(location.Root, location.Path);
        var kind = location.Kind == DatasetKind.Unspecified ? (File.Exists(full) ? DatasetKind.Idx : DatasetKind.ImageFolder) : location.Kind;
        var display = $"{location.Root}:{location.Path}";
        Func<IImageDataset> open = kind switch
        {
            DatasetKind.Idx => () => IdxDataset.Open(display, full, IdxDataset.LabelsPathFor(full)),
            DatasetKind.ImageFolder => () => ImageFolderDataset.Open(display, full, _limits, Cache),
            _ => throw new DatasetException(DatasetErrorKind.InvalidArgument, $"location.kind: unknown kind {(int)kind}"),
        };
        var key = $"{kind}|{full}";
        if (_byLocation.TryGetValue(key, out var existing) || _byLocation.Count >= MaxLocationEntries)
        {
            return existing?.Value ?? open();
        }
        var lazy = _byLocation.GetOrAdd(key, _ => new Lazy<IImageDataset>(open));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _byLocation.TryRemove(key, out _);
            throw;
        }
    }

    private void AddIdx(string name, string images, string labels, IReadOnlyList<string> classes)
    {
        _named[name] = new Lazy<IImageDataset>(() =>
            IdxDataset.Open(name, images, labels.Length > 0 ? labels : IdxDataset.LabelsPathFor(images), classes));
    }

    /// <summary>The kind configured for a dataset (text and tabular included).</summary>
    public static DatasetKind ParseKind(string text, string path, string field) =>
        text.Trim().ToUpperInvariant() switch
        {
            "" => File.Exists(path) ? DatasetKind.Idx : DatasetKind.ImageFolder,
            "IDX" => DatasetKind.Idx,
            "IMAGE-FOLDER" or "IMAGE_FOLDER" or "IMAGEFOLDER" => DatasetKind.ImageFolder,
            "TEXT" => DatasetKind.Text,
            "TABULAR" => DatasetKind.Tabular,
            _ => throw new DatasetException(DatasetErrorKind.InvalidArgument, $"{field}: \"{text}\" is not idx, image-folder, text or tabular"),
        };
}
