using Augment.Torch.Training.Data;

namespace Augment.Torch.Tests.Training.Data;

public class BatchLoaderTests
{
    private static async Task<List<HostBatch>> All(BatchLoader loader, long epoch)
    {
        var list = new List<HostBatch>();
        await foreach (var b in loader.EpochAsync(epoch))
        {
            list.Add(b);
        }
        return list;
    }

    [Fact]
    public async Task EpochAsync_WorkerCount_DoesNotChangeBatches()
    {
        var source = Synthetic.Images(50, 1).WithAugmentation((input, key, output) =>
        {
            var rng = key.For(11);
            for (var i = 0; i < input.Length; i++)
            {
                output[i] = (byte)(input[i] ^ rng.NextInt(256));
            }
        });
        var one = await All(new BatchLoader(source, 8, seed: 5, workers: 1), 3);
        var four = await All(new BatchLoader(source, 8, seed: 5, workers: 4, prefetch: 1), 3);
        Assert.Equal(7, one.Count);
        Assert.Equal(2, one[^1].Count);
        Assert.Equal(one.SelectMany(b => b.Features), four.SelectMany(b => b.Features));
        Assert.Equal(one.SelectMany(b => b.Labels), four.SelectMany(b => b.Labels));
    }

    [Fact]
    public async Task EpochAsync_Balanced_RepeatsGetTheirOwnAugmentation()
    {
        var source = Synthetic.Images(0, 1, perClass: [4, 1]).WithAugmentation((input, key, output) =>
        {
            input.CopyTo(output);
            output[0] = (byte)key.Index;
        });
        var batch = (await All(new BatchLoader(source, 8, seed: 2, balanced: true), 0))[0];
        var minority = Enumerable.Range(0, 8).Where(j => batch.Labels[j] == 1).Select(j => batch.Features[j * 144]).Order().ToArray();
        Assert.Equal(new byte[] { 4, 9, 14, 19 }, minority); // sample 4, repeats keyed 4 + r·5
    }

    [Fact]
    public async Task EpochAsync_DifferentEpochs_ShuffleDifferently()
    {
        var loader = new BatchLoader(Synthetic.Images(50, 1), 50, seed: 5);
        var e0 = (await All(loader, 0))[0].Labels;
        var e1 = (await All(loader, 1))[0].Labels;
        Assert.NotEqual(e0, e1);
        Assert.Equal(e0.Order(), e1.Order());
    }

    [Fact]
    public void Balanced_ImbalancedSource_OversamplesEveryClassToTheLargest()
    {
        var source = Synthetic.Images(0, 1, perClass: [900, 90, 9, 1]);
        var order = SamplingOrder.Balanced(source, 3, 0);
        var counts = new int[4];
        foreach (var i in order)
        {
            counts[source.Label(i)]++;
        }
        Assert.Equal(3600, order.Length);
        Assert.All(counts, c => Assert.Equal(900, c));
        Assert.Equal(3600, new BatchLoader(source, 100, 3, balanced: true).EpochSize);
    }
}
