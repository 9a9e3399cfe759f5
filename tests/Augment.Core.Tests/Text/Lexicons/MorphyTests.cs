using Augment.Core.Text.Lexicons;

namespace Augment.Core.Tests.Text.Lexicons;

public class MorphyTests
{
    private static WordNetPart Part(string[] lemmas, Dictionary<string, string[]>? exceptions = null) =>
        new([lemmas], lemmas.ToDictionary(l => l, _ => new[] { 0 }), exceptions ?? []);

    [Fact]
    public void BaseForms_RegularPlural_FindsLemma()
    {
        Assert.Equal(["box"], Morphy.BaseForms("boxes", Part(["box"]), WordNetPos.Noun));
    }

    [Fact]
    public void BaseForms_FormItselfAndRuleResult_BothReturnedFormFirst()
    {
        Assert.Equal(["axes", "axe"], Morphy.BaseForms("axes", Part(["axe", "axes"]), WordNetPos.Noun));
    }

    [Fact]
    public void BaseForms_Exception_ShortCircuitsRules()
    {
        var part = Part(["goose", "geese"], new() { ["geese"] = ["goose"] });
        Assert.Equal(["geese", "goose"], Morphy.BaseForms("geese", part, WordNetPos.Noun));
    }

    [Fact]
    public void BaseForms_NoMatchInFirstRound_KeepsApplyingRules()
    {
        // "kisseses" -> "kisses"/"kisse"... -> "kiss" only after a second round.
        Assert.Equal(["kiss"], Morphy.BaseForms("kisseses", Part(["kiss"]), WordNetPos.Noun));
    }

    [Fact]
    public void BaseForms_AdverbHasNoRules_OnlyExactForm()
    {
        Assert.Empty(Morphy.BaseForms("quicklys", Part(["quickly"]), WordNetPos.Adverb));
    }
}
