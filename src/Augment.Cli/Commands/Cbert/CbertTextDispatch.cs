using Augment.Core.Text.IO;
using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Augmentation;
using Augment.Torch.Text.CondBert.Training;

namespace Augment.Cli.Commands.Cbert;

/// <summary>Entry point for <c>augment text --method cbert [--model DIR] --train train.tsv --input in.tsv --output
/// out.tsv --num-aug N --seed S</c>: fine-tunes (from --model, or from scratch on --train) and augments, with the
/// defaults of <c>augment cbert run</c>.</summary>
internal static class CbertTextDispatch
{
    public static Task<int> RunAsync(
        string? train, string? model, string input, string output, TextReadOptions read, TextFormat? outputFormat,
        int numAug, ulong seed, bool keepOriginal, int threads, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (train is null)
        {
            stderr.WriteLine("error: --train: required with --method cbert (the labelled file the model is fine-tuned on)");
            return Task.FromResult(1);
        }

        var fineTune = new CbertTrainingOptions { LearningRate = model is null ? 1e-3 : 5e-5 };
        var trainSettings = new CbertTrainSettings
        {
            Train = train,
            Read = read,
            Model = model,
            FineTune = fineTune,
            Pretrain = fineTune with { Epochs = 20, LearningRate = 1e-3, Seed = 1 },
            Scratch = new CbertScratchOptions(),
            Threads = threads,
        };
        var augmentSettings = new CbertAugmentSettings
        {
            Input = input,
            Output = output,
            Read = read,
            OutputFormat = outputFormat,
            Augment = new CbertAugmentOptions { NumAug = numAug, Seed = seed },
            KeepOriginal = keepOriginal,
            Threads = threads,
        };
        return CbertRunner.RunAsync(trainSettings, augmentSettings, null, stdout, stderr, ct);
    }
}
