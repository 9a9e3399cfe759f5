var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGrpc();
var app = builder.Build();
app.MapGrpcService<Augment.Service.Tabular.TabularGrpcService>();
app.MapGrpcService<Augment.Service.Text.TextGrpcService>();
app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
