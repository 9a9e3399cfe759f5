using Augment.Core.Text.Eda;
using Augment.Core.Text.IO;

namespace Augment.Cli.Commands.Text;

/// <summary>Everything <c>augment text</c> needs, independent of the command-line parser.</summary>
internal sealed record TextCommandSettings
{
    public string Method { get; init; } = "eda";
    public string? Train { get; init; }
    public string? Model { get; init; }
    public required string Input { get; init; }
    public required string Output { get; init; }
    public string? Format { get; init; }
    public string? OutputFormat { get; init; }
    public required EdaOptions Eda { get; init; }
    public ulong Seed { get; init; }
    public string? WordNet { get; init; }
    public string? Synonyms { get; init; }
    public string TextColumn { get; init; } = "text";
    public string LabelColumn { get; init; } = "label";
    public TextErrorMode OnError { get; init; }
    public int MaxLineBytes { get; init; } = 1 << 20;
    public int Threads { get; init; } = 1;
}
