using Augment.Contracts.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Augment.Service.Tests.Fixtures;

/// <summary>The real service (Program.CreateApp: every mapped gRPC service) on Kestrel, loopback port 0, h2c, with the
/// <see cref="TestDatasets"/> registered, and a real Grpc.Net.Client channel to it. Use as an xunit class fixture, or
/// <see cref="StartAsync"/> for a server with its own configuration (limits, roots, ...).</summary>
public sealed class ServiceFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly IDictionary<string, string?> _overrides;
    private readonly string[] _args;
    private WebApplication? _app;
    private GrpcChannel? _channel;

    /// <summary>A fixture with the default test configuration (for IClassFixture).</summary>
    public ServiceFixture() : this(new Dictionary<string, string?>(), null) { }

    private ServiceFixture(IDictionary<string, string?> overrides, string[]? args)
    {
        _overrides = overrides;
        _args = args ?? ["--urls", "http://127.0.0.1:0"];
        Datasets = new TestDatasets();
    }

    /// <summary>The datasets on disk.</summary>
    public TestDatasets Datasets { get; }

    /// <summary>The running app.</summary>
    public WebApplication App => _app ?? throw new InvalidOperationException("not started");

    /// <summary>The bound address (http://127.0.0.1:PORT).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1");

    /// <summary>A channel with a 512 MiB receive limit.</summary>
    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException("not started");

    /// <summary>A client on <see cref="Channel"/>.</summary>
    public AugmentService.AugmentServiceClient Client => new(Channel);

    /// <summary>A service from the server's container (worker pool, registry, options).</summary>
    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Starts a server with extra configuration entries (they override appsettings.json and the
    /// test datasets) and optionally other command-line arguments (default: --urls http://127.0.0.1:0).</summary>
    public static async Task<ServiceFixture> StartAsync(IDictionary<string, string?>? overrides = null, string[]? args = null)
    {
        var fixture = new ServiceFixture(overrides ?? new Dictionary<string, string?>(), args);
        try
        {
            await fixture.InitializeAsync();
        }
        catch
        {
            await fixture.DisposeAsync();
            throw;
        }
        return fixture;
    }

    /// <summary>A new channel to the server.</summary>
    public GrpcChannel CreateChannel(int maxReceiveMessageSize = 512 * 1024 * 1024) =>
        GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = maxReceiveMessageSize,
            MaxSendMessageSize = 64 * 1024 * 1024,
        });

    public async Task InitializeAsync()
    {
        var config = Datasets.Configuration();
        foreach (var (key, value) in _overrides)
        {
            config[key] = value;
        }
        _app = Program.CreateApp(_args, builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await _app.StartAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Address = new Uri(addresses.Addresses.First());
        _channel = CreateChannel();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _channel?.Dispose();
        Datasets.Dispose();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
