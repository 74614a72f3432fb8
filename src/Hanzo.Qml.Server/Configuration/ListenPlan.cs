using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hanzo.Qml.Server.Configuration;

/// <summary>
/// Where the server actually listens, computed from validated options: the API on <c>server.host:server.port</c> and the
/// metrics on the same address and <c>metrics.port</c>. Without any authentication configured a non-loopback host is
/// replaced by 127.0.0.1 (an open service must not be reachable from the network) and <see cref="Warning"/> says so.
/// </summary>
/// <param name="Host">The address bound: an IP literal or <c>localhost</c>.</param>
/// <param name="ApiPort">The API port.</param>
/// <param name="MetricsPort">The metrics port.</param>
/// <param name="MetricsPath">The scrape path.</param>
/// <param name="AuthConfigured">Whether JWT or API keys are configured.</param>
/// <param name="RequestedHost">The configured host, which <see cref="Host"/> overrides when auth is off.</param>
public sealed record ListenPlan(string Host, int ApiPort, int MetricsPort, string MetricsPath, bool AuthConfigured, string RequestedHost)
{
    /// <summary>The loopback address forced when authentication is off.</summary>
    public const string Loopback = "127.0.0.1";

    /// <summary>Computes the plan for <paramref name="options"/> (which must have passed validation).</summary>
    public static ListenPlan From(QmlServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var requested = options.Server.Host.Trim();
        bool auth = options.AuthConfigured;
        var host = auth || IsLoopback(requested) ? requested : Loopback;
        return new ListenPlan(host, options.Server.Port, options.Metrics.Port, options.Metrics.Path, auth, requested);
    }

    /// <summary>True when the configured host was replaced by <see cref="Loopback"/>.</summary>
    public bool HostOverridden => !string.Equals(Host, RequestedHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>The start-up warning when authentication is off, or null when it is on.</summary>
    public string? Warning => AuthConfigured
        ? null
        : "authentication is OFF: listening on 127.0.0.1 only; configure auth.jwt or auth.api_keys to serve other hosts"
          + (HostOverridden ? $" (server.host {RequestedHost} was overridden)" : "");

    /// <summary>The API's base URL.</summary>
    public string ApiUrl => Url(ApiPort);

    /// <summary>The metrics scrape URL.</summary>
    public string MetricsUrl => Url(MetricsPort) + MetricsPath;

    /// <summary>
    /// Parses a host setting: an IP address, or <c>localhost</c> (both loopback addresses). Null when it is neither
    /// (Kestrel binds addresses, not names).
    /// </summary>
    public static IPAddress? ParseHost(string? host)
    {
        if (string.IsNullOrWhiteSpace(host)) return null;
        host = host.Trim();
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var address) ? address : null;
    }

    /// <summary>Applies the plan to Kestrel: one listener per port.</summary>
    public void Apply(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        foreach (var port in new[] { ApiPort, MetricsPort })
        {
            if (string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)) kestrel.ListenLocalhost(port);
            else kestrel.Listen(ParseHost(Host)!, port);
        }
    }

    private static bool IsLoopback(string host) => ParseHost(host) is { } address && IPAddress.IsLoopback(address);

    private string Url(int port)
    {
        var address = ParseHost(Host);
        var shown = address is { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } && !string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)
            ? $"[{address}]" : Host;
        return $"http://{shown}:{port.ToString(CultureInfo.InvariantCulture)}";
    }
}
