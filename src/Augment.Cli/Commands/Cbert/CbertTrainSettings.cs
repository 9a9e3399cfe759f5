using Augment.Core.Text.IO;
using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Training;

namespace Augment.Cli.Commands.Cbert;

/// <summary>What <c>augment cbert train</c> (and the training half of <c>augment cbert run</c>) does.</summary>
internal sealed record CbertTrainSettings
{
    public required string Train { get; init; }
    public required TextReadOptions Read { get; init; }
    public string? Model { get; init; }
    public required CbertTrainingOptions FineTune { get; init; }
    public required CbertTrainingOptions Pretrain { get; init; }
    public required CbertScratchOptions Scratch { get; init; }
    public int Threads { get; init; } = 1;
}
