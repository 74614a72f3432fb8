using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Hpo;
using Hanzo.Qml.Server.Jobs;
using Hanzo.Qml.Server.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Endpoints;

/// <summary>Quantum-enhanced hyperparameter search as background jobs: <c>POST /v1/hpo/quantum</c>, <c>GET /v1/hpo/{id}</c>.</summary>
public static class HpoEndpoints
{
    /// <summary>Maps the routes.</summary>
    /// <param name="app">The route builder.</param>
    public static IEndpointRouteBuilder MapHpoEndpoints(this IEndpointRouteBuilder app)
    {
        var hpo = app.MapGroup("/v1/hpo").WithTags("hpo");
        hpo.MapPost("/quantum", Submit).WithName("SubmitQuantumHpo").Accepts<HpoRequest>("application/json")
            .Produces<JobResponse>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest);
        hpo.MapGet("/{id}", Get).WithName("GetHpo").Produces<JobResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Submit(HttpContext http, HttpRequest request, JobStore store, JobSignal signal,
        IOptions<JsonOptions> json, IOptions<QmlServerOptions> config, CancellationToken ct)
    {
        var options = json.Value.SerializerOptions;
        var (body, error) = await JsonBody.ReadAsync<HpoRequest>(request, options, ct);
        if (error is not null) return error;
        try
        {
            body!.Resolve(config.Value.Limits.MaxBatchRows);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message, "Invalid HPO request");
        }
        return await JobEndpoints.SubmitAsync(http, store, signal, HpoJobHandler.KindName, JsonBody.Serialize(body, options), "/v1/hpo", ct);
    }

    private static Task<IResult> Get(string id, HttpContext http, JobStore store, CancellationToken ct) =>
        JobEndpoints.GetOfKindAsync(id, HpoJobHandler.KindName, "HPO", "/v1/hpo/quantum", http, store, ct);
}
