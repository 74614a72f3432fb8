using Hanzo.Qml.Server.Jobs;
using Hanzo.Qml.Server.Security;
using Hanzo.Qml.Server.Storage;

namespace Hanzo.Qml.Server.Endpoints;

/// <summary>Job routes: status, listing and cancellation of every background job of the caller's organisation.</summary>
public static class JobEndpoints
{
    private static readonly string[] Statuses = [JobStatus.Queued, JobStatus.Running, JobStatus.Succeeded, JobStatus.Failed, JobStatus.Cancelled];

    /// <summary>Maps <c>GET /v1/jobs</c>, <c>GET /v1/jobs/{id}</c>, <c>POST /v1/jobs/{id}/cancel</c> and <c>DELETE /v1/jobs/{id}</c>.</summary>
    /// <param name="app">The route builder.</param>
    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/v1/jobs").WithTags("jobs");
        jobs.MapGet("/", List).WithName("ListJobs").Produces<JobListResponse>().ProducesProblem(StatusCodes.Status400BadRequest);
        jobs.MapGet("/{id}", Get).WithName("GetJob").Produces<JobResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPost("/{id}/cancel", Cancel).WithName("CancelJob").Produces<JobResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapDelete("/{id}", Cancel).WithName("CancelJobByDelete").Produces<JobResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> List(HttpContext http, JobStore store, string? status, string? kind, int? limit, CancellationToken ct)
    {
        if (status is not null && !Statuses.Contains(status))
            return Problems.BadRequest($"Unknown status \"{status}\"; allowed: {string.Join(", ", Statuses)}.");
        int take = limit ?? 50;
        if (take is < 1 or > 500) return Problems.BadRequest($"\"limit\" is {take}; allowed: 1 to 500.");
        var list = await store.ListAsync(Organisation.Of(http), status, kind, take, ct);
        return TypedResults.Ok(new JobListResponse([.. list.Select(JobResponse.From)]));
    }

    private static async Task<IResult> Get(string id, HttpContext http, JobStore store, CancellationToken ct)
    {
        var job = await store.FindAsync(Organisation.Of(http), id, ct);
        return job is null ? UnknownJob(id) : TypedResults.Ok(JobResponse.From(job));
    }

    private static async Task<IResult> Cancel(string id, HttpContext http, JobStore store, CancellationToken ct)
    {
        var job = await store.RequestCancelAsync(Organisation.Of(http), id, ct);
        return job is null ? UnknownJob(id) : TypedResults.Ok(JobResponse.From(job));
    }

    /// <summary>Queues a job of <paramref name="kind"/> for the caller's organisation and answers 202 with it at <paramref name="route"/>/{id}.</summary>
    internal static async Task<IResult> SubmitAsync(HttpContext http, JobStore store, JobSignal signal, string kind, string requestJson, string route, CancellationToken ct)
    {
        var job = await store.EnqueueAsync(Organisation.Of(http), kind, null, requestJson, ct);
        signal.Notify();
        return TypedResults.Accepted($"{route}/{job.Id}", JobResponse.From(job));
    }

    /// <summary>A job of <paramref name="kind"/> of the caller's organisation, or a 404 that says where such jobs are submitted.</summary>
    internal static async Task<IResult> GetOfKindAsync(string id, string kind, string what, string submitRoute, HttpContext http, JobStore store, CancellationToken ct)
    {
        var job = await store.FindAsync(Organisation.Of(http), id, ct);
        return job is null || job.Kind != kind
            ? Problems.NotFound($"No {what} job with id \"{id}\" in your organisation. Submit one with POST {submitRoute}.")
            : TypedResults.Ok(JobResponse.From(job));
    }

    /// <summary>The 404 for a job id the caller cannot see.</summary>
    /// <param name="id">The id asked for.</param>
    internal static IResult UnknownJob(string id) => Problems.NotFound($"No job with id \"{id}\" in your organisation. List yours with GET /v1/jobs.");
}
