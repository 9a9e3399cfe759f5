namespace Augment.Service.Text;

/// <summary>Bounds on one AugmentText request.</summary>
internal static class TextServiceLimits
{
    /// <summary>Most texts in one request.</summary>
    public const int MaxTexts = 10_000;

    /// <summary>Longest text, in UTF-16 code units.</summary>
    public const int MaxTextLength = 65_536;

    /// <summary>Most output sentences in one response (texts x (num_aug + 1)).</summary>
    public const long MaxOutputs = 200_000;
}
