using System.CommandLine;
using Augment.Core.Text.IO;
using Augment.Torch.Text.CondBert.Augmentation;

namespace Augment.Cli.Commands.Cbert;

/// <summary>Augmentation options of <c>augment cbert augment</c> / <c>run</c>.</summary>
internal sealed class CbertAugmentOptionSet
{
    public Option<string> Input { get; } = new("--input", "-i") { Description = "Input file (TSV label<TAB>text, CSV or JSONL); labels must be the model's", Required = true };
    public Option<string> Output { get; } = new("--output", "-o") { Description = "Output file (written atomically)", Required = true };
    public Option<string?> OutputFormat { get; } = new("--output-format") { Description = "Output format (default: from the output extension, else the input format)" };
    public Option<int> NumAug { get; } = new("--num-aug") { Description = "Variants per input sentence", DefaultValueFactory = _ => 4 };
    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed: variant k of record i depends only on (seed, i, k) and the model", DefaultValueFactory = _ => 0UL };
    public Option<double> MaskFraction { get; } = new("--mask-fraction") { Description = "Fraction of word pieces masked per variant", DefaultValueFactory = _ => 1.0 / 7.0 };
    public Option<double> Temperature { get; } = new("--temperature") { Description = "Sampling temperature", DefaultValueFactory = _ => 1.0 };
    public Option<int> TopK { get; } = new("--top-k") { Description = "Sample among the k most likely pieces (0: all)", DefaultValueFactory = _ => 0 };
    public Option<bool> PieceMasking { get; } = new("--piece-masking") { Description = "Mask single word pieces instead of whole words" };
    public Option<int> AugmentBatch { get; } = new("--augment-batch") { Description = "Sentence variants per forward pass", DefaultValueFactory = _ => 64 };
    public Option<bool> KeepOriginal { get; } = new("--keep-original") { Description = "Write each original after its variants", DefaultValueFactory = _ => true };

    public CbertAugmentOptionSet() => OutputFormat.AcceptOnlyFromAmong("tsv", "csv", "jsonl");

    public IEnumerable<Option> All => [Input, Output, OutputFormat, NumAug, Seed, MaskFraction, Temperature, TopK, PieceMasking, AugmentBatch, KeepOriginal];

    public CbertAugmentSettings Bind(ParseResult r, CbertDataOptions data)
    {
        var input = r.GetValue(Input)!;
        var output = r.GetValue(Output)!;
        var outputFormat = r.GetValue(OutputFormat);
        return new CbertAugmentSettings
        {
            Input = input,
            Output = output,
            Read = data.ReadOptions(r, input),
            OutputFormat = outputFormat is not null ? TextFormats.Parse(outputFormat) : null,
            Augment = new CbertAugmentOptions
            {
                NumAug = r.GetValue(NumAug),
                Seed = r.GetValue(Seed),
                MaskFraction = r.GetValue(MaskFraction),
                Temperature = r.GetValue(Temperature),
                TopK = r.GetValue(TopK),
                WholeWord = !r.GetValue(PieceMasking),
                BatchSize = r.GetValue(AugmentBatch),
            },
            KeepOriginal = r.GetValue(KeepOriginal),
            Threads = r.GetValue(data.Threads),
        };
    }
}
