using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Augment.Contracts.V1;
using Augment.Service.Tests.Fixtures;
using Grpc.Net.Client;

namespace Augment.Service.Tests.Hosting;

public sealed class TlsEndpointTests
{
    [Fact]
    public async Task Build_HttpsEndpointFromConfiguration_ServesGrpcOverTls()
    {
        using var files = new TestDatasets();
        var pfx = Path.Combine(files.Root, "server.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllBytesAsync(pfx, cert.Export(X509ContentType.Pfx, "pw"));
        }
        await using var service = await ServiceFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:tls:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:tls:Certificate:Path"] = pfx,
            ["Kestrel:Endpoints:tls:Certificate:Password"] = "pw",
        }, args: []);
        Assert.Equal("https", service.Address.Scheme);
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        using var channel = GrpcChannel.ForAddress(service.Address, new GrpcChannelOptions { HttpHandler = handler, MaxReceiveMessageSize = 64 << 20 });
        var client = new AugmentService.AugmentServiceClient(channel);
        var batches = await client.ReadAllAsync(new StreamBatchesRequest { Dataset = "imbalanced", BatchSize = 45 });
        Assert.Equal([45L, 8, 8, 1], batches.Single().Image.Images.Shape);
    }
}
