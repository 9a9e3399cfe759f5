using Augment.Contracts.V1;
using Augment.Service.Tests.Fixtures;
using Grpc.Core;

namespace Augment.Service.Tests.Images;

public sealed class StreamBatchesErrorTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private async Task<RpcException> Fails(StreamBatchesRequest request)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => service.Client.ReadAllAsync(request));
        // The server keeps serving after every failure.
        var ok = await service.Client.ReadAllAsync(new StreamBatchesRequest { Dataset = "imbalanced", BatchSize = 45 });
        Assert.Single(ok);
        return ex;
    }

    public static TheoryData<StreamBatchesRequest, StatusCode, string> BadRequests() => new()
    {
        { new StreamBatchesRequest { BatchSize = 0 }, StatusCode.InvalidArgument, "batch_size: 0 is outside [1, 4096]" },
        { new StreamBatchesRequest { BatchSize = 5000 }, StatusCode.InvalidArgument, "batch_size: 5000" },
        { new StreamBatchesRequest { BatchSize = 1, Epochs = 0 }, StatusCode.InvalidArgument, "epochs: 0 must be >= 1" },
        { new StreamBatchesRequest { BatchSize = 1, Shard = new Shard { Index = 3, Count = 3 } }, StatusCode.InvalidArgument, "shard: index 3 of count 3" },
        { new StreamBatchesRequest { BatchSize = 1, Start = new StreamPosition { Epoch = -1 } }, StatusCode.InvalidArgument, "start:" },
        { new StreamBatchesRequest { BatchSize = 1000, Start = new StreamPosition { Batch = 6 } }, StatusCode.InvalidArgument, "start.batch: 6 is beyond epoch 0, which has 4 batches" },
        { new StreamBatchesRequest { BatchSize = 1, TargetWidth = 10 }, StatusCode.InvalidArgument, "target_width, target_height: set both" },
        { new StreamBatchesRequest { Dataset = "imbalanced", BatchSize = 50, DropLast = true, Unbounded = true }, StatusCode.InvalidArgument,
            "batch_size: 50 leaves no batch in an epoch of 45 samples for shard 0 of 1 with drop_last" },
        { new StreamBatchesRequest { Dataset = "imbalanced", BatchSize = 1, Shard = new Shard { Index = 45, Count = 46 } }, StatusCode.InvalidArgument,
            "batch_size: 1 leaves no batch in an epoch of 0 samples for shard 45 of 46" },
        { new StreamBatchesRequest { Dataset = "nope", BatchSize = 1 }, StatusCode.NotFound, "dataset: no dataset named \"nope\" (available: broken, " },
        { new StreamBatchesRequest { Dataset = "imbalanced", BatchSize = 1, Balance = new Balance { Mode = BalanceMode.ClassWeights, ClassWeights = { [7] = 2 } } },
            StatusCode.InvalidArgument, "balance.class_weights[7]: no class with label 7" },
        { new StreamBatchesRequest { BatchSize = 1, Pipeline = new Pipeline { Nodes = { new Node { Rotate = new Rotate { Degrees = new Contracts.V1.Range { Min = 5, Max = -5 } } } } } },
            StatusCode.InvalidArgument, "pipeline.nodes[0].rotate.degrees" },
        { new StreamBatchesRequest { Dataset = "sample", Location = new DatasetLocation { Root = "test", Path = "folder" }, BatchSize = 1 },
            StatusCode.InvalidArgument, "dataset and location: give exactly one" },
        { new StreamBatchesRequest { Location = new DatasetLocation { Root = "test", Path = "../etc" }, BatchSize = 1 },
            StatusCode.PermissionDenied, "location.path: \"../etc\": \"..\" segments are refused" },
        { new StreamBatchesRequest { Location = new DatasetLocation { Root = "test", Path = "/etc/passwd" }, BatchSize = 1 },
            StatusCode.PermissionDenied, "absolute paths are refused" },
        { new StreamBatchesRequest { Location = new DatasetLocation { Root = "elsewhere", Path = "x" }, BatchSize = 1 },
            StatusCode.NotFound, "location.root: no root named \"elsewhere\" (configured: test)" },
        { new StreamBatchesRequest { Dataset = "broken", BatchSize = 2, Shuffle = false }, StatusCode.DataLoss, "3.png" },
        { new StreamBatchesRequest { Dataset = "folder", BatchSize = 7 }, StatusCode.FailedPrecondition, "samples of one batch differ in size" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task StreamBatches_BadRequest_FailsWithStatusNamingTheField(StreamBatchesRequest request, StatusCode code, string message)
    {
        var ex = await Fails(request);
        Assert.Equal(code, ex.StatusCode);
        Assert.Contains(message, ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamBatches_InvalidSpec_CarriesFieldPathTrailer()
    {
        var ex = await Fails(new StreamBatchesRequest
        {
            BatchSize = 1,
            Pipeline = new Pipeline { Nodes = { new Node { HorizontalFlip = new HorizontalFlip() }, new Node { P = 2, VerticalFlip = new VerticalFlip() } } },
        });
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("pipeline.nodes[1].p", ex.Trailers.GetValue("augment-field"));
    }

    [Theory]
    [InlineData("balance.class_weights[7]")]
    [InlineData("location.path")]
    [InlineData("target_width, target_height")]
    [InlineData("shard")]
    public async Task StreamBatches_FieldError_CarriesFieldTrailer(string field)
    {
        var request = field switch
        {
            "balance.class_weights[7]" => new StreamBatchesRequest { Dataset = "imbalanced", BatchSize = 1, Balance = new Balance { Mode = BalanceMode.ClassWeights, ClassWeights = { [7] = 1 } } },
            "location.path" => new StreamBatchesRequest { Location = new DatasetLocation { Root = "test", Path = "a/../b" }, BatchSize = 1 },
            "target_width, target_height" => new StreamBatchesRequest { BatchSize = 1, TargetHeight = 3 },
            _ => new StreamBatchesRequest { BatchSize = 1, Shard = new Shard { Index = -1, Count = 2 } },
        };
        var ex = await Fails(request);
        Assert.Equal(field, ex.Trailers.GetValue("augment-field"));
    }

    [Fact]
    public async Task StreamBatches_SymlinkUnderRoot_IsRefused()
    {
        var link = Path.Combine(service.Datasets.Root, "link-" + Guid.NewGuid().ToString("N"));
        Directory.CreateSymbolicLink(link, "/usr/share");
        var ex = await Fails(new StreamBatchesRequest { Location = new DatasetLocation { Root = "test", Path = Path.GetFileName(link) + "/x" }, BatchSize = 1 });
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("is a symbolic link", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamBatches_ClientReceiveLimitBelowBatch_FailsOnTheClientSide()
    {
        using var channel = service.CreateChannel(maxReceiveMessageSize: 1024);
        var client = new AugmentService.AugmentServiceClient(channel);
        var ex = await Assert.ThrowsAsync<RpcException>(() => client.ReadAllAsync(new StreamBatchesRequest { BatchSize = 64 }));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }
}
