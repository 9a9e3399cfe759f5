using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Training;
using Augment.Torch.Training;

namespace Augment.Torch.Tests.Text.CondBert;

/// <summary>A tiny conditional BERT trained from scratch on <see cref="SyntheticCorpus"/>, once per test class.</summary>
public sealed class SyntheticCbertFixture : IDisposable
{
    public SyntheticCbertFixture()
    {
        TorchRuntime.SetThreads(1);
        var corpus = SyntheticCorpus.Build();
        Model = ConditionalBert.CreateFromScratch(corpus.Select(c => c.Text), SyntheticCorpus.Labels,
            new CbertScratchOptions { HiddenSize = 32, Layers = 2, Heads = 2, Dropout = 0, MaxPositions = 32, Seed = 7 });
        Report = Model.FineTune(corpus, new CbertTrainingOptions
        {
            Epochs = 100, BatchSize = 8, LearningRate = 5e-3, MaskProbability = 0.3, Seed = 3, WarmupFraction = 0.05,
        });
    }

    public ConditionalBert Model { get; }

    public CbertTrainingReport Report { get; }

    public void Dispose() => Model.Dispose();
}
