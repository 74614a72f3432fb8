using System.Text.Json;
using Hanzo.Qml.Server.Benchmarks;
using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Jobs;
using Hanzo.Qml.Server.Security;
using Hanzo.Qml.Server.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Endpoints;

/// <summary>A benchmark as the API returns it.</summary>
/// <param name="Id">Benchmark id.</param>
/// <param name="Status">The job's status.</param>
/// <param name="Progress">0 to 1.</param>
/// <param name="ProgressMessage">What the runner is doing.</param>
/// <param name="Job">The job running it.</param>
/// <param name="QuantumAdvantage">Whether the quantum model won significantly; null until finished.</param>
/// <param name="Recommendation">The report's recommendation; null until finished.</param>
/// <param name="Report">The full report (JSON), once finished.</param>
/// <param name="CreatedAt">Submission time (UTC).</param>
/// <param name="CompletedAt">When the report was stored (UTC).</param>
public sealed record BenchmarkResponse(string Id, string Status, double Progress, string? ProgressMessage, JobResponse Job,
    bool? QuantumAdvantage, string? Recommendation, JsonElement? Report, DateTime CreatedAt, DateTime? CompletedAt);

/// <summary>Benchmark routes: run one as a job, read its state and report, and the report as Markdown or HTML.</summary>
public static class BenchmarkEndpoints
{
    /// <summary>Maps <c>POST /v1/benchmark</c>, <c>GET /v1/benchmark/{id}</c> and <c>GET /v1/benchmark/{id}/report</c>.</summary>
    /// <param name="app">The route builder.</param>
    public static IEndpointRouteBuilder MapBenchmarkEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/benchmark").WithTags("benchmark");
        group.MapPost("/", Submit).WithName("RunBenchmark").Accepts<BenchmarkRequest>("application/json")
            .Produces<BenchmarkResponse>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id}", Get).WithName("GetBenchmark").Produces<BenchmarkResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/report", Report).WithName("GetBenchmarkReport")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", "text/html", "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> Submit(HttpContext http, HttpRequest request, JobStore store, JobSignal signal,
        IOptions<JsonOptions> json, IOptions<QmlServerOptions> config, CancellationToken ct)
    {
        var options = json.Value.SerializerOptions;
        var (body, error) = await JsonBody.ReadAsync<BenchmarkRequest>(request, options, ct);
        if (error is not null) return error;
        try
        {
            body!.Resolve(config.Value.Limits.MaxBatchRows, Circuits.CircuitBackends.MaxQubits(config.Value));
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message, "Invalid benchmark");
        }
        var org = Organisation.Of(http);
        var now = DateTime.UtcNow;
        string jobId = JobStore.NewId(), id = "b_" + Guid.NewGuid().ToString("N");
        var record = new BenchmarkRecord { Id = id, OrganisationId = org, RequestJson = JsonBody.Serialize(body, options), JobId = jobId, CreatedAt = now };
        store.Db.Benchmarks.Add(record);
        var job = await store.EnqueueAsync(org, BenchmarkJobHandler.KindName, id, record.RequestJson, ct, jobId);
        signal.Notify();
        return TypedResults.Accepted($"/v1/benchmark/{id}", ToResponse(record, job, includeReport: false));
    }

    private static async Task<IResult> Get(string id, HttpContext http, JobStore store, CancellationToken ct)
    {
        var org = Organisation.Of(http);
        var record = await store.Db.Benchmarks.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.OrganisationId == org, ct);
        if (record is null) return Unknown(id);
        var job = await store.FindAsync(org, record.JobId, ct);
        return job is null ? Unknown(id) : TypedResults.Ok(ToResponse(record, job, includeReport: true));
    }

    private static async Task<IResult> Report(string id, HttpContext http, JobStore store, CancellationToken ct)
    {
        var org = Organisation.Of(http);
        var record = await store.Db.Benchmarks.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.OrganisationId == org, ct);
        if (record is null) return Unknown(id);
        if (record.ReportMarkdown is null)
        {
            var job = await store.FindAsync(org, record.JobId, ct);
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Report not ready",
                detail: $"Benchmark \"{id}\" is {job?.Status ?? "unknown"}{(job?.Error is { } e ? $" ({e})" : "")}; its report exists once the job has succeeded. Poll GET /v1/benchmark/{id}.");
        }
        var accept = http.Request.GetTypedHeaders().Accept;
        string? best = accept.OrderByDescending(a => a.Quality ?? 1).Select(a => a.MediaType.Value).FirstOrDefault(t => t is "text/html" or "text/markdown" or "application/json" or "text/plain" or "*/*" or "text/*");
        return best switch
        {
            "text/html" => Results.Text(CompressedText.Decompress(record.ReportHtml!), "text/html; charset=utf-8"),
            "application/json" => Results.Text(CompressedText.Decompress(record.ReportJson!), "application/json; charset=utf-8"),
            _ => Results.Text(CompressedText.Decompress(record.ReportMarkdown), "text/markdown; charset=utf-8"),
        };
    }

    private static BenchmarkResponse ToResponse(BenchmarkRecord b, JobRecord job, bool includeReport)
    {
        JsonElement? report = includeReport && b.ReportJson is { } bytes ? JsonDocument.Parse(CompressedText.Decompress(bytes)).RootElement.Clone() : null;
        return new(b.Id, job.Status, job.Progress, job.ProgressMessage, JobResponse.From(job), b.QuantumAdvantage, b.Recommendation, report,
            DateTime.SpecifyKind(b.CreatedAt, DateTimeKind.Utc), b.CompletedAt is DateTime c ? DateTime.SpecifyKind(c, DateTimeKind.Utc) : null);
    }

    private static IResult Unknown(string id) => Problems.NotFound($"No benchmark with id \"{id}\" in your organisation. Start one with POST /v1/benchmark.");
}
