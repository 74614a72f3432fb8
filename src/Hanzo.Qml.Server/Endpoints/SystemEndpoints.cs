namespace Hanzo.Qml.Server.Endpoints;

/// <summary>Health and backend routes.</summary>
public static class SystemEndpoints
{
    /// <summary>Name of the only backend in this slice.</summary>
    public const string StatevectorBackend = "statevector";

    /// <summary>Largest qubit count the service accepts (a service limit below the simulator's 30).</summary>
    public const int MaxQubits = 20;

    /// <summary>Maps <c>GET /v1/health</c> and <c>GET /v1/backends</c>.</summary>
    /// <param name="app">The route builder.</param>
    public static IEndpointRouteBuilder MapSystemEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("system");
        v1.MapGet("/health", () => TypedResults.Ok(new HealthResponse("ok"))).WithName("Health").AllowAnonymous();
        v1.MapGet("/backends", () => TypedResults.Ok(new BackendsResponse([new BackendInfo(StatevectorBackend, MaxQubits, "available")])))
            .WithName("ListBackends");
        return app;
    }
}
