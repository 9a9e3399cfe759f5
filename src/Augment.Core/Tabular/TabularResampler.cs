using Augment.Core.Tabular.Generation;
using Augment.Core.Tabular.Samplers;
using Augment.Core.Tabular.Sampling;

namespace Augment.Core.Tabular;

/// <summary>Entry point of tabular rebalancing: validates the options against the table, resolves the
/// sampling strategy into a per-class plan and builds the generators (see <see cref="ResamplePlan"/>).</summary>
public static class TabularResampler
{
    /// <summary>Plans a resample; the heavy neighbour searches run here.</summary>
    public static ResamplePlan Plan(TabularData data, ResampleOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var name = MethodName(options.Method);
        CheckColumns(data, options.Method, name);
        var counts = data.ClassCounts();
        if (data.RowCount == 0)
        {
            throw new TabularException("the table has no rows");
        }
        var present = Enumerable.Range(0, counts.Length).Where(c => counts[c] > 0).ToArray();
        if (present.Length != counts.Length)
        {
            throw new TabularException($"class '{data.ClassNames[Array.IndexOf(counts, 0)]}' has no rows");
        }
        var type = options.Method switch
        {
            TabularMethod.RandomUnderSampler => SamplingType.UnderSampling,
            TabularMethod.TomekLinks or TabularMethod.EditedNearestNeighbours => SamplingType.CleanSampling,
            _ => SamplingType.OverSampling,
        };
        var targets = SamplingStrategyResolver.Resolve(options.Strategy, data.ClassNames, counts, type);
        var ctx = new SamplerContext(data, options, Distance(data, options, counts), name, cancellationToken);
        var all = Enumerable.Range(0, data.RowCount).ToArray();
        return options.Method switch
        {
            TabularMethod.RandomOverSampler => Over(ctx, RandomOverSampler.Plan(ctx, targets)),
            TabularMethod.Smote => Over(ctx, SmoteSampler.Plan(ctx, targets, [], "smote")),
            TabularMethod.SmoteNc => Over(ctx, SmoteSampler.Plan(ctx, targets,
                DistanceSpace.Columns(data, ColumnKind.Categorical), "smote-nc")),
            TabularMethod.BorderlineSmote => Over(ctx, BorderlineSmoteSampler.Plan(ctx, targets)),
            TabularMethod.Adasyn => Over(ctx, AdasynSampler.Plan(ctx, targets)),
            TabularMethod.SmoteN => Over(ctx, SmoteNSampler.Plan(ctx, targets)),
            TabularMethod.RandomUnderSampler => new ResamplePlan(data, RandomUnderSampler.KeptRows(ctx, targets), [], null),
            TabularMethod.TomekLinks => new ResamplePlan(data, TomekLinksCleaner.KeptRows(ctx, targets), [], null),
            TabularMethod.EditedNearestNeighbours => new ResamplePlan(data, EditedNearestNeighboursCleaner.KeptRows(ctx, targets), [], null),
            TabularMethod.SmoteTomek => new ResamplePlan(data, all, SmoteSampler.Plan(ctx, targets, [], "smote"),
                (t, ct) => Clean(t, options, TabularMethod.TomekLinks, ct)),
            TabularMethod.SmoteEnn => new ResamplePlan(data, all, SmoteSampler.Plan(ctx, targets, [], "smote"),
                (t, ct) => Clean(t, options, TabularMethod.EditedNearestNeighbours, ct)),
            _ => throw new TabularException($"unknown method {options.Method}"),
        };
    }

    /// <summary>Plans and materializes in one call.</summary>
    public static TabularData Resample(TabularData data, ResampleOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Plan(data, options, cancellationToken).Materialize(options.MaxDegreeOfParallelism, cancellationToken);
    }

