using Hanzo.Qml.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Endpoints;

/// <summary>Health and backend routes.</summary>
public static class SystemEndpoints
{
    /// <summary>Type (and default name) of the local simulator backend, the only engine today.</summary>
    public const string StatevectorBackend = "statevector";

    /// <summary>Default largest qubit count of the simulator backend (a service limit below the simulator's 30).</summary>
    public const int MaxQubits = 20;

    /// <summary>Maps <c>GET /v1/health</c> and <c>GET /v1/backends</c>.</summary>
    /// <param name="app">The route builder.</param>
    public static IEndpointRouteBuilder MapSystemEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("system");
        v1.MapGet("/health", () => TypedResults.Ok(new HealthResponse("ok"))).WithName("Health").AllowAnonymous();
        v1.MapGet("/backends", (IOptions<QmlServerOptions> options) =>
            {
                // Only the local statevector engine exists; a configured backend of another type is listed as unavailable.
                var list = options.Value.Backends.Select(b => new BackendInfo(b.Name, b.MaxQubits,
                    b.Type == StatevectorBackend ? "available" : "unavailable", b.Type, b.PricePerExecution, b.PricePerShot)).ToList();
                foreach (var b in list) ServerMetrics.BackendStatus.WithLabels(b.Name).Set(b.Status == "available" ? 1 : 0);
                return TypedResults.Ok(new BackendsResponse(list));
            })
            .WithName("ListBackends");
        return app;
    }
}
