using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Augment.Core.Randomness;

namespace Augment.Torch.Training.Data;

/// <summary>Produces an epoch's batches: keyed order (shuffle or class-balanced), samples read (and
/// augmented, keyed by (seed, epoch, index)) by parallel workers, bounded prefetch. Batch contents are a
/// pure function of (source, seed, epoch, batch size, order settings) whatever the worker count.</summary>
public sealed class BatchLoader
{
    /// <summary>Creates the loader.</summary>
    public BatchLoader(ISampleSource source, int batchSize, ulong seed, bool shuffle = true, bool balanced = false, int workers = 1, int prefetch = 2)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(prefetch);
        Source = source;
        BatchSize = batchSize;
        Seed = seed;
        Shuffle = shuffle;
        Balanced = balanced;
        Workers = workers;
        Prefetch = prefetch;
        if (balanced)
        {
            var counts = source.ClassCounts();
            EpochSize = (int)(counts.Max() * counts.Count(c => c > 0));
        }
        else
        {
            EpochSize = source.Count;
        }
    }

    /// <summary>The data.</summary>
    public ISampleSource Source { get; }

    /// <summary>Samples per batch (the last batch may be smaller).</summary>
    public int BatchSize { get; }

    /// <summary>The run's seed.</summary>
    public ulong Seed { get; }

    /// <summary>Shuffle every epoch.</summary>
    public bool Shuffle { get; }

    /// <summary>Class-balanced sampling with replacement.</summary>
    public bool Balanced { get; }

    /// <summary>Parallel readers per batch.</summary>
    public int Workers { get; }

    /// <summary>Batches prepared ahead.</summary>
    public int Prefetch { get; }

    /// <summary>Number of batches per epoch (balanced epochs hold classes × largest class samples).</summary>
    public int BatchCount => (EpochSize + BatchSize - 1) / BatchSize;

    /// <summary>Samples per epoch.</summary>
    public int EpochSize { get; }

    /// <summary>The batches of <paramref name="epoch"/>.</summary>
    public async IAsyncEnumerable<HostBatch> EpochAsync(long epoch, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var order = SamplingOrder.Plan(Source, Seed, epoch, Shuffle, Balanced);
        var channel = Channel.CreateBounded<HostBatch>(new BoundedChannelOptions(Prefetch) { SingleReader = true, SingleWriter = true });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => Produce(order, epoch, channel.Writer, cts.Token), cts.Token);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return batch;
            }
            await producer.ConfigureAwait(false);
        }
        finally
        {
            await cts.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // the consumer stopped early
            }
        }
    }

    /// <summary>Reads one batch synchronously (used by the producer and by tests).</summary>
    public HostBatch ReadBatch(ReadOnlySpan<(int Index, long KeyIndex)> planned, long epoch)
    {
        var sampleBytes = Source.SampleBytes();
        var features = new byte[(long)planned.Length * sampleBytes];
        var labels = new long[planned.Length];
        var idx = planned.ToArray();
        void ReadOne(int j)
        {
            var (i, key) = idx[j];
            Source.Read(i, new SampleKey(Seed, epoch, key), features.AsSpan(j * sampleBytes, sampleBytes));
            labels[j] = Source.Label(i);
        }
        if (Workers == 1)
        {
            for (var j = 0; j < idx.Length; j++)
            {
                ReadOne(j);
            }
        }
        else
        {
            Parallel.For(0, idx.Length, new ParallelOptions { MaxDegreeOfParallelism = Workers }, ReadOne);
        }
        return new HostBatch(features, labels, idx.Length);
    }

    private async Task Produce((int Index, long KeyIndex)[] order, long epoch, ChannelWriter<HostBatch> writer, CancellationToken ct)
    {
        try
        {
            for (var start = 0; start < order.Length; start += BatchSize)
            {
                ct.ThrowIfCancellationRequested();
                var batch = ReadBatch(order.AsSpan(start, Math.Min(BatchSize, order.Length - start)), epoch);
                await writer.WriteAsync(batch, ct).ConfigureAwait(false);
            }
            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.Complete(ex);
            throw;
        }
    }
}
