using Xunit.Abstractions;
using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Augmentation;
using Augment.Torch.Text.CondBert.Training;
using static TorchSharp.torch;

namespace Augment.Torch.Tests.Text.CondBert;

[Collection("torch")]
public sealed class ConditionalBertTests(SyntheticCbertFixture fixture, ITestOutputHelper output) : IClassFixture<SyntheticCbertFixture>
{
    [Fact]
    public void FineTune_SyntheticCorpus_LossFalls()
    {
        var losses = fixture.Report.EpochLosses;
        Assert.True(losses[^1] < losses[0] * 0.5, $"loss {losses[0]} -> {losses[^1]}");
    }

    [Fact]
    public void Sample_MaskedSlot_AgreesWithRequestedLabel_AndNotWhenLabelIgnored()
    {
        var model = fixture.Model;
        var conditioned = SlotAgreement(model, out var inVocabulary);
        Assert.True(conditioned >= 0.9, $"conditioned agreement {conditioned:P1}, in vocabulary {inVocabulary:P1}, losses {string.Join(" ", fixture.Report.EpochLosses.Select(l => l.ToString("F2", null)))}");
        Assert.True(inVocabulary >= 0.9, $"slot samples in fruit ∪ vehicle: {inVocabulary:P1}");

        var table = model.Model.get_parameter("bert.embeddings.token_type_embeddings.weight")!;
        using var saved = table.detach().clone();
        try
        {
            using (no_grad())
            {
                table.copy_(saved.mean([0], keepdim: true).expand_as(saved));
            }

            var ignored = SlotAgreement(model, out var ignoredInVocabulary);
            output.WriteLine($"agreement conditioned {conditioned:P1}, label ignored {ignored:P1}");
            Assert.True(ignored is > 0.3 and < 0.7, $"agreement with the label embedding ignored {ignored:P1}");
            Assert.True(ignoredInVocabulary >= 0.8, $"slot samples in fruit ∪ vehicle: {ignoredInVocabulary:P1}");
        }
        finally
        {
            using (no_grad())
            {
                table.copy_(saved);
            }
        }
    }

