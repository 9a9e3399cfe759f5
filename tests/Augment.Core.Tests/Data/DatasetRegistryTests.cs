using Augment.Contracts.V1;
using Augment.Core.Data;
using Augment.Core.Imaging;

namespace Augment.Core.Tests.Data;

public sealed class DatasetRegistryTests
{
    private static string AppDir => Path.GetDirectoryName(Path.GetDirectoryName(DataTestFiles.SampleFolder))!;

    [Fact]
    public void Resolve_NoNameNoLocation_GivesBuiltInSample()
    {
        var registry = new DatasetRegistry(new DataOptions(), "/", AppDir, DecodeLimits.Default);
        var ds = registry.Resolve("", null);
        Assert.Equal("sample", ds.Name);
        Assert.Equal(4000, ds.Count);
        Assert.Equal(1000, registry.Get("sample-test").Count);
    }

    [Fact]
    public void Get_UnknownName_ListsAvailableDatasets()
    {
        var registry = new DatasetRegistry(new DataOptions(), "/", AppDir, DecodeLimits.Default);
        var ex = Assert.Throws<DatasetException>(() => registry.Get("nope"));
        Assert.Equal(DatasetErrorKind.NotFound, ex.Kind);
        Assert.Contains("available: sample, sample-test", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ConfiguredDatasets_ResolveRelativePathsAndSkipMissingOptionalOnes()
    {
        using var files = new DataTestFiles();
        files.WriteIdx("mine", [0, 1, 0]);
        files.WritePng("folder/a/1.png", 4, 4, 1);
        var options = new DataOptions { BuiltInSample = false };
        options.Datasets["idx"] = new DatasetOptions { Path = "mine-images-idx3-ubyte.gz" };
        options.Datasets["folder"] = new DatasetOptions { Kind = "image-folder", Path = "folder" };
        options.Datasets["gone"] = new DatasetOptions { Path = "missing-images-idx3-ubyte.gz", Optional = true };
        var registry = new DatasetRegistry(options, files.Root, AppDir, DecodeLimits.Default);
        Assert.Equal(["folder", "idx"], registry.Names);
        Assert.Equal(DatasetKind.Idx, registry.Get("idx").Kind);
        Assert.Equal(3, registry.Get("idx").Count);
        Assert.Equal(DatasetKind.ImageFolder, registry.Get("folder").Kind);
    }

    [Fact]
    public void Constructor_UnknownKind_FailsNamingTheSetting()
    {
        var options = new DataOptions();
        options.Datasets["x"] = new DatasetOptions { Kind = "parquet", Path = "x" };
        var ex = Assert.Throws<DatasetException>(() => new DatasetRegistry(options, "/", AppDir, DecodeLimits.Default));
        Assert.Contains("Augment:Data:Datasets:x:Kind", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_Location_LoadsIdxAndFolderUnderRoot()
    {
        using var files = new DataTestFiles();
        files.WriteIdx("r/t", [0, 1]);
        files.WritePng("r/f/a/1.png", 4, 4, 1);
        var options = new DataOptions();
        options.Roots["r"] = files.PathOf("r");
        var registry = new DatasetRegistry(options, "/", AppDir, DecodeLimits.Default);
        var idx = registry.Resolve("", new DatasetLocation { Root = "r", Path = "t-images-idx3-ubyte.gz" });
        Assert.Equal((DatasetKind.Idx, 2), (idx.Kind, idx.Count));
        Assert.Equal("r:t-images-idx3-ubyte.gz", idx.Name);
        var folder = registry.Resolve("", new DatasetLocation { Root = "r", Path = "f" });
        Assert.Equal(DatasetKind.ImageFolder, folder.Kind);
        Assert.Same(folder, registry.Resolve("", new DatasetLocation { Root = "r", Path = "f" }));
    }

    [Fact]
    public void Resolve_NameAndLocation_IsInvalid()
    {
        var options = new DataOptions();
        options.Roots["r"] = "/tmp";
        var registry = new DatasetRegistry(options, "/", AppDir, DecodeLimits.Default);
        var ex = Assert.Throws<DatasetException>(() => registry.Resolve("sample", new DatasetLocation { Root = "r", Path = "x" }));
        Assert.Equal(DatasetErrorKind.InvalidArgument, ex.Kind);
    }
}
