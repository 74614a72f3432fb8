using System.Net;
using System.Net.Sockets;
using Hanzo.Qml.Server;
using Hanzo.Qml.Server.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Hanzo.Qml.Bench;

/// <summary>
/// The real service on Kestrel in this process, on free loopback ports with its own SQLite file. Everything that
/// couples the benchmark to the server's entry point is in <see cref="StartAsync"/>, so it can follow changes there.
/// </summary>
internal sealed class ServiceLoadHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private ServiceLoadHost(WebApplication app, string folder, int port)
    {
        _app = app;
        _folder = folder;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Where the API listens (IPv4 loopback, so no name resolution or IPv6 fallback in the measured path).</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// Builds and starts the service the way its Program.cs does (same extension methods, same route groups) with
    /// settings given in memory. Without auth settings it serves anonymously on loopback, as the benchmark wants.
    /// </summary>
    /// <param name="serverLogLevel">Minimum log level of the server (Microsoft.Extensions.Logging names).</param>
    /// <param name="apiKey">When set, the server requires this API key (organisation "bench"), as a production server would.</param>
    public static async Task<ServiceLoadHost> StartAsync(string serverLogLevel, string? apiKey = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hanzo-qml-bench-service", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        int port = FreeLoopbackPort(), metricsPort = FreeLoopbackPort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Server:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Metrics:Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Database:Path"] = Path.Combine(folder, "load.db"),
            ["Jobs:Workers"] = "1",
            ["Logging:Level"] = serverLogLevel.ToLowerInvariant(),
        });
        if (apiKey is not null)
        {
            // The server reads keys from the environment variable its configuration names, never from the configuration.
            Environment.SetEnvironmentVariable(ApiKeyVariable, apiKey);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Auth:ApiKeys:0:KeyEnv"] = ApiKeyVariable,
                ["Auth:ApiKeys:0:Organisation"] = "bench",
            });
        }
        builder.AddHanzoQmlServer();
        var app = builder.Build();
        app.UseHanzoQmlServer();
        QmlServerHost.MapRoutes(app);
        await app.StartAsync();
        return new ServiceLoadHost(app, folder, port);
    }

    /// <summary>Environment variable that carries the benchmark's API key to the server.</summary>
    public const string ApiKeyVariable = "HANZO_QML_BENCH_API_KEY";

    /// <summary>Stops the server and deletes its database folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the numbers are already printed.
        }
    }

    // The OS picks a free port and it is released for Kestrel; the race with another process is accepted (a clash
    // fails the start loudly rather than measuring the wrong thing). Kestrel's ListenLocalhost refuses port 0.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
