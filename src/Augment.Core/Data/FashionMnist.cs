namespace Augment.Core.Data;

/// <summary>Facts about Fashion-MNIST and the built-in sample taken from it.</summary>
internal static class FashionMnist
{
    /// <summary>Class names by label.</summary>
    public static readonly IReadOnlyList<string> ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Name of the built-in training sample (the default dataset).</summary>
    public const string SampleName = "sample";

    /// <summary>Name of the built-in test sample.</summary>
    public const string SampleTestName = "sample-test";

    /// <summary>Folder of the built-in sample, relative to the application's base directory.</summary>
    public const string SampleFolder = "data/sample";
}
