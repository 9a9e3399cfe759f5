using Augment.Torch.Training.Data;

namespace Augment.Torch.Training.Runs;

/// <summary>Finds a dataset by name or path. Names: "fashion-mnist" (Debian's dataset-fashion-mnist).
/// Paths: a folder with IDX files named like Fashion-MNIST's, or a folder with train/ and test/ image folders
/// (one sub-folder per class, read by Augment.Core's image-folder dataset; one image size throughout).</summary>
public static class DatasetResolver
{
    /// <summary>Where Debian's dataset-fashion-mnist installs the files.</summary>
    public const string FashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Loads (train, test).</summary>
    public static (ArraySampleSource Train, ArraySampleSource Test) Load(string dataset) => Load(dataset, "label", 0);

    /// <summary>As <see cref="Load(string)"/>, also accepting a table file (.csv, .tsv, .parquet) with the label in
    /// <paramref name="labelColumn"/>; 20% of its rows (a keyed shuffle of <paramref name="seed"/>) become the test set.</summary>
    public static (ArraySampleSource Train, ArraySampleSource Test) Load(string dataset, string labelColumn, ulong seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        if (TabularSource.IsTableFile(dataset))
        {
            return TabularSource.Load(dataset, labelColumn, seed);
        }
        var folder = dataset.Equals("fashion-mnist", StringComparison.OrdinalIgnoreCase) ? FashionMnistFolder : dataset;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"--dataset: '{dataset}' is neither a known name (fashion-mnist) nor a folder ({folder} does not exist; on Debian install dataset-fashion-mnist)");
        }
        if (Directory.Exists(Path.Combine(folder, "train")) && Directory.Exists(Path.Combine(folder, "test")))
        {
            var train = ImageFolderLoader.Load(Path.Combine(folder, "train"));
            var test = ImageFolderLoader.Load(Path.Combine(folder, "test"), ImageFolderClasses(Path.Combine(folder, "train")));
            if (!test.SampleShape.SequenceEqual(train.SampleShape))
            {
                throw new InvalidDataException($"{folder}: test images are [{string.Join(", ", test.SampleShape)}] but training images [{string.Join(", ", train.SampleShape)}]");
            }
            return (train, test);
        }
        return (Load(folder, "train"), Load(folder, "t10k"));
    }

    private static IReadOnlyList<string> ImageFolderClasses(string root) =>
        Augment.Core.Data.ImageFolderDataset.Open(root, root, Augment.Core.Imaging.DecodeLimits.Default).ClassNames;

    private static ArraySampleSource Load(string folder, string prefix)
    {
        string Find(string kind)
        {
            foreach (var name in new[] { $"{prefix}-{kind}-ubyte.gz", $"{prefix}-{kind}-ubyte" })
            {
                var p = Path.Combine(folder, name);
                if (File.Exists(p))
                {
                    return p;
                }
            }
            throw new FileNotFoundException($"--dataset: {folder} has neither {prefix}-{kind}-ubyte[.gz] nor train/ and test/ image folders");
        }
        return IdxReader.Load(Find("images-idx3"), Find("labels-idx1"));
    }
}
