using Augment.Torch.Text.CondBert;

namespace Augment.Torch.Tests.Text.CondBert;

/// <summary>A labelled corpus where the label decides one slot's word: "fruit" sentences name a fruit, "vehicle"
/// sentences a vehicle, with identical templates otherwise.</summary>
internal static class SyntheticCorpus
{
    public static readonly string[] Templates =
    [
        "i bought a {0} at the market", "my friend likes the {0} a lot", "there is a {0} near the door",
        "we talked about the {0} today", "the {0} was on the table", "she saw one {0} yesterday",
    ];

    public static readonly string[] Fruits = ["apple", "banana", "cherry", "grape"];
    public static readonly string[] Vehicles = ["truck", "bus", "train", "boat"];
    public static readonly string[] Labels = ["fruit", "vehicle"];

    public static List<LabeledText> Build()
    {
        var corpus = new List<LabeledText>();
        foreach (var t in Templates)
        {
            corpus.AddRange(Fruits.Select(w => new LabeledText(string.Format(null, t, w), "fruit")));
            corpus.AddRange(Vehicles.Select(w => new LabeledText(string.Format(null, t, w), "vehicle")));
        }

        return corpus;
    }
}
