namespace Augment.Core.Tabular.IO;

/// <summary>Turns parsed values into a <see cref="TabularData"/>: renumbers categories and classes in sorted order.</summary>
internal static class TableAssembly
{
    public static TabularData Build(TableHeader header, ColumnKind[] kinds, double[] features, CategoryInterner?[] categories,
        CategoryInterner labels, int[] labelCodes, string file)
    {
        if (labelCodes.Length == 0)
        {
            throw new TabularException($"{file}: no data rows after the header");
        }
        var d = kinds.Length;
        var sortedCategories = new IReadOnlyList<string>?[d];
        for (var f = 0; f < d; f++)
        {
            if (categories[f] is not { } interner)
            {
                continue;
            }
            var (sorted, remap) = interner.Finish(CategoryInterner.Ordinal);
            sortedCategories[f] = sorted;
            for (var r = 0; r < labelCodes.Length; r++)
            {
                features[r * d + f] = remap[(int)features[r * d + f]];
            }
        }
        var (classes, classRemap) = labels.Finish(TabularData.SortClassNames);
        var y = labelCodes.Select(c => classRemap[c]).ToArray();
        var labelPosition = header.FeatureIndices.Count(i => i < header.LabelIndex);
        return new TabularData(header.FeatureNames, kinds, sortedCategories, features, header.Names[header.LabelIndex],
            labelPosition, classes, y);
    }
}
