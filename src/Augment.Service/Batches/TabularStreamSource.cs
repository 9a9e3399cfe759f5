using Augment.Contracts.V1;
using Augment.Core.Tabular;
using Augment.Core.Tabular.Generation;
using Augment.Service.Hosting;
using Augment.Service.Tabular;

namespace Augment.Service.Batches;

/// <summary>The tabular side of StreamBatches. The plannable samples are the rows the sampler keeps (all of them for
/// over-samplers) followed by the synthetic rows of its per-class plan, class by class; the shared epoch planner then
/// balances, shuffles and shards them like image samples, and the builder generates synthetic row j of class c on
/// demand, keyed by (seed, c, j).</summary>
internal static class TabularStreamSource
{
    /// <summary>Validates the sampler and plans the resample (neighbour searches run here, or the dataset's cached plan of the
    /// same sampler and seed is reused).</summary>
    /// <exception cref="ArgumentException">A field is invalid (message starts with its name).</exception>
    public static StreamSource Create(StreamBatchesRequest request, TabularStreamDataset dataset, ServiceOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        StreamFields.RefuseForeign(request, DatasetKind.Tabular);
        var table = dataset.Table;
        int[] kept;
        IReadOnlyList<SyntheticRowGenerator> generators;
        if (request.TabularSampler is not { } sampler)
        {
            kept = Enumerable.Range(0, table.RowCount).ToArray();
            generators = [];
        }
        else
        {
            if (sampler.CategoricalColumns.Count > 0)
            {
                throw new ArgumentException(
                    $"tabular_sampler.categorical_columns: set CategoricalColumns in the configuration of dataset \"{dataset.Name}\" instead");
            }
            ResamplePlan resamplePlan;
            try
            {
                var resample = TabularSamplerMapper.ToOptions(sampler) with { Seed = request.Seed, MaxDegreeOfParallelism = 1 };
                resamplePlan = dataset.Plans.GetOrAdd(sampler, request.Seed, () => TabularResampler.Plan(table, resample, cancellationToken));
            }
            catch (TabularException ex)
            {
                throw new ArgumentException(ex.Message.StartsWith("sampler.", StringComparison.Ordinal)
                    ? "tabular_" + ex.Message
                    : $"tabular_sampler: {ex.Message}", ex);
            }
            if (resamplePlan.HasCleaningStep)
            {
                throw new ArgumentException(
                    $"tabular_sampler.method: {sampler.Method} cleans the whole resampled table after generation, which a stream cannot do; use SMOTE or another over-sampler");
            }
            if (resamplePlan.KeptRows.Count + resamplePlan.SyntheticCount > Augment.Core.Data.EpochPlanner.MaxEpochSamples)
            {
                throw new ArgumentException(
                    $"tabular_sampler: {resamplePlan.KeptRows.Count} rows + {resamplePlan.SyntheticCount} synthetic rows exceed {Augment.Core.Data.EpochPlanner.MaxEpochSamples} per epoch");
            }
            kept = [.. resamplePlan.KeptRows];
            generators = resamplePlan.Generators;
        }
        var rows = new TabularRows(table, kept, generators);
        return new StreamSource(dataset.Name, table.ClassNames, rows.Labels,
            _ => new TabularBatchBuilder(rows, options.MaxBatchBytes));
    }
}
