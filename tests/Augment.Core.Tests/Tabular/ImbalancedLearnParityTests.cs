using System.Globalization;
using System.Text;
using Augment.Core.Tabular;
using Augment.Core.Tabular.Sampling;

namespace Augment.Core.Tests.Tabular;

/// <summary>Class counts after resampling equal imbalanced-learn's (Debian python3-imblearn 0.10) on the same data,
/// for every sampling_strategy form and every method whose counts do not depend on random draws.</summary>
public class ImbalancedLearnParityTests
{
    private const string Script = """
import sys, json, warnings
warnings.filterwarnings("ignore")
import numpy as np
from imblearn.over_sampling import SMOTE, RandomOverSampler, BorderlineSMOTE, ADASYN, SMOTENC, SMOTEN
from imblearn.under_sampling import RandomUnderSampler, TomekLinks, EditedNearestNeighbours
data = np.loadtxt(sys.argv[1], delimiter=",")
X, y = data[:, :-1], data[:, -1].astype(int)
def strategy(s):
    named = {"auto", "minority", "majority", "not minority", "not majority", "all"}
    if s in named: return s
    if "=" in s: return {int(k): int(v) for k, v in (p.split("=") for p in s.split(","))}
    if s.startswith("["): return [int(v) for v in s[1:-1].split(",")]
    return float(s)
out = {}
for line in sys.stdin.read().splitlines():
    name, method, s = line.split("|")
    st = strategy(s)
    if st == "minority" and method not in ("random-under", "tomek-links", "enn"):
        # imbalanced-learn 0.10's parameter validation rejects 'minority' for its over-samplers although
        # check_sampling_strategy defines it: resolve it with that function and pass the resulting dict.
        from imblearn.utils import check_sampling_strategy
        have = dict(zip(*np.unique(y, return_counts=True)))
        st = {k: int(v + have[k]) for k, v in check_sampling_strategy("minority", y, "over-sampling").items()}
    try:
        if method == "smote": sampler = SMOTE(sampling_strategy=st, random_state=0)
        elif method == "random-over": sampler = RandomOverSampler(sampling_strategy=st, random_state=0)
        elif method == "random-under": sampler = RandomUnderSampler(sampling_strategy=st, random_state=0)
        elif method == "borderline-smote": sampler = BorderlineSMOTE(sampling_strategy=st, random_state=0)
        elif method == "adasyn": sampler = ADASYN(sampling_strategy=st, random_state=0)
        elif method == "tomek-links": sampler = TomekLinks(sampling_strategy=st)
        elif method == "enn": sampler = EditedNearestNeighbours(sampling_strategy=st)
        elif method == "smote-nc": sampler = SMOTENC(categorical_features=[X.shape[1] - 1], sampling_strategy=st, random_state=0)
        elif method == "smote-n": sampler = SMOTEN(sampling_strategy=st, random_state=0)
        Xs = X.astype(int) if method == "smote-n" else X
        _, yr = sampler.fit_resample(Xs, y)
        u, c = np.unique(yr, return_counts=True)
        out[name] = ",".join(f"{a}={b}" for a, b in zip(u, c))
    except Exception as e:
        out[name] = "error: " + str(e)
print(json.dumps(out))
""";

    private static readonly (string Name, TabularMethod Method, string Strategy, bool Binary)[] Cases =
    [
        ("smote-auto", TabularMethod.Smote, "auto", false),
        ("smote-minority", TabularMethod.Smote, "minority", false),
        ("smote-not-minority", TabularMethod.Smote, "not minority", false),
        ("smote-not-majority", TabularMethod.Smote, "not majority", false),
        ("smote-all", TabularMethod.Smote, "all", false),
        ("smote-dict", TabularMethod.Smote, "1=150,2=120", false),
        ("smote-float", TabularMethod.Smote, "0.6", true),
        ("random-over-auto", TabularMethod.RandomOverSampler, "auto", false),
        ("random-over-float", TabularMethod.RandomOverSampler, "0.35", true),
        ("random-under-auto", TabularMethod.RandomUnderSampler, "auto", false),
        ("random-under-majority", TabularMethod.RandomUnderSampler, "majority", false),
        ("random-under-not-majority", TabularMethod.RandomUnderSampler, "not majority", false),
        ("random-under-dict", TabularMethod.RandomUnderSampler, "0=100,2=70", false),
        ("random-under-float", TabularMethod.RandomUnderSampler, "0.5", true),
        ("borderline-auto", TabularMethod.BorderlineSmote, "auto", false),
        ("borderline-float", TabularMethod.BorderlineSmote, "0.8", true),
        ("adasyn-auto", TabularMethod.Adasyn, "auto", false),
        ("adasyn-all", TabularMethod.Adasyn, "all", false),
        ("adasyn-float", TabularMethod.Adasyn, "0.7", true),
        ("tomek-auto", TabularMethod.TomekLinks, "auto", false),
        ("tomek-all", TabularMethod.TomekLinks, "all", false),
        ("tomek-list", TabularMethod.TomekLinks, "[0,2]", false),
        ("enn-auto", TabularMethod.EditedNearestNeighbours, "auto", false),
        ("enn-all", TabularMethod.EditedNearestNeighbours, "all", false),
        ("enn-majority", TabularMethod.EditedNearestNeighbours, "majority", false),
        ("smote-nc-auto", TabularMethod.SmoteNc, "auto", false),
        ("smote-n-auto", TabularMethod.SmoteN, "auto", false),
        ("smote-float-too-small", TabularMethod.Smote, "0.05", true),
        ("smote-dict-below", TabularMethod.Smote, "1=10", false),
    ];

