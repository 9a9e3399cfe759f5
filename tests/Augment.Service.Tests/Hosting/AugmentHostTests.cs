using Augment.Contracts.V1;
using Augment.Service.Hosting;
using Augment.Service.Tests.Fixtures;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Microsoft.Extensions.Configuration;

namespace Augment.Service.Tests.Hosting;

public sealed class AugmentHostTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Build_HealthService_ReportsServing()
    {
        var health = new Health.HealthClient(service.Channel);
        var response = await health.CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Build_Reflection_ListsTheAugmentService()
    {
        var reflection = new ServerReflection.ServerReflectionClient(service.Channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("augment.v1.AugmentService", names);
        Assert.Contains("grpc.health.v1.Health", names);
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:6000", true)]
    [InlineData("http_ports", "6000", true)]
    [InlineData("Kestrel:Endpoints:main:Url", "http://127.0.0.1:6000", true)]
    [InlineData("Logging:LogLevel:Default", "Warning", false)]
    public void HasConfiguredUrls_Source_IsDetected(string key, string value, bool expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        Assert.Equal(expected, AugmentHost.HasConfiguredUrls(config));
    }

    [Fact]
    public async Task Build_KestrelEndpointFromConfiguration_ServesH2c()
    {
        await using var configured = await ServiceFixture.StartAsync(
            new Dictionary<string, string?> { ["Kestrel:Endpoints:main:Url"] = "http://127.0.0.1:0" }, args: []);
        Assert.Equal("127.0.0.1", configured.Address.Host);
        Assert.NotEqual(50051, configured.Address.Port);
        var info = await configured.Client.DescribeDatasetAsync(new DescribeDatasetRequest { Name = "sample" });
        Assert.Equal(4000, info.SampleCount);
    }

    [Fact]
    public async Task Build_InvalidServiceOptions_FailsNamingTheSetting()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceFixture.StartAsync(
            new Dictionary<string, string?> { ["Augment:Service:MaxSendMessageBytes"] = "1000" }));
        Assert.Contains("Augment:Service:MaxSendMessageBytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_BadDatasetKind_FailsAtStartupNamingTheSetting()
    {
        var ex = await Assert.ThrowsAsync<Augment.Core.Data.DatasetException>(() => ServiceFixture.StartAsync(
            new Dictionary<string, string?> { ["Augment:Data:Datasets:x:Kind"] = "csv", ["Augment:Data:Datasets:x:Path"] = "/tmp" }));
        Assert.Contains("Augment:Data:Datasets:x:Kind", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_AreConsistent()
    {
        var options = new ServiceOptions();
        options.Validate();
        Assert.Equal("http://127.0.0.1:50051", ServiceOptions.DefaultUrl);
        Assert.True(options.MaxSendMessageBytes > options.MaxBatchBytes);
        Assert.Equal(StatusCode.OK, new Status(StatusCode.OK, "").StatusCode);
    }
}
