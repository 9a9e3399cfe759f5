using Augment.Contracts.V1;
using Augment.Core.Data;

namespace Augment.Service.Batches;

/// <summary>The text and tabular datasets configured under <c>Augment:Data:Datasets</c> (kind "text" or "tabular"),
/// loaded lazily, once. Image datasets stay with <see cref="DatasetRegistry"/>. Thread-safe.</summary>
internal sealed class StreamDatasetCatalog
{
    private readonly Dictionary<string, Lazy<IStreamDataset>> _named = new(StringComparer.Ordinal);

    /// <summary>Registers the configured text and tabular datasets; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="DatasetException">A setting is invalid.</exception>
    public StreamDatasetCatalog(DataOptions options, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, ds) in options.Datasets)
        {
            if (string.IsNullOrWhiteSpace(ds.Path))
            {
                continue; // DatasetRegistry reports it.
            }
            var path = Path.GetFullPath(ds.Path, baseDirectory);
            if (ds.Optional && !File.Exists(path))
            {
                continue;
            }
            var kind = DatasetRegistry.ParseKind(ds.Kind, path, $"Augment:Data:Datasets:{name}:Kind");
            if (kind == DatasetKind.Text)
            {
                _named[name] = new Lazy<IStreamDataset>(() => TextStreamDataset.Load(name, ds, baseDirectory));
            }
            else if (kind == DatasetKind.Tabular)
            {
                _named[name] = new Lazy<IStreamDataset>(() => TabularStreamDataset.Load(name, ds, baseDirectory));
            }
        }
    }

    /// <summary>Configured text and tabular dataset names, ordinal order.</summary>
    public IReadOnlyList<string> Names => _named.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The dataset configured as <paramref name="name"/>, or null when no text or tabular dataset has that name.</summary>
    /// <exception cref="DatasetException">The dataset cannot be loaded.</exception>
    public IStreamDataset? Find(string name) => _named.TryGetValue(name, out var lazy) ? lazy.Value : null;
}
