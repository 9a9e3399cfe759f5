using Augment.Torch.Text.CondBert;

namespace Augment.Torch.Tests.Text.CondBert;

public sealed class BertConfigTests
{
    [Fact]
    public void ToJsonThenLoad_RoundTrips()
    {
        var config = new BertConfig { VocabSize = 99, HiddenSize = 64, NumHiddenLayers = 3, NumAttentionHeads = 4, IntermediateSize = 100, TypeVocabSize = 5, HiddenAct = "gelu_new" };
        var path = Path.Combine(Path.GetTempPath(), $"config-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, config.ToJson());
            Assert.Equal(config, BertConfig.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{"hidden_size": 30, "num_attention_heads": 4}""", "num_attention_heads")]
    [InlineData("""{"hidden_act": "swish"}""", "hidden_act")]
    [InlineData("""{"vocab_size": 0}""", "vocab_size")]
    [InlineData("""{"vocab_size": "many"}""", "vocab_size")]
    [InlineData("""{"position_embedding_type": "relative_key"}""", "position_embedding_type")]
    [InlineData("""[1, 2]""", "JSON object")]
    public void Load_BadField_FailsNamingIt(string json, string field)
    {
        var path = Path.Combine(Path.GetTempPath(), $"config-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, json);
            var e = Assert.Throws<InvalidDataException>(() => BertConfig.Load(path));
            Assert.Contains(field, e.Message);
            Assert.Contains(path, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
