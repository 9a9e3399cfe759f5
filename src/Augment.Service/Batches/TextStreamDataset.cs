using Augment.Contracts.V1;
using Augment.Core.Data;
using Augment.Core.Tabular;
using Augment.Core.Text.IO;
using Microsoft.ML.Tokenizers;

namespace Augment.Service.Batches;

/// <summary>A text dataset (TSV, CSV or JSON Lines read by Core's text reader) held in memory, with an optional BERT
/// tokenizer. Sample i is record i of the file; its key index is the record's number in the file, as in
/// <c>augment text</c>.</summary>
internal sealed class TextStreamDataset : IStreamDataset
{
    private TextStreamDataset(string name, string path, TextRecord[] records, string[] classNames, int[] labels,
        BertTokenizer? tokenizer, int maxTokens)
    {
        Name = name;
        Path = path;
        Records = records;
        ClassNames = classNames;
        Labels = labels;
        Tokenizer = tokenizer;
        MaxTokens = maxTokens;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public DatasetKind Kind => DatasetKind.Text;

    /// <summary>The records, in file order.</summary>
    public IReadOnlyList<TextRecord> Records { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The BERT tokenizer when a vocabulary is configured.</summary>
    public BertTokenizer? Tokenizer { get; }

    /// <summary>Default maximum tokens per text.</summary>
    public int MaxTokens { get; }

    /// <summary>Reads the dataset configured as <paramref name="name"/>.</summary>
    /// <exception cref="DatasetException">The file, its format or the vocabulary is bad (the message names the setting or line).</exception>
    public static TextStreamDataset Load(string name, DatasetOptions options, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var field = $"Augment:Data:Datasets:{name}";
        var path = System.IO.Path.GetFullPath(options.Path, baseDirectory);
        if (!File.Exists(path))
        {
            throw new DatasetException(DatasetErrorKind.NotFound, $"{field}:Path: {path} does not exist");
        }
        if (options.MaxTokens is < 2 or > 1_000_000)
        {
            throw new DatasetException(DatasetErrorKind.InvalidArgument, $"{field}:MaxTokens: {options.MaxTokens} is outside [2, 1000000]");
        }
        var records = new List<TextRecord>();
        try
        {
            var readOptions = new TextReadOptions
            {
                Format = options.Format.Length > 0 ? TextFormats.Parse(options.Format) : TextFormats.FromPath(path),
                TextColumn = options.TextColumn,
                LabelColumn = options.LabelColumn,
            };
            readOptions.Validate();
            Task.Run(async () =>
            {
                await foreach (var record in TextFileReader.ReadAsync(path, readOptions, new TextReadReport(), CancellationToken.None).ConfigureAwait(false))
                {
                    records.Add(record);
                }
            }).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is TextInputException or ArgumentException or IOException)
        {
            throw new DatasetException(DatasetErrorKind.BadFormat, $"dataset \"{name}\": {ex.Message}");
        }
        var classNames = TabularData.SortClassNames(records.Select(r => r.Label));
        var byName = classNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var labels = records.Select(r => byName[r.Label]).ToArray();
        BertTokenizer? tokenizer = null;
        if (!string.IsNullOrWhiteSpace(options.Vocab))
        {
            var vocab = System.IO.Path.GetFullPath(options.Vocab, baseDirectory);
            try
            {
                tokenizer = BertTokenizer.Create(vocab, new BertOptions { LowerCaseBeforeTokenization = true });
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or FormatException or UnauthorizedAccessException)
            {
                throw new DatasetException(DatasetErrorKind.BadFormat, $"{field}:Vocab: {vocab}: {ex.Message}");
            }
        }
        return new TextStreamDataset(name, path, [.. records], classNames, labels, tokenizer, options.MaxTokens);
    }

    /// <inheritdoc />
    public DatasetInfo Describe()
    {
        var info = new DatasetInfo
        {
            Name = Name,
            Kind = Kind,
            SampleCount = Records.Count,
            Description = $"text file {Path}" + (Tokenizer is null ? "" : $", BERT vocabulary, max {MaxTokens} tokens"),
        };
        StreamDatasetInfo.AddClasses(info, ClassNames, Labels);
        return info;
    }
}
