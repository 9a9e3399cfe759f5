using Augment.Contracts.V1;
using Augment.Core.Data;

namespace Augment.Core.Tests.Data;

public sealed class IdxDatasetTests
{
    [Fact]
    public void Open_BuiltInSample_GivesGrayscaleSamplesAndNamedClasses()
    {
        var folder = DataTestFiles.SampleFolder;
        var ds = IdxDataset.Open("sample", Path.Combine(folder, "train-images-idx3-ubyte.gz"),
            Path.Combine(folder, "train-labels-idx1-ubyte.gz"), FashionMnist.ClassNames);
        Assert.Equal(4000, ds.Count);
        Assert.Equal(DatasetKind.Idx, ds.Kind);
        Assert.Equal((28, 28, 1), ds.SampleShape);
        Assert.Equal("Ankle boot", ds.ClassNames[9]);
        var sample = ds.Load(17);
        Assert.Equal((28, 28, 1), (sample.Image.Height, sample.Image.Width, sample.Image.Channels));
        Assert.Contains(sample.Image.Pixels, p => p != 0);
    }

    [Fact]
    public void Load_Index_ReturnsThatImagesPixels()
    {
        using var files = new DataTestFiles();
        var images = files.WriteIdx("t", [0, 1, 1, 2]);
        var ds = IdxDataset.Open("t", images, IdxDataset.LabelsPathFor(images));
        var img = ds.Load(2).Image;
        Assert.Equal((3, 4), (img.Width, img.Height));
        Assert.Equal(2, img.Pixels[0]);
        Assert.Equal(2 + 3 + 2, img.Pixels[3 * 3 + 2]);
        Assert.Equal(["0", "1", "2"], ds.ClassNames);
        Assert.Equal([0, 1, 1, 2], ds.Labels);
    }

    [Fact]
    public void Open_LabelCountMismatch_FailsNamingBothFiles()
    {
        using var files = new DataTestFiles();
        var images = files.WriteIdx("a", [0, 1, 2]);
        files.WriteIdx("b", [0, 1]);
        var labels = files.PathOf("b-labels-idx1-ubyte.gz");
        var ex = Assert.Throws<DatasetException>(() => IdxDataset.Open("a", images, labels));
        Assert.Contains("2 labels for 3 images", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TooFewClassNames_FailsNamingLabel()
    {
        using var files = new DataTestFiles();
        var images = files.WriteIdx("a", [0, 5]);
        var ex = Assert.Throws<DatasetException>(() => IdxDataset.Open("a", images, IdxDataset.LabelsPathFor(images), ["x", "y"]));
        Assert.Contains("label 5 has no class name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelsPathFor_NameWithoutImagesIdx3_Fails()
    {
        var ex = Assert.Throws<DatasetException>(() => IdxDataset.LabelsPathFor("/data/foo.gz"));
        Assert.Equal(DatasetErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal("/data/t10k-labels-idx1-ubyte.gz", IdxDataset.LabelsPathFor("/data/t10k-images-idx3-ubyte.gz"));
    }
}
