using Augment.Contracts.V1;
using Augment.Service.Images;
using Grpc.Core;

namespace Augment.Service.Batches;

/// <summary>Builds tabular batches: float32 [N, F] features (original rows copied, synthetic rows generated on demand),
/// labels, and a uint8 synthetic flag. Synthetic row j of class c depends only on (seed, c, j), so any shard, worker
/// count or resumed stream gives the same bytes.</summary>
internal sealed class TabularBatchBuilder(TabularRows rows, long maxBatchBytes) : IBatchBuilder
{
    /// <inheritdoc />
    public Batch Build(BatchWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var n = work.Samples.Length;
        var d = rows.Table.FeatureCount;
        if ((long)n * d * sizeof(float) > maxBatchBytes)
        {
            throw RpcErrors.WithField(StatusCode.InvalidArgument,
                $"batch_size: {n} rows of {d} float32 features exceed the limit of {maxBatchBytes} bytes (Augment:Service:MaxBatchBytes)");
        }
        var features = new float[n * d];
        var indices = new long[n];
        var labels = new long[n];
        var keys = new long[n];
        var synthetic = new byte[n];
        Span<double> row = d <= 256 ? stackalloc double[d] : new double[d];
        for (var k = 0; k < n; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sample = work.Samples[k];
            indices[k] = rows.Write(sample.Index, row);
            labels[k] = rows.Labels[sample.Index];
            keys[k] = sample.KeyIndex(rows.Labels.Count);
            synthetic[k] = indices[k] < 0 ? (byte)1 : (byte)0;
            for (var f = 0; f < d; f++)
            {
                features[k * d + f] = (float)row[f];
            }
        }
        var payload = new TabularPayload
        {
            Features = TensorFactory.Float32(features, n, d),
            Synthetic = TensorFactory.Wrap(DType.Uint8, synthetic, n),
        };
        payload.Columns.AddRange(rows.Table.FeatureNames);
        return new Batch
        {
            Epoch = work.Epoch,
            BatchIndex = work.BatchIndex,
            EpochInfo = work.Info,
            Indices = TensorFactory.Int64(indices),
            Labels = TensorFactory.Int64(labels),
            Keys = TensorFactory.Int64(keys),
            Tabular = payload,
        };
    }
}