    private static TabularData Data(bool binary, bool categoricalLast, bool allCategorical)
    {
        int[] counts = binary ? [300, 50] : [200, 60, 90];
        var d = allCategorical ? 3 : 4;
        var blobs = allCategorical
            ? TabularTestData.Mixed(counts, 1, 3, 3, 101)
            : categoricalLast ? TabularTestData.Mixed(counts, 3, 1, 3, 101) : TabularTestData.Blobs(counts, 4, 101, separation: 1.2);
        if (!allCategorical)
        {
            return blobs;
        }
        var x = new double[blobs.RowCount * d];
        for (var r = 0; r < blobs.RowCount; r++)
        {
            blobs.Features.AsSpan(r * 4 + 1, 3).CopyTo(x.AsSpan(r * d));
        }
        return new TabularData(["c0", "c1", "c2"], Enumerable.Repeat(ColumnKind.Categorical, 3).ToArray(), blobs.Categories.Skip(1).ToArray(),
            x, "y", 3, blobs.ClassNames, blobs.Labels);
    }

    private static string WriteCsv(TabularData data)
    {
        var path = Path.Combine(Path.GetTempPath(), $"augment-parity-{Environment.ProcessId}-{Guid.NewGuid():N}.csv");
        var sb = new StringBuilder();
        for (var r = 0; r < data.RowCount; r++)
        {
            for (var f = 0; f < data.FeatureCount; f++)
            {
                sb.Append(data.Features[r * data.FeatureCount + f].ToString("R", CultureInfo.InvariantCulture)).Append(',');
            }
            sb.Append(data.ClassNames[data.Labels[r]]).Append('\n');
        }
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    private static string Ours(TabularData data, TabularMethod method, string strategy)
    {
        var parsed = strategy.StartsWith('[') ? SamplingStrategy.Parse(strategy[1..^1]) : SamplingStrategy.Parse(strategy);
        try
        {
            var result = TabularResampler.Resample(data, new ResampleOptions { Method = method, Strategy = parsed, Seed = 0 });
            var counts = result.ClassCounts();
            return string.Join(",", counts.Select((c, i) => $"{data.ClassNames[i]}={c}"));
        }
        catch (TabularException)
        {
            return "error";
        }
    }

    [ImbalancedLearnFact]
    public void Resample_EveryStrategyForm_CountsEqualImbalancedLearn()
    {
        var groups = Cases.GroupBy(c => (c.Binary, Nc: c.Method == TabularMethod.SmoteNc, N: c.Method == TabularMethod.SmoteN));
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var group in groups)
        {
            var data = Data(group.Key.Binary, group.Key.Nc, group.Key.N);
            var csv = WriteCsv(data);
            try
            {
                var input = string.Join("\n", group.Select(c => $"{c.Name}|{TabularResampler.MethodName(c.Method)}|{c.Strategy}"));
                var (code, stdout, stderr) = RunWithInput(csv, input);
                Assert.True(code == 0, $"python failed: {stderr}");
                var theirs = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(stdout)!;
                foreach (var c in group)
                {
                    var ours = Ours(data, c.Method, c.Strategy);
                    var reference = theirs[c.Name].StartsWith("error", StringComparison.Ordinal) ? "error" : theirs[c.Name];
                    compared++;
                    if (ours != reference)
                    {
                        mismatches.Add($"{c.Name}: ours {ours}, imbalanced-learn {theirs[c.Name]}");
                    }
                }
            }
            finally
            {
                File.Delete(csv);
            }
        }
        Assert.Equal(Cases.Length, compared);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static (int, string, string) RunWithInput(string csv, string input)
    {
        var script = Script.Replace("sys.stdin.read()", "open(sys.argv[2]).read()", StringComparison.Ordinal);
        var cases = Path.ChangeExtension(csv, ".cases");
        File.WriteAllText(cases, input);
        try
        {
            return ImbalancedLearn.Run(script, $"{csv} {cases}");
        }
        finally
        {
            File.Delete(cases);
        }
    }
}
