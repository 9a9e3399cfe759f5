using System.CommandLine;
using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Training;

namespace Augment.Cli.Commands.Cbert;

/// <summary>Training options of <c>augment cbert train</c> / <c>run</c>.</summary>
internal sealed class CbertTrainOptionSet
{
    public Option<string> Train { get; } = new("--train") { Description = "Labelled training file (TSV label<TAB>text, CSV or JSONL)", Required = true };
    public Option<string?> Model { get; } = new("--model") { Description = "Pretrained model directory (Hugging Face BERT: config.json, vocab.txt, model.safetensors or pytorch_model.bin). Without it a small BERT is trained from scratch on --train" };
    public Option<int> Epochs { get; } = new("--epochs") { Description = "Conditional fine-tuning epochs", DefaultValueFactory = _ => 3 };
    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Sentences per training step", DefaultValueFactory = _ => 32 };
    public Option<double?> LearningRate { get; } = new("--lr") { Description = "Peak AdamW learning rate of fine-tuning (default 5e-5 with --model, 1e-3 from scratch)" };
    public Option<double> Warmup { get; } = new("--warmup") { Description = "Fraction of steps spent warming up", DefaultValueFactory = _ => 0.1 };
    public Option<int> MaxSeqLength { get; } = new("--max-seq-length") { Description = "Longest training sequence in word pieces", DefaultValueFactory = _ => 64 };
    public Option<ulong> TrainSeed { get; } = new("--train-seed") { Description = "Seed of masking, shuffling, dropout and initial weights", DefaultValueFactory = _ => 0UL };
    public Option<int> PretrainEpochs { get; } = new("--pretrain-epochs") { Description = "From scratch: plain masked-LM epochs before fine-tuning", DefaultValueFactory = _ => 20 };
    public Option<double> PretrainLearningRate { get; } = new("--pretrain-lr") { Description = "From scratch: peak learning rate of pre-training", DefaultValueFactory = _ => 1e-3 };
    public Option<int> HiddenSize { get; } = new("--hidden-size") { Description = "From scratch: hidden width", DefaultValueFactory = _ => 128 };
    public Option<int> Layers { get; } = new("--layers") { Description = "From scratch: transformer layers", DefaultValueFactory = _ => 2 };
    public Option<int> Heads { get; } = new("--heads") { Description = "From scratch: attention heads", DefaultValueFactory = _ => 2 };
    public Option<int> MaxWords { get; } = new("--max-words") { Description = "From scratch: whole words in the built vocabulary", DefaultValueFactory = _ => 20000 };
    public Option<bool> Cased { get; } = new("--cased") { Description = "From scratch: keep case in the vocabulary (default lower-cases)" };

    public IEnumerable<Option> All =>
        [Train, Model, Epochs, BatchSize, LearningRate, Warmup, MaxSeqLength, TrainSeed, PretrainEpochs, PretrainLearningRate, HiddenSize, Layers, Heads, MaxWords, Cased];

    public CbertTrainSettings Bind(ParseResult r, CbertDataOptions data)
    {
        var train = r.GetValue(Train)!;
        var model = r.GetValue(Model);
        var seed = r.GetValue(TrainSeed);
        var fineTune = new CbertTrainingOptions
        {
            Epochs = r.GetValue(Epochs),
            BatchSize = r.GetValue(BatchSize),
            LearningRate = r.GetValue(LearningRate) ?? (model is null ? 1e-3 : 5e-5),
            WarmupFraction = r.GetValue(Warmup),
            MaxSequenceLength = r.GetValue(MaxSeqLength),
            Seed = seed,
        };
        return new CbertTrainSettings
        {
            Train = train,
            Read = data.ReadOptions(r, train),
            Model = model,
            FineTune = fineTune,
            Pretrain = fineTune with { Epochs = r.GetValue(PretrainEpochs), LearningRate = r.GetValue(PretrainLearningRate), Seed = seed + 1 },
            Scratch = new CbertScratchOptions
            {
                HiddenSize = r.GetValue(HiddenSize),
                Layers = r.GetValue(Layers),
                Heads = r.GetValue(Heads),
                MaxWords = r.GetValue(MaxWords),
                LowerCase = !r.GetValue(Cased),
                MaxPositions = Math.Max(128, r.GetValue(MaxSeqLength)),
                Seed = seed,
            },
            Threads = r.GetValue(data.Threads),
        };
    }
}
