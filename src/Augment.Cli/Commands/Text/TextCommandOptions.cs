using System.CommandLine;
using Augment.Core.Text.Eda;
using Augment.Core.Text.IO;

namespace Augment.Cli.Commands.Text;

/// <summary>The options of <c>augment text</c> and their binding to a <see cref="TextCommandSettings"/>.</summary>
internal sealed class TextCommandOptions
{
    public Option<string> Method { get; } = new("--method") { Description = "Augmentation method: eda, or cbert (conditional BERT: fine-tunes, then augments)", DefaultValueFactory = _ => "eda" };
    public Option<string?> Train { get; } = new("--train") { Description = "cbert: labelled file the model is fine-tuned on" };
    public Option<string?> Model { get; } = new("--model") { Description = "cbert: Hugging Face BERT folder (config.json, vocab.txt, weights); without it a small BERT is trained from scratch on --train" };
    public Option<string> Input { get; } = new("--input", "-i") { Description = "Input file (.tsv/.txt label<TAB>text, .csv, .jsonl)", Required = true };
    public Option<string> Output { get; } = new("--output", "-o") { Description = "Output file (written atomically)", Required = true };
    public Option<string?> Format { get; } = new("--format") { Description = "Input format: tsv, csv or jsonl (default: from the extension)" };
    public Option<string?> OutputFormat { get; } = new("--output-format") { Description = "Output format (default: from the output extension, else the input format)" };
    public Option<double> NumAug { get; } = new("--num-aug") { Description = "Augmented sentences per input (whole number, or a fraction below 1)", DefaultValueFactory = _ => 9 };
    public Option<double> Alpha { get; } = new("--alpha") { Description = "Sets alpha_sr, alpha_ri, alpha_rs and alpha_rd", DefaultValueFactory = _ => 0.1 };
    public Option<double?> AlphaSr { get; } = new("--alpha-sr") { Description = "Synonym replacement: fraction of words replaced (0 disables)" };
    public Option<double?> AlphaRi { get; } = new("--alpha-ri") { Description = "Random insertion: fraction of words inserted (0 disables)" };
    public Option<double?> AlphaRs { get; } = new("--alpha-rs") { Description = "Random swap: fraction of words swapped (0 disables)" };
    public Option<double?> AlphaRd { get; } = new("--alpha-rd") { Description = "Random deletion: probability of deleting each word (0 disables)" };
    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed: output k of record i depends only on (seed, i, k)", DefaultValueFactory = _ => 0UL };
    public Option<bool> KeepOriginal { get; } = new("--keep-original") { Description = "Write each original after its augmentations", DefaultValueFactory = _ => true };
    public Option<string> Tokenization { get; } = new("--tokenization") { Description = "preserve (keep case and punctuation) or reference (lower-case letters only, as eda.py)", DefaultValueFactory = _ => "preserve" };
    public Option<bool> InsertionSkipsStopWords { get; } = new("--insertion-skips-stop-words") { Description = "Random insertion takes synonyms of non-stop words only (the paper's wording)" };
    public Option<string?> WordNet { get; } = new("--wordnet") { Description = "WordNet database folder (data.*, index.*, *.exc) instead of the embedded WordNet 3.0" };
    public Option<string?> Synonyms { get; } = new("--synonyms") { Description = "Plain synonym file: one group per line, tab- or comma-separated" };
    public Option<string> TextColumn { get; } = new("--text-column") { Description = "CSV column / JSON field with the text", DefaultValueFactory = _ => "text" };
    public Option<string> LabelColumn { get; } = new("--label-column") { Description = "CSV column / JSON field with the label", DefaultValueFactory = _ => "label" };
    public Option<string> OnError { get; } = new("--on-error") { Description = "fail (stop at the first bad line, write nothing) or skip (skip and count bad lines)", DefaultValueFactory = _ => "fail" };
    public Option<int> MaxLineBytes { get; } = new("--max-line-bytes") { Description = "Lines longer than this are bad input", DefaultValueFactory = _ => 1 << 20 };
    public Option<int> Threads { get; } = new("--threads") { Description = "Worker threads (output is identical for any count)", DefaultValueFactory = _ => Environment.ProcessorCount };

    public IEnumerable<Option> All =>
    [
        Method, Train, Model, Input, Output, Format, OutputFormat, NumAug, Alpha, AlphaSr, AlphaRi, AlphaRs, AlphaRd, Seed, KeepOriginal, Tokenization,
        InsertionSkipsStopWords, WordNet, Synonyms, TextColumn, LabelColumn, OnError, MaxLineBytes, Threads,
    ];

    public TextCommandOptions()
    {
        Method.AcceptOnlyFromAmong("eda", "cbert");
        Tokenization.AcceptOnlyFromAmong("preserve", "reference");
        OnError.AcceptOnlyFromAmong("fail", "skip");
        Format.AcceptOnlyFromAmong("tsv", "csv", "jsonl");
        OutputFormat.AcceptOnlyFromAmong("tsv", "csv", "jsonl");
    }

    /// <summary>Reads the parsed values; errors about values are raised later by validation.</summary>
    public TextCommandSettings Bind(ParseResult r)
    {
        var alpha = r.GetValue(Alpha);
        return new TextCommandSettings
        {
            Method = r.GetValue(Method)!,
            Train = r.GetValue(Train),
            Model = r.GetValue(Model),
            Input = r.GetValue(Input)!,
            Output = r.GetValue(Output)!,
            Format = r.GetValue(Format),
            OutputFormat = r.GetValue(OutputFormat),
            Eda = new EdaOptions
            {
                NumAug = r.GetValue(NumAug),
                AlphaSr = r.GetValue(AlphaSr) ?? alpha,
                AlphaRi = r.GetValue(AlphaRi) ?? alpha,
                AlphaRs = r.GetValue(AlphaRs) ?? alpha,
                AlphaRd = r.GetValue(AlphaRd) ?? alpha,
                KeepOriginal = r.GetValue(KeepOriginal),
                Tokenization = r.GetValue(Tokenization) == "reference" ? EdaTokenization.Reference : EdaTokenization.Preserve,
                InsertionSkipsStopWords = r.GetValue(InsertionSkipsStopWords),
            },
            Seed = r.GetValue(Seed),
            WordNet = r.GetValue(WordNet),
            Synonyms = r.GetValue(Synonyms),
            TextColumn = r.GetValue(TextColumn)!,
            LabelColumn = r.GetValue(LabelColumn)!,
            OnError = r.GetValue(OnError) == "skip" ? TextErrorMode.Skip : TextErrorMode.Fail,
            MaxLineBytes = r.GetValue(MaxLineBytes),
            Threads = r.GetValue(Threads),
        };
    }
}
