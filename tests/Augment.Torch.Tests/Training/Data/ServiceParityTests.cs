using Augment.Contracts.V1;
using Augment.Core.Pipelines;
using Augment.Torch.Training.Data;
using Augment.Torch.Training.Runs;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Augment.Torch.Tests.Training.Data;

/// <summary>The trainer's augmented samples against the real service (Program.CreateApp on Kestrel, loopback port 0,
/// h2c) streaming the built-in sample dataset with the same pipeline and seed.</summary>
public sealed class ServiceParityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-parity-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Pipeline RandomPipeline() => new()
    {
        Nodes =
        {
            new Node { Id = "crop", RandomCrop = new RandomCrop { Width = 28, Height = 28, Padding = 3 } },
            new Node { Id = "flip", P = 0.5f, HorizontalFlip = new HorizontalFlip() },
            new Node { Id = "rot", Rotate = new Rotate { Degrees = new Augment.Contracts.V1.Range { Min = -15, Max = 15 } } },
        },
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EpochAsync_SamePipelineAndSeed_IsByteIdenticalToServiceStream(bool balanced)
    {
        const ulong seed = 17;
        const int batchSize = 250;
        var specPath = Path.Combine(_dir, "aug.json");
        File.WriteAllText(specPath, SpecJson.Format(RandomPipeline()));
        var (train, _) = DatasetResolver.Load(Path.Combine(AppContext.BaseDirectory, "data", "sample"));
        var augmented = train.WithAugmentation(PipelineAugmentation.For(PipelineCompiler.Compile(SpecJson.ParseFile(specPath)), train.SampleShape));
        var loader = new BatchLoader(augmented, batchSize, seed, shuffle: true, balanced: balanced, workers: 2);

        await using var app = Program.CreateApp(["--urls", "http://127.0.0.1:0"], builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
            var client = new AugmentService.AugmentServiceClient(channel);
            var request = new StreamBatchesRequest
            {
                Dataset = "sample", BatchSize = batchSize, Epochs = 2, Seed = seed, Pipeline = SpecJson.ParseFile(specPath),
                Balance = new Balance { Mode = balanced ? BalanceMode.Oversample : BalanceMode.None },
            };
            using var call = client.StreamBatches(request);
            var streamed = new List<Batch>();
            await foreach (var batch in call.ResponseStream.ReadAllAsync())
            {
                streamed.Add(batch);
            }
            var compared = 0;
            var differsFromRaw = false;
            var raw = new byte[28 * 28];
            foreach (var epoch in new[] { 0L, 1L })
            {
                var served = streamed.Where(b => b.Epoch == epoch).OrderBy(b => b.BatchIndex).ToList();
                var mine = new List<HostBatch>();
                await foreach (var b in loader.EpochAsync(epoch))
                {
                    mine.Add(b);
                }
                Assert.Equal(loader.BatchCount, served.Count);
                Assert.Equal(mine.Count, served.Count);
                for (var i = 0; i < mine.Count; i++)
                {
                    Assert.Equal([(long)mine[i].Count, 28, 28, 1], served[i].Image.Images.Shape);
                    Assert.Equal(served[i].Labels.Data.ToByteArray(), System.Runtime.InteropServices.MemoryMarshal.AsBytes(mine[i].Labels.AsSpan()).ToArray());
                    Assert.True(served[i].Image.Images.Data.Span.SequenceEqual(mine[i].Features),
                        $"epoch {epoch} batch {i}: the trainer's augmented pixels differ from the service's");
                    var firstIndex = (int)BitConverter.ToInt64(served[i].Indices.Data.Span[..8]);
                    train.Read(firstIndex, default, raw);
                    differsFromRaw |= !raw.AsSpan().SequenceEqual(mine[i].Features.AsSpan(0, raw.Length));
                    compared += mine[i].Count;
                }
            }
            Assert.Equal(2 * loader.EpochSize, compared);
            Assert.True(differsFromRaw, "the pipeline should have changed some samples (otherwise the comparison proves nothing)");
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
