using Augment.Service.Hosting;
using Augment.Service.Images;

var app = Program.CreateApp(args);
await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point, visible to tests.</summary>
public partial class Program
{
    /// <summary>Builds the app with every gRPC service mapped. Tests call it with their own arguments and configuration.</summary>
    public static WebApplication CreateApp(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = AugmentHost.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services.AddSingleton<Augment.Service.Text.Cbert.CbertModelRegistry>();
        var app = AugmentHost.Build(builder);
        // One line per gRPC service.
        app.MapGrpcService<AugmentGrpcService>();
        app.MapGrpcService<Augment.Service.Tabular.TabularGrpcService>();
        app.MapGrpcService<Augment.Service.Text.TextGrpcService>();
        return app;
    }
}
