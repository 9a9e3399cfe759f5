var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGrpc();
var app = builder.Build();
app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