    [Fact]
    public void Augment_SameSeed_SameOutput_OtherSeedDiffers()
    {
        var inputs = Inputs();
        var options = new CbertAugmentOptions { NumAug = 3, Seed = 11 };
        var a = fixture.Model.Augment(inputs, options).Select(x => x.Text).ToList();
        var b = fixture.Model.Augment(inputs, options).Select(x => x.Text).ToList();
        var c = fixture.Model.Augment(inputs, options with { Seed = 12 }).Select(x => x.Text).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Augment_BatchSizeOneOrMany_SameOutput()
    {
        var inputs = Inputs();
        var options = new CbertAugmentOptions { NumAug = 2, Seed = 5, BatchSize = 64 };
        var many = fixture.Model.Augment(inputs, options).Select(x => x.Text).ToList();
        var one = fixture.Model.Augment(inputs, options with { BatchSize = 1 }).Select(x => x.Text).ToList();
        Assert.Equal(many, one);
    }

    [Fact]
    public void Augment_FirstIndex_SameAsTailOfOneCall()
    {
        var inputs = Inputs();
        var options = new CbertAugmentOptions { NumAug = 2, Seed = 6 };
        var whole = fixture.Model.Augment(inputs, options).Select(x => x.Text).ToList();
        var tail = fixture.Model.Augment(inputs.Skip(1).ToList(), options with { FirstIndex = 1 }).Select(x => x.Text).ToList();
        var unshifted = fixture.Model.Augment(inputs.Skip(1).ToList(), options).Select(x => x.Text).ToList();
        Assert.Equal(whole.Skip(2), tail);
        Assert.NotEqual(tail, unshifted);
    }

    [Fact]
    public void AugmentMany_MixedJobs_EachSameAsAlone()
    {
        var inputs = Inputs();
        CbertJob[] jobs =
        [
            new(inputs, [0L, 1, 2, 3], new CbertAugmentOptions { NumAug = 2, Seed = 1 }),
            new(inputs.Take(2).ToList(), [7L, 3], new CbertAugmentOptions { NumAug = 3, Seed = 2, Temperature = 0.5 }),
            new(inputs.Skip(2).ToList(), [2L, 3], new CbertAugmentOptions { NumAug = 1, Seed = 1, TopK = 5 }),
            new(inputs, [0L, 1, 2, 3], new CbertAugmentOptions { NumAug = 2, Seed = 3 }),
        ];
        var together = fixture.Model.AugmentMany(jobs);
        Assert.Equal(jobs.Length, together.Count);
        for (var j = 0; j < jobs.Length; j++)
        {
            Assert.Equal(fixture.Model.AugmentKeyed(jobs[j].Inputs, jobs[j].Keys, jobs[j].Options), together[j]);
        }

        Assert.NotEqual(together[0].Select(a => a.Text), together[3].Select(a => a.Text));
    }

    [Fact]
    public void Augment_Sentences_VariantsKeepLabelOrderAndUnmaskedText()
    {
        var inputs = new List<LabeledText> { new("The apple was on the table, today!", "fruit"), new("We saw a BUS.", "vehicle") };
        var generated = fixture.Model.Augment(inputs, new CbertAugmentOptions { NumAug = 4, Seed = 1 });
        Assert.Equal(8, generated.Count);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1], generated.Select(o => o.SourceIndex));
        Assert.Equal([0, 1, 2, 3, 0, 1, 2, 3], generated.Select(o => o.Variant));
        Assert.All(generated.Take(4), o => Assert.Equal("fruit", o.Label));
        Assert.All(generated.Skip(4), o => Assert.Equal("vehicle", o.Label));
        foreach (var o in generated.Take(4))
        {
            Assert.Contains(",", o.Text, StringComparison.Ordinal);
            Assert.EndsWith("!", o.Text, StringComparison.Ordinal);
            Assert.True(char.IsUpper(o.Text[0]), o.Text);
            Assert.InRange(o.Replaced, 0, 1);
            var before = Words(inputs[0].Text);
            var after = Words(o.Text);
            Assert.Equal(before.Count, after.Count);
            Assert.True(before.Zip(after).Count(p => p.First != p.Second) <= 1, o.Text);
        }

        Assert.All(generated.Skip(4), o => Assert.EndsWith(".", o.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Augment_UnknownLabel_FailsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            fixture.Model.Augment([new LabeledText("the bus", "animal")], new CbertAugmentOptions()));
        Assert.Contains("inputs[0]", e.Message);
        Assert.Contains("'animal'", e.Message);
    }

