using Augment.Contracts.V1;
using Augment.Core.Tabular;
using Google.Protobuf;

namespace Augment.Service.Batches;

/// <summary>The last few resample plans of one tabular dataset, by sampler and seed, so that the shards of one training
/// job and a client's later requests run the sampler's neighbour searches once instead of once per request. A plan is a
/// function of (table, sampler, seed) alone, so a cached one gives the same bytes. Failed or cancelled plans are not
/// kept; two identical requests arriving together may both plan (the second result is dropped).</summary>
internal sealed class ResamplePlanCache
{
    /// <summary>Plans kept per dataset (least recently used goes first).</summary>
    public const int Capacity = 4;

    private readonly Lock _gate = new();
    private readonly LinkedList<(string Key, ResamplePlan Plan)> _entries = new();

    /// <summary>How many times a plan was computed (for tests).</summary>
    public int Computed { get; private set; }

    /// <summary>The plan of <paramref name="sampler"/> with <paramref name="seed"/>, computed by <paramref name="plan"/>
    /// when it is not kept.</summary>
    public ResamplePlan GetOrAdd(TabularSampler sampler, ulong seed, Func<ResamplePlan> plan)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(plan);
        var key = $"{seed}:{Convert.ToBase64String(sampler.ToByteArray())}";
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    return node.Value.Plan;
                }
            }
        }
        var computed = plan();
        lock (_gate)
        {
            Computed++;
            if (_entries.All(e => e.Key != key))
            {
                _entries.AddFirst((key, computed));
                while (_entries.Count > Capacity)
                {
                    _entries.RemoveLast();
                }
            }
        }
        return computed;
    }
}
