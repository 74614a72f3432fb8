using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Endpoints;

namespace Hanzo.Qml.Server;

/// <summary>
/// Builds and runs the HTTP service. <c>Program.cs</c> (<c>dotnet run --project src/Hanzo.Qml.Server</c>) and
/// <c>hanzo-qml serve</c> both come here, so both read the same configuration, log the same way and map the same routes.
/// </summary>
public static class QmlServerHost
{
    /// <summary>The prefix of the error block on standard error (the CLI's).</summary>
    public const string ErrorPrefix = "hanzo-qml: error: ";

    /// <summary>Exit code after a graceful stop.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code when the server could not start for a reason other than configuration (port in use, database down).</summary>
    public const int ExitStartFailure = 1;

    /// <summary>Exit code for an invalid configuration or bad flags.</summary>
    public const int ExitBadConfiguration = 2;

    /// <summary>Builds the application: configuration, services, middleware and routes.</summary>
    /// <param name="args">ASP.NET arguments (<c>--Key=value</c> settings); not the <see cref="ServeOverrides"/> flags.</param>
    /// <param name="overrides">Command-line flags.</param>
    /// <exception cref="QmlConfigurationException">When the configuration is invalid.</exception>
    public static WebApplication BuildApp(string[] args, ServeOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(overrides);
        var builder = WebApplication.CreateBuilder(args);
        builder.AddHanzoQmlServer(overrides);
        var app = builder.Build();
        app.UseHanzoQmlServer();
        MapRoutes(app);
        return app;
    }

    /// <summary>Maps every route of the service; one line per group.</summary>
    /// <param name="app">The application.</param>
    public static void MapRoutes(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The API answers on the API port only, as /metrics answers on the metrics port only.
        var plan = app.Services.GetRequiredService<ListenPlan>();
        var api = app.MapGroup("");
        api.RequireHost($"*:{plan.ApiPort}");
        api.MapSystemEndpoints();
        api.MapKernelEndpoints();
        api.MapCircuitEndpoints();
        api.MapModelEndpoints();
        api.MapBenchmarkEndpoints();
        api.MapQaoaEndpoints();
        api.MapHpoEndpoints();
        api.MapJobEndpoints();
        api.MapBudgetEndpoints();
    }

    /// <summary>
    /// Builds the application and runs it until <paramref name="cancellationToken"/> fires or the process gets
    /// SIGINT/SIGTERM (Ctrl-C), then stops gracefully (in-flight requests finish, within the host's shutdown timeout).
    /// </summary>
    /// <exception cref="QmlConfigurationException">When the configuration is invalid.</exception>
    public static Task RunAsync(string[] args, ServeOverrides overrides, CancellationToken cancellationToken = default) =>
        HostingAbstractionsHostExtensions.RunAsync(BuildApp(args, overrides), cancellationToken);

    /// <summary>
    /// <see cref="RunAsync"/> with the command-line contract: an invalid configuration is printed as one block on
    /// <paramref name="stderr"/> (exit code 2), a failure to start as one line (exit code 1), a graceful stop gives 0.
    /// </summary>
    public static async Task<int> ServeAsync(string[] args, ServeOverrides overrides, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            await RunAsync(args, overrides, cancellationToken).ConfigureAwait(false);
            return ExitOk;
        }
        catch (QmlConfigurationException e)
        {
            await stderr.WriteLineAsync(ErrorPrefix + e.Message).ConfigureAwait(false);
            await stderr.FlushAsync(cancellationToken).ConfigureAwait(false);
            return ExitBadConfiguration;
        }
        // HostAbortedException is how WebApplicationFactory stops the entry point once it has the host: let it through.
        catch (Exception e) when (e is not HostAbortedException and not OperationCanceledException)
        {
            await stderr.WriteLineAsync($"{ErrorPrefix}the server could not start: {OneLine(e.Message)}").ConfigureAwait(false);
            await stderr.FlushAsync(cancellationToken).ConfigureAwait(false);
            return ExitStartFailure;
        }
    }

    /// <summary>The server executable's entry point: parses the flags out of <paramref name="args"/> and serves.</summary>
    public static async Task<int> MainAsync(string[] args)
    {
        ServeOverrides overrides;
        string[] rest;
        try
        {
            overrides = ServeOverrides.Parse(args, out rest);
        }
        catch (QmlConfigurationException e)
        {
            await Console.Error.WriteLineAsync(ErrorPrefix + e.Message).ConfigureAwait(false);
            return ExitBadConfiguration;
        }
        return await ServeAsync(rest, overrides, Console.Error).ConfigureAwait(false);
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
