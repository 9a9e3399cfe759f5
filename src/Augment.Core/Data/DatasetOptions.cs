namespace Augment.Core.Data;

/// <summary>One configured dataset (section <c>Augment:Data:Datasets:NAME</c>).</summary>
public sealed class DatasetOptions
{
    /// <summary>"idx", "image-folder", "text" or "tabular". Empty: IDX when <see cref="Path"/> is a file, image folder when a folder.</summary>
    public string Kind { get; set; } = "";

    /// <summary>IDX: the images file; image folder: the folder. Relative paths resolve against the base directory.</summary>
    public string Path { get; set; } = "";

    /// <summary>IDX only: the labels file. Empty: "images-idx3" in <see cref="Path"/> replaced by "labels-idx1".</summary>
    public string Labels { get; set; } = "";

    /// <summary>IDX only: class names by label. Empty: "0", "1", ...</summary>
    public IList<string> Classes { get; } = [];

    /// <summary>Skip the dataset (instead of failing requests for it) when its files do not exist.</summary>
    public bool Optional { get; set; }

    /// <summary>Text: "tsv", "csv" or "jsonl"; empty: from the file extension. Tabular: by extension (.csv, .tsv, .parquet).</summary>
    public string Format { get; set; } = "";

    /// <summary>Text (CSV, JSON Lines): the column or field holding the text.</summary>
    public string TextColumn { get; set; } = "text";

    /// <summary>Text (CSV, JSON Lines) and tabular: the column holding the label.</summary>
    public string LabelColumn { get; set; } = "label";

    /// <summary>Tabular: columns to treat as categorical (empty: inferred).</summary>
    public IList<string> CategoricalColumns { get; } = [];

    /// <summary>Text: a BERT WordPiece vocabulary (vocab.txt); when set, batches carry token ids. Relative paths resolve
    /// against the base directory.</summary>
    public string Vocab { get; set; } = "";

    /// <summary>Text with <see cref="Vocab"/>: default maximum tokens per text ([CLS] and [SEP] included).</summary>
    public int MaxTokens { get; set; } = 128;

    /// <summary>Free text shown by ListDatasets.</summary>
    public string Description { get; set; } = "";
}
