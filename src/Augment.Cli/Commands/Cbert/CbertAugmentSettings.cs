using Augment.Core.Text.IO;
using Augment.Torch.Text.CondBert.Augmentation;

namespace Augment.Cli.Commands.Cbert;

/// <summary>What <c>augment cbert augment</c> (and the augmentation half of <c>augment cbert run</c>) does.</summary>
internal sealed record CbertAugmentSettings
{
    public required string Input { get; init; }
    public required string Output { get; init; }
    public required TextReadOptions Read { get; init; }
    public TextFormat? OutputFormat { get; init; }
    public required CbertAugmentOptions Augment { get; init; }
    public bool KeepOriginal { get; init; } = true;
    public int Threads { get; init; } = 1;
}
