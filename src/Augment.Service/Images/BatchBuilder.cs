using Augment.Contracts.V1;
using Augment.Core.Data;
using Augment.Core.Imaging;
using Augment.Core.Pipelines;
using Augment.Core.Randomness;
using Augment.Service.Batches;
using Grpc.Core;

namespace Augment.Service.Images;

/// <summary>Builds one batch message: loads, augments (keyed by seed, epoch and key index) and packs the samples
/// into tensors. Pure with respect to its inputs, so any worker may build any batch.</summary>
internal sealed class BatchBuilder(BatchStreamPlan plan, IImageDataset dataset, ImagePipeline pipeline, long maxBatchBytes, BatchBufferPool buffers) : IBatchBuilder
{
    /// <summary>Builds <paramref name="work"/>.</summary>
    /// <exception cref="RpcException">DATA_LOSS for an undecodable sample under the FAIL policy; FAILED_PRECONDITION when sample
    /// sizes differ; INVALID_ARGUMENT when the batch exceeds the byte limit.</exception>
    public Batch Build(BatchWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var outputs = new List<(PlannedSample Sample, AugmentSample Output)>(work.Samples.Length);
        var batch = new Batch { Epoch = work.Epoch, BatchIndex = work.BatchIndex, EpochInfo = work.Info };
        foreach (var sample in work.Samples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AugmentSample input;
            try
            {
                input = dataset.Load(sample.Index);
            }
            catch (Exception ex) when (ex is ImageDecodeException or IOException or UnauthorizedAccessException)
            {
                var reason = ex is ImageDecodeException ? ex.Message : $"{dataset.SourceName(sample.Index)}: {ex.Message}";
                if (plan.Request.OnDecodeError == DecodeErrorPolicy.Skip)
                {
                    batch.Skipped.Add(new SkippedSample { Index = sample.Index, Reason = reason });
                    continue;
                }
                throw new RpcException(new Status(StatusCode.DataLoss,
                    $"sample {sample.Index} of dataset \"{dataset.Name}\" cannot be loaded: {reason} (set on_decode_error = SKIP to skip such samples)"));
            }
            var key = new SampleKey(plan.Request.Seed, work.Epoch, sample.KeyIndex(dataset.Count));
            outputs.Add((sample, pipeline.Run(input, key)));
        }
        Pack(batch, outputs);
        return batch;
    }

    private void Pack(Batch batch, List<(PlannedSample Sample, AugmentSample Output)> outputs)
    {
        var n = outputs.Count;
        var indices = new long[n];
        var labels = new long[n];
        var keys = new long[n];
        for (var k = 0; k < n; k++)
        {
            var s = outputs[k].Sample;
            indices[k] = s.Index;
            labels[k] = dataset.Labels[s.Index];
            keys[k] = s.KeyIndex(dataset.Count);
        }
        batch.Indices = TensorFactory.Int64(indices);
        batch.Labels = TensorFactory.Int64(labels);
        batch.Keys = TensorFactory.Int64(keys);
        var payload = new ImagePayload();
        batch.Image = payload;
        var chw = pipeline.OutputLayout == ImageLayout.Float32Chw;
        if (n == 0)
        {
            // Every sample was skipped: a 4-D tensor with no elements, so clients can still reshape it.
            payload.Images = TensorFactory.Wrap(chw ? DType.Float32 : DType.Uint8, [], 0, 0, 0, 0);
            return;
        }
        var first = outputs[0].Output.Image;
        for (var k = 1; k < n; k++)
        {
            var img = outputs[k].Output.Image;
            if (img.Width != first.Width || img.Height != first.Height || img.Channels != first.Channels)
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition,
                    $"samples of one batch differ in size: sample {outputs[0].Sample.Index} is {first.Width}x{first.Height}x{first.Channels}, " +
                    $"sample {outputs[k].Sample.Index} is {img.Width}x{img.Height}x{img.Channels}; set target_width and target_height " +
                    "or end the pipeline with a fixed-size crop or resize"));
            }
        }
        long per = pipeline.OutputByteCount(first);
        if (per * n > maxBatchBytes)
        {
            throw RpcErrors.WithField(StatusCode.InvalidArgument,
                $"batch_size: {n} samples of {per} bytes is {per * n} bytes, over the limit of {maxBatchBytes} (Augment:Service:MaxBatchBytes); " +
                "lower batch_size or the output size");
        }
        // Every byte is written below: straight into the stream's shared-memory ring when it has room (delivered
        // without a copy), else a pooled, not zeroed buffer (returned once the batch is on the wire).
        var size = (int)(per * n);
        var lease = plan.Ring?.TryLease(size);
        Memory<byte> bytes;
        if (lease is null)
        {
            var data = buffers.Rent(size);
            buffers.Track(batch, data);
            bytes = data.AsMemory(0, size);
        }
        else
        {
            bytes = lease.Memory;
        }
        try
        {
            for (var k = 0; k < n; k++)
            {
                pipeline.WriteOutput(outputs[k].Output.Image, bytes.Span.Slice((int)(k * per), (int)per));
            }
            payload.Images = chw
                ? TensorFactory.Wrap(DType.Float32, bytes, n, first.Channels, first.Height, first.Width)
                : TensorFactory.Wrap(DType.Uint8, bytes, n, first.Height, first.Width, first.Channels);
        }
        catch
        {
            lease?.Abandon();
            throw;
        }
        lease?.Complete(payload.Images);
        if (dataset.HasBoxes)
        {
            foreach (var (_, output) in outputs)
            {
                payload.Boxes.Add(Boxes(output.Boxes));
            }
        }
    }

    /// <summary>Boxes of one sample as tensors.</summary>
    public static SampleBoxes Boxes(IReadOnlyList<BoundingBox> boxes)
    {
        var coords = new float[boxes.Count * 4];
        var labels = new long[boxes.Count];
        for (var i = 0; i < boxes.Count; i++)
        {
            coords[4 * i] = boxes[i].X1;
            coords[4 * i + 1] = boxes[i].Y1;
            coords[4 * i + 2] = boxes[i].X2;
            coords[4 * i + 3] = boxes[i].Y2;
            labels[i] = boxes[i].Label;
        }
        return new SampleBoxes { Boxes = TensorFactory.Float32(coords, boxes.Count, 4), Labels = TensorFactory.Int64(labels) };
    }
}