    [Fact]
    public void FineTune_UnknownLabel_FailsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            fixture.Model.FineTune([new LabeledText("the bus", "vehicle"), new LabeledText("a cat", "animal")], new CbertTrainingOptions()));
        Assert.Contains("examples[1]", e.Message);
    }

    [Fact]
    public void CreateAndTrain_SameSeedTwice_IdenticalWeights_OtherSeedDiffers()
    {
        static float[] Train(ulong seed)
        {
            var corpus = SyntheticCorpus.Build();
            using var model = ConditionalBert.CreateFromScratch(corpus.Select(c => c.Text), SyntheticCorpus.Labels,
                new CbertScratchOptions { HiddenSize = 16, Layers = 1, Heads = 2, Dropout = 0.1, MaxPositions = 32, Seed = seed });
            model.Pretrain([.. corpus.Select(c => c.Text)], new CbertTrainingOptions { Epochs = 1, BatchSize = 8, LearningRate = 1e-3, Seed = seed });
            model.FineTune(corpus, new CbertTrainingOptions { Epochs = 1, BatchSize = 8, LearningRate = 1e-3, Seed = seed });
            return [.. model.Model.parameters().SelectMany(p => p.data<float>().ToArray())];
        }

        var a = Train(5);
        Assert.Equal(a, Train(5));
        Assert.NotEqual(a, Train(6));
    }

    [Fact]
    public void Train_LabelIdOutsideTable_FailsNamingTheExample()
    {
        var e = Assert.Throws<ArgumentException>(() => MlmTrainer.Train(fixture.Model.Model, fixture.Model.Tokenizer,
            [("the bus", 1), ("the apple", 2)], new CbertTrainingOptions(), null, CancellationToken.None));
        Assert.Contains("examples[1]", e.Message);
        Assert.Contains("label id 2", e.Message);
    }

    [Fact]
    public void SaveThenLoad_TrainedModel_SameAugmentations()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"cbert-{Guid.NewGuid():N}");
        try
        {
            fixture.Model.Save(dir);
            using var loaded = ConditionalBert.Load(dir);
            var options = new CbertAugmentOptions { NumAug = 2, Seed = 9 };
            Assert.Equal(fixture.Model.Augment(Inputs(), options).Select(x => x.Text), loaded.Augment(Inputs(), options).Select(x => x.Text));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Load_LabelCountDisagreesWithSavedTable_Fails()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"cbert-{Guid.NewGuid():N}");
        try
        {
            fixture.Model.Save(dir);
            File.WriteAllText(Path.Combine(dir, "cbert.json"), """{"format":1,"labels":["a","b","c"]}""");
            using var three = ConditionalBert.Load(dir);
            Assert.Equal(3, three.Config.TypeVocabSize);
            Assert.Throws<ArgumentException>(() => ConditionalBert.Load(dir, []));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static List<string> Words(string text) =>
        [.. Augment.Torch.Text.CondBert.Tokenization.WordSplitter.Split(text).Select(w => text.Substring(w.Start, w.Length))];

    private static List<LabeledText> Inputs() =>
    [
        new("i bought a cherry at the market", "fruit"),
        new("the truck was on the table", "vehicle"),
        new("my friend likes the grape a lot, really", "fruit"),
        new("boat", "vehicle"),
    ];

    private static double SlotAgreement(ConditionalBert model, out double inVocabulary)
    {
        var plans = new List<(MaskPlan Plan, int Label)>();
        var sentences = new List<Augment.Torch.Text.CondBert.Tokenization.TokenizedSentence>();
        var seed = 0UL;
        foreach (var template in SyntheticCorpus.Templates)
        {
            var sentence = model.Tokenizer.Tokenize(string.Format(null, template, "apple"), 30);
            var slot = Array.FindIndex(sentence.Words.ToArray(), w => sentence.Text.Substring(w.Start, w.Length) == "apple");
            var pieces = Enumerable.Range(0, sentence.PieceIds.Length).Where(p => sentence.PieceWord[p] == slot).ToList();
            for (var label = 0; label < 2; label++)
            {
                for (var k = 0; k < 20; k++)
                {
                    plans.Add((CbertAugmenter.ForPieces(sentence, label, pieces, seed++, model.Tokenizer), label));
                    sentences.Add(sentence);
                }
            }
        }

        using var sampler = new MaskedSampler(model.Model, model.Tokenizer);
        var sampled = sampler.Sample([.. plans.Select(p => p.Plan)], 1.0, 0, 32);
        int agree = 0, known = 0;
        for (var i = 0; i < plans.Count; i++)
        {
            var word = model.Tokenizer.Join(sampled[i]);
            var wanted = plans[i].Label == 0 ? SyntheticCorpus.Fruits : SyntheticCorpus.Vehicles;
            agree += wanted.Contains(word) ? 1 : 0;
            known += SyntheticCorpus.Fruits.Contains(word) || SyntheticCorpus.Vehicles.Contains(word) ? 1 : 0;
        }

        inVocabulary = (double)known / plans.Count;
        return (double)agree / plans.Count;
    }
}
