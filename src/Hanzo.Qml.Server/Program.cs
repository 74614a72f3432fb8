using Hanzo.Qml.Server;
using Hanzo.Qml.Server.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddHanzoQmlServer();
var app = builder.Build();
app.UseHanzoQmlServer();
app.MapSystemEndpoints();
app.MapKernelEndpoints();
app.MapJobEndpoints();
app.MapQaoaEndpoints();
app.MapBenchmarkEndpoints();
app.MapHpoEndpoints();
app.MapModelEndpoints();
app.MapCircuitEndpoints();
app.MapBudgetEndpoints();
app.Run();

/// <summary>The service's entry point; public so tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program { }
