using Augment.Core.Data;
using Augment.Core.Imaging;
using Augment.Service.Images;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Augment.Service.Hosting;

/// <summary>Builds the web application: Kestrel forced to HTTP/2 (h2c without TLS) on every endpoint, the
/// default URL when none is configured, message size limits, datasets, workers, health and reflection.</summary>
public static class AugmentHost
{
    /// <summary>A builder with configuration from the standard sources (appsettings.json, environment, command line).
    /// The content root is the current directory as usual, except when it holds no appsettings.json and none was
    /// chosen (--contentRoot, ASPNETCORE_CONTENTROOT): then the application's folder, so that
    /// <c>dotnet path/to/Augment.Service.dll</c> finds its appsettings.json from anywhere.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var chosen = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null;
        var useAppFolder = !chosen
            && !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            && File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        return WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = useAppFolder ? AppContext.BaseDirectory : null,
        });
    }

    /// <summary>Registers the services and builds the app with health and reflection mapped. The caller maps the
    /// gRPC services (Program.cs) and runs it.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var options = new ServiceOptions();
        config.GetSection(ServiceOptions.Section).Bind(options);
        options.Validate();
        var sharedMemory = new SharedMemorySettings();
        config.GetSection(SharedMemorySettings.Section).Bind(sharedMemory);
        sharedMemory.Validate();
        var data = new DataOptions();
        config.GetSection("Augment:Data").Bind(data);

        if (!HasConfiguredUrls(config))
        {
            builder.WebHost.UseUrls(ServiceOptions.DefaultUrl);
        }
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));

        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        builder.Services.AddSingleton(data);
        builder.Services.AddSingleton(sp => new DatasetRegistry(data, builder.Environment.ContentRootPath, AppContext.BaseDirectory, DecodeLimits.Default));
        builder.Services.AddSingleton(_ => new WorkerPool(options.MaxWorkers));
        builder.Services.AddSingleton(new StreamGate(options.MaxConcurrentStreams));
        builder.Services.AddSingleton(sp => new Batches.StreamDatasetCatalog(data, builder.Environment.ContentRootPath));
        builder.Services.AddSingleton(new Batches.BatchBufferPool());
        builder.Services.AddSingleton<Batches.BatchStreamRunner>();
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(sharedMemory));
        builder.Services.AddSingleton<Batches.SharedMemoryStreams>();
        builder.Services.AddGrpc(o =>
        {
            o.MaxSendMessageSize = options.MaxSendMessageBytes;
            o.MaxReceiveMessageSize = options.MaxReceiveMessageBytes;
            o.EnableDetailedErrors = false;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<DatasetsHealthCheck>("datasets");

        var app = builder.Build();
        // Fail at startup, naming the setting, when the dataset configuration is wrong.
        app.Services.GetRequiredService<DatasetRegistry>();
        app.Services.GetRequiredService<Batches.StreamDatasetCatalog>();
        // Ring files of earlier server processes that were killed before they could delete them.
        Batches.SharedMemoryRingWriter.RemoveStale(sharedMemory.Directory);
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>Whether an address comes from --urls, ASPNETCORE_URLS, (ASPNETCORE_)HTTP(S)_PORTS or Kestrel:Endpoints.</summary>
    internal static bool HasConfiguredUrls(IConfiguration config) =>
        !string.IsNullOrWhiteSpace(config["urls"])
        || !string.IsNullOrWhiteSpace(config["http_ports"])
        || !string.IsNullOrWhiteSpace(config["https_ports"])
        || config.GetSection("Kestrel:Endpoints").GetChildren().Any();

}
