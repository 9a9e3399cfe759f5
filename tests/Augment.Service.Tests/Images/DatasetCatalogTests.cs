using Augment.Contracts.V1;
using Augment.Service.Tests.Fixtures;
using Grpc.Core;

namespace Augment.Service.Tests.Images;

public sealed class DatasetCatalogTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task ListDatasets_Default_ListsBuiltInAndConfiguredDatasetsAndRoots()
    {
        var response = await service.Client.ListDatasetsAsync(new ListDatasetsRequest());
        var names = response.Datasets.Select(d => d.Name).ToList();
        Assert.Contains("sample", names);
        Assert.Contains("sample-test", names);
        Assert.Contains("imbalanced", names);
        Assert.Equal(["test"], response.Roots);
        var sample = response.Datasets.Single(d => d.Name == "sample");
        Assert.Equal((DatasetKind.Idx, 4000L), (sample.Kind, sample.SampleCount));
        Assert.Equal([28L, 28, 1], sample.SampleShape);
        Assert.Equal(4000, sample.Classes.Sum(c => c.Count));
    }

    [Fact]
    public async Task DescribeDataset_ImageFolder_GivesClassCountsAndBoxes()
    {
        var info = await service.Client.DescribeDatasetAsync(new DescribeDatasetRequest { Name = "folder" });
        Assert.Equal(DatasetKind.ImageFolder, info.Kind);
        Assert.Equal([("a", 4L), ("b", 3L)], info.Classes.Select(c => (c.Name, c.Count)));
        Assert.True(info.HasBoxes);
        Assert.Empty(info.SampleShape);
    }

    [Fact]
    public async Task DescribeDataset_Imbalanced_CountsEveryClass()
    {
        var info = await service.Client.DescribeDatasetAsync(new DescribeDatasetRequest { Location = new DatasetLocation { Root = "test", Path = "imbalanced-images-idx3-ubyte.gz" } });
        Assert.Equal([30L, 10, 5], info.Classes.Select(c => c.Count));
    }

    [Fact]
    public async Task DescribeDataset_Unknown_IsNotFound()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await service.Client.DescribeDatasetAsync(new DescribeDatasetRequest { Name = "nope" }));
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        var empty = await Assert.ThrowsAsync<RpcException>(async () => await service.Client.DescribeDatasetAsync(new DescribeDatasetRequest()));
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
    }
}
