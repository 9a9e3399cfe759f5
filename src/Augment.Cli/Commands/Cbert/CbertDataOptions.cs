using System.CommandLine;
using Augment.Core.Text.IO;

namespace Augment.Cli.Commands.Cbert;

/// <summary>Options shared by the cbert commands for reading text datasets (same meaning as in <c>augment text</c>).</summary>
internal sealed class CbertDataOptions
{
    public Option<string?> Format { get; } = new("--format") { Description = "Input format: tsv, csv or jsonl (default: from the extension)" };
    public Option<string> TextColumn { get; } = new("--text-column") { Description = "CSV column / JSON field with the text", DefaultValueFactory = _ => "text" };
    public Option<string> LabelColumn { get; } = new("--label-column") { Description = "CSV column / JSON field with the label", DefaultValueFactory = _ => "label" };
    public Option<string> OnError { get; } = new("--on-error") { Description = "fail (stop at the first bad line) or skip (skip and count bad lines)", DefaultValueFactory = _ => "fail" };
    public Option<int> Threads { get; } = new("--threads") { Description = "libtorch threads", DefaultValueFactory = _ => Environment.ProcessorCount };

    public CbertDataOptions()
    {
        Format.AcceptOnlyFromAmong("tsv", "csv", "jsonl");
        OnError.AcceptOnlyFromAmong("fail", "skip");
    }

    public IEnumerable<Option> All => [Format, TextColumn, LabelColumn, OnError, Threads];

    /// <summary>Read options for <paramref name="path"/>.</summary>
    public TextReadOptions ReadOptions(ParseResult r, string path)
    {
        var format = r.GetValue(Format);
        var options = new TextReadOptions
        {
            Format = format is null ? TextFormats.FromPath(path) : TextFormats.Parse(format),
            TextColumn = r.GetValue(TextColumn)!,
            LabelColumn = r.GetValue(LabelColumn)!,
            OnError = r.GetValue(OnError) == "skip" ? TextErrorMode.Skip : TextErrorMode.Fail,
        };
        options.Validate();
        return options;
    }
}
