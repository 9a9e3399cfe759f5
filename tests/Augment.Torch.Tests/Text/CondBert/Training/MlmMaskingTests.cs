using Augment.Core.Randomness;
using Augment.Torch.Text.CondBert.Training;

namespace Augment.Torch.Tests.Text.CondBert.Training;

public sealed class MlmMaskingTests
{
    private const int Cls = 2, Sep = 3, Mask = 4;
    private static readonly int[] Ordinary = [.. Enumerable.Range(5, 1000)];

    [Fact]
    public void Mask_ManySentences_FollowsThe80_10_10Rule()
    {
        int masked = 0, random = 0, kept = 0, total = 0;
        for (var i = 0; i < 4000; i++)
        {
            var pieces = Enumerable.Range(0, 20).Select(k => 5 + (k * 37 + i) % 1000).ToArray();
            var rng = new SampleKey(1, 0, i).For(9);
            var (input, targets) = MlmMasking.Mask(pieces, ref rng, 0.15, Cls, Sep, Mask, Ordinary);
            Assert.Equal(3, targets.Count);
            foreach (var (position, target) in targets)
            {
                Assert.Equal(pieces[position - 1], target);
                total++;
                if (input[position] == Mask)
                {
                    masked++;
                }
                else if (input[position] == target)
                {
                    kept++;
                }
                else
                {
                    random++;
                }
            }
        }

        Assert.InRange((double)masked / total, 0.78, 0.82);
        Assert.InRange((double)random / total, 0.085, 0.115);
        Assert.InRange((double)kept / total, 0.085, 0.115);
    }

    [Fact]
    public void Mask_Sentence_AddsClsSepAndLeavesUnchosenPieces()
    {
        int[] pieces = [10, 11, 12, 13, 14, 15, 16];
        var rng = new SampleKey(3, 1, 2).For(5);
        var (input, targets) = MlmMasking.Mask(pieces, ref rng, 0.15, Cls, Sep, Mask, Ordinary);
        Assert.Equal(Cls, input[0]);
        Assert.Equal(Sep, input[^1]);
        var chosen = targets.Select(t => t.Position).ToHashSet();
        Assert.Single(chosen);
        for (var p = 0; p < pieces.Length; p++)
        {
            if (!chosen.Contains(p + 1))
            {
                Assert.Equal(pieces[p], input[p + 1]);
            }
        }
    }

    [Fact]
    public void Mask_SameKey_SameResult()
    {
        int[] pieces = [.. Enumerable.Range(20, 30)];
        var a = new SampleKey(8, 2, 4).For(1);
        var b = new SampleKey(8, 2, 4).For(1);
        var (x, tx) = MlmMasking.Mask(pieces, ref a, 0.15, Cls, Sep, Mask, Ordinary);
        var (y, ty) = MlmMasking.Mask(pieces, ref b, 0.15, Cls, Sep, Mask, Ordinary);
        Assert.Equal(x, y);
        Assert.Equal(tx, ty);
    }
}
