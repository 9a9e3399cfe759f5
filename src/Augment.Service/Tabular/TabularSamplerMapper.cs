using System.Globalization;
using Augment.Contracts.V1;
using Augment.Core.Tabular;
using Augment.Core.Tabular.Sampling;
using CoreMethod = Augment.Core.Tabular.TabularMethod;
using WireMethod = Augment.Contracts.V1.TabularMethod;

namespace Augment.Service.Tabular;

/// <summary>Maps the wire <see cref="TabularSampler"/> onto <see cref="ResampleOptions"/> (exhaustive switches;
/// unknown enum values fail with the field's path).</summary>
internal static class TabularSamplerMapper
{
    public static ResampleOptions ToOptions(TabularSampler? sampler)
    {
        sampler ??= new TabularSampler();
        return new ResampleOptions
        {
            Method = sampler.Method switch
            {
                WireMethod.Smote => CoreMethod.Smote,
                WireMethod.RandomOverSampler => CoreMethod.RandomOverSampler,
                WireMethod.BorderlineSmote => CoreMethod.BorderlineSmote,
                WireMethod.Adasyn => CoreMethod.Adasyn,
                WireMethod.SmoteNc => CoreMethod.SmoteNc,
                WireMethod.SmoteN => CoreMethod.SmoteN,
                WireMethod.RandomUnderSampler => CoreMethod.RandomUnderSampler,
                WireMethod.TomekLinks => CoreMethod.TomekLinks,
                WireMethod.EditedNearestNeighbours => CoreMethod.EditedNearestNeighbours,
                WireMethod.SmoteTomek => CoreMethod.SmoteTomek,
                WireMethod.SmoteEnn => CoreMethod.SmoteEnn,
                _ => throw new TabularException($"sampler.method: unknown value {(int)sampler.Method}"),
            },
            Strategy = ToStrategy(sampler.SamplingStrategy),
            K = sampler.HasKNeighbors ? Int(sampler.KNeighbors, "sampler.k_neighbors") : 5,
            MNeighbors = sampler.HasMNeighbors ? Int(sampler.MNeighbors, "sampler.m_neighbors") : 10,
            BorderlineKind = sampler.Kind switch
            {
                TabularBorderlineKind._1 => BorderlineKind.Borderline1,
                TabularBorderlineKind._2 => BorderlineKind.Borderline2,
                _ => throw new TabularException($"sampler.kind: unknown value {(int)sampler.Kind}"),
            },
            Shrinkage = sampler.HasShrinkage ? sampler.Shrinkage : null,
            EnnNeighbors = sampler.HasEnnNeighbors ? Int(sampler.EnnNeighbors, "sampler.enn_neighbors") : 3,
            EnnKindSelection = sampler.KindSel switch
            {
                TabularEnnKindSel.All => EnnKindSelection.All,
                TabularEnnKindSel.Mode => EnnKindSelection.Mode,
                _ => throw new TabularException($"sampler.kind_sel: unknown value {(int)sampler.KindSel}"),
            },
            Seed = sampler.Seed,
            Standardize = sampler.Standardize,
        };
    }

    private static int Int(uint value, string field) =>
        value is >= 1 and <= 10_000 ? (int)value : throw new TabularException($"{field}: must be in [1, 10000]; got {value}");

    private static SamplingStrategy ToStrategy(TabularSamplingStrategy? strategy)
    {
        if (strategy is null)
        {
            return SamplingStrategy.Auto;
        }
        return strategy.StrategyCase switch
        {
            TabularSamplingStrategy.StrategyOneofCase.None => SamplingStrategy.Auto,
            TabularSamplingStrategy.StrategyOneofCase.Named => SamplingStrategy.Named(strategy.Named switch
            {
                TabularNamedStrategy.Auto => SamplingStrategyKind.Auto,
                TabularNamedStrategy.Minority => SamplingStrategyKind.Minority,
                TabularNamedStrategy.Majority => SamplingStrategyKind.Majority,
                TabularNamedStrategy.NotMinority => SamplingStrategyKind.NotMinority,
                TabularNamedStrategy.NotMajority => SamplingStrategyKind.NotMajority,
                TabularNamedStrategy.All => SamplingStrategyKind.All,
                _ => throw new TabularException($"sampler.sampling_strategy.named: unknown value {(int)strategy.Named}"),
            }),
            TabularSamplingStrategy.StrategyOneofCase.Ratio => SamplingStrategy.FromRatio(strategy.Ratio),
            TabularSamplingStrategy.StrategyOneofCase.Targets => SamplingStrategy.FromTargets(
                strategy.Targets.Counts.ToDictionary(p => Label(p.Key), p => p.Value)),
            TabularSamplingStrategy.StrategyOneofCase.Classes => SamplingStrategy.FromClasses(strategy.Classes.Labels.Select(Label).ToArray()),
            _ => throw new TabularException("sampler.sampling_strategy: unknown form"),
        };
    }

    public static string Label(long label) => label.ToString(CultureInfo.InvariantCulture);
}
