namespace Augment.Core.Data;

/// <summary>Datasets, roots and cache (section <c>Augment:Data</c>).</summary>
public sealed class DataOptions
{
    /// <summary>Datasets by name.</summary>
    public IDictionary<string, DatasetOptions> Datasets { get; } = new Dictionary<string, DatasetOptions>(StringComparer.Ordinal);

    /// <summary>Root name → folder. Requests may name datasets by a path under one of these, never outside.</summary>
    public IDictionary<string, string> Roots { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Budget of the decoded-image cache in MiB (0 disables it).</summary>
    public long CacheMegabytes { get; set; } = 512;

    /// <summary>Register the built-in sample datasets ("sample", "sample-test") shipped with the service.</summary>
    public bool BuiltInSample { get; set; } = true;
}
