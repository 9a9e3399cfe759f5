using Augment.Core.Tabular;
using Augment.Service.Batches;
using TabularSampler = Augment.Contracts.V1.TabularSampler;
using WireMethod = Augment.Contracts.V1.TabularMethod;

namespace Augment.Service.Tests.Batches;

public sealed class ResamplePlanCacheTests
{
    private static readonly TabularData Table = new(
        ["a", "b"], [ColumnKind.Numeric, ColumnKind.Numeric], [null, null],
        [0, 0, 1, 0.5, 0.5, 1, 2, 2, 9, 9, 9.5, 8.5, 8, 9, 9, 8], "y", 2, ["x", "y"], [0, 0, 0, 0, 0, 1, 1, 1]);

    private static ResamplePlan Plan(ulong seed) =>
        TabularResampler.Plan(Table, new ResampleOptions { Method = TabularMethod.Smote, K = 1, Seed = seed }, CancellationToken.None);

    private static TabularSampler Smote(uint k) => new() { Method = WireMethod.Smote, KNeighbors = k };

    [Fact]
    public void GetOrAdd_SameSamplerAndSeed_ComputesOnce()
    {
        var cache = new ResamplePlanCache();
        var first = cache.GetOrAdd(Smote(1), 7, () => Plan(7));
        var second = cache.GetOrAdd(Smote(1), 7, () => throw new InvalidOperationException("planned twice"));
        Assert.Same(first, second);
        Assert.Equal(1, cache.Computed);
    }

    [Fact]
    public void GetOrAdd_OtherSeedOrSampler_ComputesAgain()
    {
        var cache = new ResamplePlanCache();
        var a = cache.GetOrAdd(Smote(1), 7, () => Plan(7));
        var b = cache.GetOrAdd(Smote(1), 8, () => Plan(8));
        var c = cache.GetOrAdd(Smote(2), 7, () => Plan(7));
        Assert.Equal(3, cache.Computed);
        Assert.NotSame(a, b);
        Assert.NotSame(a, c);
    }

    [Fact]
    public void GetOrAdd_PastCapacity_DropsTheLeastRecentlyUsed()
    {
        var cache = new ResamplePlanCache();
        for (ulong seed = 0; seed < ResamplePlanCache.Capacity; seed++)
        {
            cache.GetOrAdd(Smote(1), seed, () => Plan(seed));
        }
        cache.GetOrAdd(Smote(1), 0, () => throw new InvalidOperationException("seed 0 was dropped too early"));
        cache.GetOrAdd(Smote(1), 100, () => Plan(100)); // drops seed 1, the least recently used
        Assert.Equal(ResamplePlanCache.Capacity + 1, cache.Computed);
        cache.GetOrAdd(Smote(1), 0, () => throw new InvalidOperationException("seed 0 was dropped"));
        cache.GetOrAdd(Smote(1), 1, () => Plan(1));
        Assert.Equal(ResamplePlanCache.Capacity + 2, cache.Computed);
    }

    [Fact]
    public void GetOrAdd_PlanFails_IsNotKept()
    {
        var cache = new ResamplePlanCache();
        Assert.Throws<OperationCanceledException>(() => cache.GetOrAdd(Smote(1), 7, () => throw new OperationCanceledException()));
        var plan = cache.GetOrAdd(Smote(1), 7, () => Plan(7));
        Assert.NotNull(plan);
        Assert.Equal(1, cache.Computed);
    }
}
