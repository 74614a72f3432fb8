using System.CommandLine;
using System.Runtime.CompilerServices;
using Hanzo.Qml.Server;
using Hanzo.Qml.Server.Configuration;

namespace Hanzo.Qml.Cli.Commands;

/// <summary>
/// <c>hanzo-qml serve [--config FILE] [--port N] [--metrics-port N] [--host H]</c>: runs the HTTP service in the
/// foreground until Ctrl-C or SIGTERM, then stops gracefully. Configuration as in <see cref="QmlConfiguration"/>; an
/// invalid configuration prints every problem as one block on standard error and exits with code 2.
/// </summary>
public static class ServeCommand
{
    /// <summary>Builds the command; errors go to <paramref name="stderr"/>, logs to the console as configured.</summary>
    public static Command Create(TextWriter stderr)
    {
        var config = new Option<string?>("--config") { Description = $"YAML configuration file (default: $HANZO_QML_CONFIG, else {QmlConfiguration.DefaultConfigPath} when it exists)" };
        var port = new Option<int?>("--port") { Description = "API port (default 8072; beats the file and HANZO_QML_PORT)" };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Prometheus metrics port (default 9090)" };
        var host = new Option<string?>("--host") { Description = "Address to bind (default 127.0.0.1; without auth always loopback)" };
        var command = new Command("serve", "Run the HTTP service (API on --port, Prometheus metrics on --metrics-port)") { config, port, metricsPort, host };
        command.SetAction(p => Serve(p.GetValue(config), p.GetValue(port), p.GetValue(metricsPort), p.GetValue(host), stderr));
        return command;
    }

    /// <summary>
    /// Serves until stopped. Kept out of <see cref="Create"/> so that building the command line for the other commands
    /// does not load the server assembly and ASP.NET Core (the JIT loads a method's types when it compiles it).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Serve(string? config, int? port, int? metricsPort, string? host, TextWriter stderr)
    {
        // Synchronous on purpose: the host's own console lifetime handles SIGINT/SIGTERM and drains requests, which a
        // cancellation from the command-line library would cut short.
        var overrides = new ServeOverrides(config, port, metricsPort, host);
        return QmlServerHost.ServeAsync([], overrides, stderr).GetAwaiter().GetResult();
    }
}
