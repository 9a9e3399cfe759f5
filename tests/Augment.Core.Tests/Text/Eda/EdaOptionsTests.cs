using Augment.Core.Text.Eda;

namespace Augment.Core.Tests.Text.Eda;

public class EdaOptionsTests
{
    [Fact]
    public void Defaults_AreTheReference()
    {
        var o = new EdaOptions();
        Assert.Equal((0.1, 0.1, 0.1, 0.1, 9.0, true), (o.AlphaSr, o.AlphaRi, o.AlphaRs, o.AlphaRd, o.NumAug, o.KeepOriginal));
        o.Validate();
    }

    [Theory]
    [InlineData(-0.1, 0.1, 9, "alpha_sr")]
    [InlineData(0.1, 1.5, 9, "alpha_ri")]
    [InlineData(0.1, 0.1, 2.5, "num_aug")]
    [InlineData(0.1, 0.1, -1, "num_aug")]
    [InlineData(0.1, 0.1, 5000, "num_aug")]
    [InlineData(0.1, double.NaN, 9, "alpha_ri")]
    public void Validate_BadField_NamesIt(double sr, double ri, double numAug, string field)
    {
        var o = new EdaOptions { AlphaSr = sr, AlphaRi = ri, NumAug = numAug };
        var e = Assert.Throws<ArgumentException>(o.Validate);
        Assert.StartsWith(field + ":", e.Message);
    }

    [Fact]
    public void Validate_AllAlphasZero_Throws()
    {
        var e = Assert.Throws<ArgumentException>(EdaOptions.WithAlpha(0).Validate);
        Assert.Contains("at least one", e.Message);
    }

    [Fact]
    public void Validate_FractionalNumAugBelowOne_Accepted()
    {
        (EdaOptions.WithAlpha(0.2) with { NumAug = 0.5 }).Validate();
    }
}
