using System.Globalization;
using System.Text;
using Augment.Service.Tests.Fixtures;

namespace Augment.Service.Tests.Batches;

/// <summary>A real service with a text dataset ("reviews": TSV, 3 classes; "reviews-bert": the same file with a small
/// BERT vocabulary; "reviews-jsonl": the same records as JSON Lines; "broken-text": a TSV whose line 2 has no tab)
/// and a tabular dataset ("imbalanced-table": CSV, classes 0/1/2 of 30, 10 and 6 rows, 3 features).</summary>
public sealed class StreamDatasetsFixture : IAsyncLifetime
{
    /// <summary>The TSV records (label, text).</summary>
    public static readonly (string Label, string Text)[] Records =
    [
        ("pos", "The quick brown fox jumps over the lazy dog"),
        ("neg", "This movie was a terrible waste of time and money"),
        ("pos", "A wonderful film with great acting and a happy ending"),
        ("mid", "It was fine I guess"),
        ("neg", "The food was cold and the service slow"),
        ("pos", "Brilliant music and a beautiful story"),
        ("mid", "Nothing special but not bad either"),
        ("neg", "Unwatchable"),
        ("pos", "I would watch it again with my friends"),
        ("mid", "The plot was long and the ending predictable"),
        ("pos", "Great"),
    ];

    /// <summary>Words of the test vocabulary after the special tokens.</summary>
    public static readonly string[] VocabWords = ["the", "quick", "brown", "fox", "was", "a", "and", "movie", "great", "##s", "good"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "augment-streams-tests-" + Guid.NewGuid().ToString("N"));

    public ServiceFixture Service { get; private set; } = null!;

    public string VocabPath => Path.Combine(_root, "vocab.txt");

    /// <summary>Rows of the table: features then label.</summary>
    public static (double[] X, int Label)[] TableRows { get; } = MakeRows();

    private static (double[] X, int Label)[] MakeRows()
    {
        var rows = new List<(double[], int)>();
        foreach (var (label, count) in new[] { (0, 30), (1, 10), (2, 6) })
        {
            for (var i = 0; i < count; i++)
            {
                // Exactly representable in float32, distinct, clustered per class.
                rows.Add(([label * 10 + i * 0.25, (i * 7 % 11) * 0.5 - label, (i * i % 13) * 0.125], label));
            }
        }
        return [.. rows];
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        var tsv = new StringBuilder();
        foreach (var (label, text) in Records)
        {
            tsv.Append(label).Append('\t').Append(text).Append('\n');
        }
        File.WriteAllText(Path.Combine(_root, "reviews.tsv"), tsv.ToString());
        File.WriteAllText(Path.Combine(_root, "broken.tsv"), "pos\tfine text\nno tab on this line\n");
        File.WriteAllLines(Path.Combine(_root, "reviews.jsonl"),
            Records.Select(r => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["label"] = r.Label, ["text"] = r.Text })));
        File.WriteAllLines(VocabPath, ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", .. VocabWords]);
        var csv = new StringBuilder("f1,f2,f3,label\n");
        foreach (var (x, label) in TableRows)
        {
            csv.AppendLine(string.Join(',', x.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "," + label);
        }
        File.WriteAllText(Path.Combine(_root, "table.csv"), csv.ToString());
        Service = await ServiceFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Augment:Data:Datasets:reviews:Kind"] = "text",
            ["Augment:Data:Datasets:reviews:Path"] = Path.Combine(_root, "reviews.tsv"),
            ["Augment:Data:Datasets:reviews-bert:Kind"] = "text",
            ["Augment:Data:Datasets:reviews-bert:Path"] = Path.Combine(_root, "reviews.tsv"),
            ["Augment:Data:Datasets:reviews-bert:Vocab"] = VocabPath,
            ["Augment:Data:Datasets:reviews-bert:MaxTokens"] = "16",
            ["Augment:Data:Datasets:broken-text:Kind"] = "text",
            ["Augment:Data:Datasets:broken-text:Path"] = Path.Combine(_root, "broken.tsv"),
            ["Augment:Data:Datasets:reviews-jsonl:Kind"] = "text",
            ["Augment:Data:Datasets:reviews-jsonl:Path"] = Path.Combine(_root, "reviews.jsonl"),
            ["Augment:Data:Datasets:imbalanced-table:Kind"] = "tabular",
            ["Augment:Data:Datasets:imbalanced-table:Path"] = Path.Combine(_root, "table.csv"),
        });
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
