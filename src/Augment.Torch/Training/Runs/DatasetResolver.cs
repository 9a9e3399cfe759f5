using Augment.Torch.Training.Data;

namespace Augment.Torch.Training.Runs;

/// <summary>Finds a dataset by name or path. Names: "fashion-mnist" (Debian's dataset-fashion-mnist).
/// Paths: a folder with IDX files named like Fashion-MNIST's.</summary>
public static class DatasetResolver
{
    /// <summary>Where Debian's dataset-fashion-mnist installs the files.</summary>
    public const string FashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Loads (train, test).</summary>
    public static (ArraySampleSource Train, ArraySampleSource Test) Load(string dataset)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        var folder = dataset.Equals("fashion-mnist", StringComparison.OrdinalIgnoreCase) ? FashionMnistFolder : dataset;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"--dataset: '{dataset}' is neither a known name (fashion-mnist) nor a folder ({folder} does not exist; on Debian install dataset-fashion-mnist)");
        }
        return (Load(folder, "train"), Load(folder, "t10k"));
    }

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
            throw new FileNotFoundException($"--dataset: {folder} has no {prefix}-{kind}-ubyte[.gz]");
        }
        return IdxReader.Load(Find("images-idx3"), Find("labels-idx1"));
    }
}
