using Augment.Core.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Augment.Service.Hosting;

/// <summary>Healthy when at least one dataset is configured (the gRPC health service reports SERVING).</summary>
internal sealed class DatasetsHealthCheck(DatasetRegistry registry) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(registry.Names.Count > 0
            ? HealthCheckResult.Healthy($"{registry.Names.Count} datasets")
            : HealthCheckResult.Unhealthy("no datasets are configured"));
}