    /// <summary>The imbalanced-learn style name of a method (also the CLI value).</summary>
    public static string MethodName(TabularMethod method) => method switch
    {
        TabularMethod.RandomOverSampler => "random-over",
        TabularMethod.Smote => "smote",
        TabularMethod.BorderlineSmote => "borderline-smote",
        TabularMethod.Adasyn => "adasyn",
        TabularMethod.SmoteNc => "smote-nc",
        TabularMethod.SmoteN => "smote-n",
        TabularMethod.RandomUnderSampler => "random-under",
        TabularMethod.TomekLinks => "tomek-links",
        TabularMethod.EditedNearestNeighbours => "enn",
        TabularMethod.SmoteTomek => "smote-tomek",
        TabularMethod.SmoteEnn => "smote-enn",
        _ => method.ToString(),
    };

    /// <summary>Parses a method name as printed by <see cref="MethodName"/>.</summary>
    public static TabularMethod ParseMethod(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var method in Enum.GetValues<TabularMethod>())
        {
            if (string.Equals(MethodName(method), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return method;
            }
        }
        throw new TabularException(
            $"unknown method '{name}'; expected one of {string.Join(", ", Enum.GetValues<TabularMethod>().Select(MethodName))}");
    }

    private static ResamplePlan Over(SamplerContext ctx, IReadOnlyList<SyntheticRowGenerator> generators) =>
        new(ctx.Data, Enumerable.Range(0, ctx.Data.RowCount).ToArray(), generators, null);

    private static TabularData Clean(TabularData table, ResampleOptions options, TabularMethod cleaner, CancellationToken ct)
    {
        var cleanOptions = options with { Method = cleaner, Strategy = SamplingStrategy.Named(SamplingStrategyKind.All) };
        var plan = Plan(table, cleanOptions, ct);
        var kept = plan.KeptRows;
        var d = table.FeatureCount;
        var features = new double[kept.Count * d];
        var labels = new int[kept.Count];
        var synthetic = new bool[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            Array.Copy(table.Features, (long)kept[i] * d, features, (long)i * d, d);
            labels[i] = table.Labels[kept[i]];
            synthetic[i] = table.Synthetic?[kept[i]] ?? false;
        }
        return table.WithRows(features, labels, synthetic);
    }

    private static FeatureMatrix Distance(TabularData data, ResampleOptions options, int[] counts) => options.Method switch
    {
        TabularMethod.SmoteNc => DistanceSpace.SmoteNc(data, options.Standardize, Array.IndexOf(counts, counts.Min())),
        TabularMethod.SmoteN => DistanceSpace.Vdm(data),
        TabularMethod.RandomOverSampler or TabularMethod.RandomUnderSampler => data.Matrix,
        _ => DistanceSpace.Numeric(data, options.Standardize),
    };

    private static void CheckColumns(TabularData data, TabularMethod method, string name)
    {
        var categorical = data.FeatureNames.Where((_, i) => data.Kinds[i] == ColumnKind.Categorical).ToArray();
        var numeric = data.FeatureCount - categorical.Length;
        if (data.FeatureCount == 0)
        {
            throw new TabularException("the table has no feature columns besides the label");
        }
        switch (method)
        {
            case TabularMethod.RandomOverSampler or TabularMethod.RandomUnderSampler:
                return;
            case TabularMethod.SmoteNc when categorical.Length == 0:
                throw new TabularException("smote-nc needs at least one categorical column; none is categorical: use smote");
            case TabularMethod.SmoteNc when numeric == 0:
                throw new TabularException("smote-nc needs at least one numeric column; all are categorical: use smote-n");
            case TabularMethod.SmoteNc:
                return;
            case TabularMethod.SmoteN when numeric > 0:
                throw new TabularException(
                    $"smote-n needs categorical columns only; column '{data.FeatureNames[Array.IndexOf(data.Kinds.ToArray(), ColumnKind.Numeric)]}' is numeric: use smote-nc");
            case TabularMethod.SmoteN:
                return;
            default:
                if (categorical.Length > 0)
                {
                    throw new TabularException(
                        $"{name} needs numeric columns only; column '{categorical[0]}' is categorical: use smote-nc (or declare the column numeric)");
                }
                return;
        }
    }
}
