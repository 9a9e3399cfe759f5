using System.Collections.Concurrent;
using Grpc.Core;

namespace Augment.Service.Text.Cbert;

/// <summary>The CBERT models configured under <c>Augment:Cbert:Models</c> (name → folder saved by
/// <c>augment cbert train</c>), each loaded lazily, once, on first use (thread-safe) and kept for the life of the
/// service; see <see cref="CbertServiceSettings"/> for <c>Threads</c>, <c>QueueLimit</c> and <c>MaxBatchRows</c>.</summary>
internal sealed class CbertModelRegistry : IDisposable
{
    private readonly Dictionary<string, string> folders;
    private readonly ConcurrentDictionary<string, Lazy<CbertModelHandle>> loaded = new(StringComparer.Ordinal);
    private readonly CbertServiceSettings settings;

    /// <summary>Reads the configuration (folders relative to the content root).</summary>
    public CbertModelRegistry(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection("Augment:Cbert");
        folders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in section.GetSection("Models").GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(child.Value))
            {
                folders[child.Key] = Path.GetFullPath(child.Value, environment.ContentRootPath);
            }
        }

        settings = new CbertServiceSettings(Positive(section, "Threads", 1), Positive(section, "QueueLimit", 64), Positive(section, "MaxBatchRows", 1024));
    }

    /// <summary>The configured model names.</summary>
    public IReadOnlyCollection<string> Names => folders.Keys;

    /// <summary>The model named <paramref name="name"/>, loading it on first use. Unknown names fail with NotFound,
    /// an unloadable folder with FailedPrecondition; both name <paramref name="field"/>.</summary>
    public CbertModelHandle Get(string name, string field)
    {
        if (!folders.TryGetValue(name, out var folder))
        {
            var known = folders.Count == 0 ? "none configured (Augment:Cbert:Models)" : string.Join(", ", folders.Keys.Order(StringComparer.Ordinal));
            throw new RpcException(new Status(StatusCode.NotFound, $"{field}: unknown cbert model '{name}' (known: {known})"));
        }

        var lazy = loaded.GetOrAdd(name, _ => new Lazy<CbertModelHandle>(() => CbertModelHandle.Load(folder, settings), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            loaded.TryRemove(new KeyValuePair<string, Lazy<CbertModelHandle>>(name, lazy));
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"{field}: cbert model '{name}' at {folder} cannot be loaded: {e.Message}"));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var lazy in loaded.Values)
        {
            if (lazy.IsValueCreated)
            {
                lazy.Value.Dispose();
            }
        }
    }

    private static int Positive(IConfigurationSection section, string key, int fallback)
    {
        var value = section.GetValue(key, fallback);
        return value >= 1 ? value : throw new InvalidOperationException($"Augment:Cbert:{key}: must be at least 1, got {value}");
    }
}
