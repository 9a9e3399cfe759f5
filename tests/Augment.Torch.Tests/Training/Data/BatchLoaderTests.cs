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
    public async Task EpochAsync_DifferentEpochs_ShuffleDifferently()
    {
        var loader = new BatchLoader(Synthetic.Images(50, 1), 50, seed: 5);
        var e0 = (await All(loader, 0))[0].Labels;
        var e1 = (await All(loader, 1))[0].Labels;
        Assert.NotEqual(e0, e1);
        Assert.Equal(e0.Order(), e1.Order());
    }

    [Fact]
    public void Balanced_ImbalancedSource_DrawsClassesEvenly()
    {
        var source = Synthetic.Images(0, 1, perClass: [900, 90, 9, 1]);
        var order = SamplingOrder.Balanced(source, 3, 0);
        var counts = new int[4];
        foreach (var i in order)
        {
            counts[source.Label(i)]++;
        }
        Assert.All(counts, c => Assert.InRange(c, 200, 300));
    }
}
