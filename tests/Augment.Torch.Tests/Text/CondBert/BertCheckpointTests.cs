using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Checkpoints;
using Augment.Torch.Text.CondBert.Model;
using static TorchSharp.torch;

namespace Augment.Torch.Tests.Text.CondBert;

[Collection("torch")]
public sealed class BertCheckpointTests(TinyBertFixture fixture) : IClassFixture<TinyBertFixture>
{
    [Theory]
    [InlineData("model.safetensors", "gelu")]
    [InlineData("pytorch_model.bin", "gelu")]
    [InlineData("model.safetensors", "gelu_new")]
    public void Load_HuggingFaceCheckpoint_LogitsMatchPyTorch(string weights, string activation)
    {
        using var tiny = (activation == "gelu" ? fixture.Gelu : fixture.GeluNew).Copy();
        KeepOnly(tiny.Directory, weights);
        using var cbert = ConditionalBert.Load(tiny.Directory, ["a", "b"]);
        var (ids, types, mask, shape) = tiny.Input();
        long[] inputShape = [shape[0], shape[1]];
        using var logits = cbert.Model.Forward(tensor(ids, inputShape), tensor(types, inputShape), tensor(mask, inputShape));
        Assert.Equal(shape, logits.shape);
        var ours = logits.data<float>().ToArray();
        var reference = tiny.ReferenceLogits();
        var worst = ours.Zip(reference, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-4, $"max |ours - pytorch| = {worst}");
    }

    [Fact]
    public void NamedParameters_TinyModel_MatchHuggingFaceNamesAndShapes()
    {
        using var tiny = fixture.Gelu.Copy();
        var config = BertConfig.Load(Path.Combine(tiny.Directory, "config.json"));
        var file = SafetensorsFile.Read(Path.Combine(tiny.Directory, "model.safetensors"));
        using var model = new BertForMaskedLM(config);
        var ours = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        var theirs = file.Where(kv => kv.Key != "bert.embeddings.position_ids").ToDictionary(kv => kv.Key, kv => kv.Value.shape);
        Assert.Equal(theirs.Keys.Order(), ours.Keys.Order());
        foreach (var (name, shape) in theirs)
        {
            Assert.Equal(shape, ours[name]);
        }
    }

    [Theory]
    [InlineData("model.safetensors")]
    [InlineData("pytorch_model.bin")]
    public void Load_ConfigDisagreesWithCheckpoint_FailsNamingTheMismatch(string weights)
    {
        using var tiny = fixture.Gelu.Copy();
        KeepOnly(tiny.Directory, weights);
        var configPath = Path.Combine(tiny.Directory, "config.json");
        File.WriteAllText(configPath, File.ReadAllText(configPath).Replace("\"intermediate_size\": 24", "\"intermediate_size\": 20"));
        var e = Assert.Throws<InvalidDataException>(() => ConditionalBert.Load(tiny.Directory, ["a", "b"]));
        Assert.Contains(weights, e.Message);
        Assert.Contains("config.json", e.Message);
    }

    [Fact]
    public void Load_VocabWithoutMask_FailsNamingTheToken()
    {
        using var tiny = fixture.Gelu.Copy();
        var vocab = Path.Combine(tiny.Directory, "vocab.txt");
        File.WriteAllText(vocab, File.ReadAllText(vocab).Replace("[MASK]", "[MASQUE]"));
        var e = Assert.Throws<InvalidDataException>(() => ConditionalBert.Load(tiny.Directory, ["a", "b"]));
        Assert.Contains("[MASK]", e.Message);
        Assert.Contains("vocab.txt", e.Message);
    }

    [Fact]
    public void Load_MoreLabelsThanTokenTypes_CopiesRowsAndStartsNewRowsFromRowZero()
    {
        using var tiny = fixture.Gelu.Copy();
        var file = SafetensorsFile.Read(Path.Combine(tiny.Directory, "model.safetensors"));
        var table = file["bert.embeddings.token_type_embeddings.weight"];
        using var cbert = ConditionalBert.Load(tiny.Directory, ["a", "b", "c"]);
        var labels = cbert.Model.get_parameter("bert.embeddings.token_type_embeddings.weight")!;
        Assert.Equal([3L, table.shape[1]], labels.shape);
        Assert.True(labels[0].allclose(table[0]));
        Assert.True(labels[1].allclose(table[1]));
        Assert.True(labels[2].allclose(table[0]));
    }

    [Fact]
    public void SaveThenLoad_FineTunedModel_SameLogitsAndLabels()
    {
        using var tiny = fixture.Gelu.Copy();
        using var cbert = ConditionalBert.Load(tiny.Directory, ["neg", "pos", "neutral"]);
        var saved = Path.Combine(tiny.Directory, "saved");
        cbert.Save(saved);
        using var again = ConditionalBert.Load(saved);
        Assert.Equal(["neg", "pos", "neutral"], again.Labels);
        Assert.Equal(3, again.Config.TypeVocabSize);
        var (ids, types, mask, shape) = tiny.Input();
        long[] s = [shape[0], shape[1]];
        using var a = cbert.Model.Forward(tensor(ids, s), tensor(types, s), tensor(mask, s));
        using var b = again.Model.Forward(tensor(ids, s), tensor(types, s), tensor(mask, s));
        Assert.True(a.allclose(b, rtol: 0, atol: 0));
    }

    [Fact]
    public void FineTuneThenSave_PretrainedModel_PyTorchReadsTheSavedFileWithTheSameLogits()
    {
        using var tiny = fixture.Gelu.Copy();
        using var cbert = ConditionalBert.Load(tiny.Directory, ["a", "b"]);
        var report = cbert.FineTune(
            [new LabeledText("w1 w2 w3 w4 w5", "a"), new LabeledText("w6 w7 w8 w9", "b"), new LabeledText("w10 w11 w12", "a")],
            new Augment.Torch.Text.CondBert.Training.CbertTrainingOptions { Epochs = 2, BatchSize = 2, LearningRate = 1e-2, Seed = 4 });
        Assert.Equal(4, report.Steps);
        Assert.All(report.EpochLosses, l => Assert.True(double.IsFinite(l)));
        var saved = Path.Combine(tiny.Directory, "saved");
        cbert.Save(saved);

        var (ids, types, mask, shape) = tiny.Input();
        long[] s = [shape[0], shape[1]];
        using var logits = cbert.Model.Forward(tensor(ids, s), tensor(types, s), tensor(mask, s));
        var ours = logits.data<float>().ToArray();
        var theirs = tiny.PyTorchLogitsOf(saved);
        Assert.True(ours.Zip(tiny.ReferenceLogits(), (a, b) => Math.Abs(a - b)).Max() > 1e-3, "fine-tuning changed nothing");
        var worst = ours.Zip(theirs, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-4, $"max |ours - pytorch| = {worst}");
    }

    private static void KeepOnly(string directory, string weights)
    {
        foreach (var f in new[] { "model.safetensors", "pytorch_model.bin" }.Where(f => f != weights))
        {
            File.Delete(Path.Combine(directory, f));
        }
    }
}
