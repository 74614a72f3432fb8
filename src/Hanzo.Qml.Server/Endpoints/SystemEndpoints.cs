using Hanzo.Qml.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Endpoints;

/// <summary>Health and backend routes.</summary>
public static class SystemEndpoints
{
    /// <summary>
    /// The configured backends as the API lists them. Only the local statevector engine exists; a backend of another
    /// type is listed as unavailable.
    /// </summary>
    /// <param name="options">The service configuration.</param>
    public static IReadOnlyList<BackendInfo> Describe(QmlServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. options.Backends.Select(b => new BackendInfo(b.Name, b.MaxQubits,
            b.Type == Circuits.CircuitBackends.StatevectorType ? "available" : "unavailable", b.Type, b.PricePerExecution, b.PricePerShot))];
    }

    /// <summary>Maps <c>GET /v1/health</c> and <c>GET /v1/backends</c>.</summary>
    /// <param name="app">The route builder.</param>
    public static IEndpointRouteBuilder MapSystemEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("system");
        v1.MapGet("/health", () => TypedResults.Ok(new HealthResponse("ok"))).WithName("Health").AllowAnonymous();
        v1.MapGet("/backends", (IOptions<QmlServerOptions> options) => TypedResults.Ok(new BackendsResponse(Describe(options.Value))))
            .WithName("ListBackends");
        return app;
    }
}
