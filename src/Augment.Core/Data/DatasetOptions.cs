namespace Augment.Core.Data;

/// <summary>One configured dataset (section <c>Augment:Data:Datasets:NAME</c>).</summary>
public sealed class DatasetOptions
{
    /// <summary>"idx" or "image-folder". Empty: IDX when <see cref="Path"/> is a file, image folder when a folder.</summary>
    public string Kind { get; set; } = "";

    /// <summary>IDX: the images file; image folder: the folder. Relative paths resolve against the base directory.</summary>
    public string Path { get; set; } = "";

    /// <summary>IDX only: the labels file. Empty: "images-idx3" in <see cref="Path"/> replaced by "labels-idx1".</summary>
    public string Labels { get; set; } = "";

    /// <summary>IDX only: class names by label. Empty: "0", "1", ...</summary>
    public IList<string> Classes { get; } = [];

    /// <summary>Skip the dataset (instead of failing requests for it) when its files do not exist.</summary>
    public bool Optional { get; set; }

    /// <summary>Free text shown by ListDatasets.</summary>
    public string Description { get; set; } = "";
}
