using Augment.Contracts.V1;

namespace Augment.Core.Text.Eda;

/// <summary>Maps the protobuf <see cref="EdaSpec"/> to <see cref="EdaOptions"/> (missing fields take the
/// reference defaults) and validates it, with errors prefixed by the field path.</summary>
public static class EdaSpecMapping
{
    /// <summary>Converts and validates; <paramref name="path"/> prefixes error messages (for example "eda").</summary>
    public static EdaOptions ToOptions(EdaSpec spec, string path = "eda")
    {
        ArgumentNullException.ThrowIfNull(spec);
        var defaults = new EdaOptions();
        var options = new EdaOptions
        {
            AlphaSr = spec.HasAlphaSr ? spec.AlphaSr : defaults.AlphaSr,
            AlphaRi = spec.HasAlphaRi ? spec.AlphaRi : defaults.AlphaRi,
            AlphaRs = spec.HasAlphaRs ? spec.AlphaRs : defaults.AlphaRs,
            AlphaRd = spec.HasAlphaRd ? spec.AlphaRd : defaults.AlphaRd,
            NumAug = spec.HasNumAug ? spec.NumAug : defaults.NumAug,
            KeepOriginal = !spec.HasKeepOriginal || spec.KeepOriginal,
            Tokenization = spec.Tokenization switch
            {
                TextTokenization.Preserve => EdaTokenization.Preserve,
                TextTokenization.Reference => EdaTokenization.Reference,
                var other => throw new ArgumentException($"{path}.tokenization: unknown value {(int)other}"),
            },
            InsertionSkipsStopWords = spec.InsertionSkipsStopWords,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{path}.{e.Message}", e);
        }
        return options;
    }
}
