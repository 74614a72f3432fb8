using System.Text.Json;
using Hanzo.Qml.Server.Storage;

namespace Hanzo.Qml.Server.Jobs;

/// <summary>A background job as the API returns it.</summary>
/// <param name="Id">Job id.</param>
/// <param name="Kind">train, benchmark, qaoa, hpo or kernel_matrix.</param>
/// <param name="Status">queued, running, succeeded, failed or cancelled.</param>
/// <param name="TargetId">The model, benchmark or kernel it works on, if any.</param>
/// <param name="Progress">0 to 1.</param>
/// <param name="ProgressMessage">Human-readable progress.</param>
/// <param name="Attempts">Starts so far (more than 1 after an interruption).</param>
/// <param name="CancelRequested">Whether cancellation was asked and not yet acted on.</param>
/// <param name="Error">Why it failed or was cancelled.</param>
/// <param name="Result">The result, once succeeded.</param>
/// <param name="CreatedAt">Submission time (UTC).</param>
/// <param name="StartedAt">Last start (UTC).</param>
/// <param name="FinishedAt">End (UTC).</param>
public sealed record JobResponse(
    string Id, string Kind, string Status, string? TargetId, double Progress, string? ProgressMessage, int Attempts,
    bool CancelRequested, string? Error, JsonElement? Result, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt)
{
    /// <summary>The API form of <paramref name="job"/>.</summary>
    /// <param name="job">A stored job.</param>
    public static JobResponse From(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        JsonElement? result = job.ResultJson is null ? null : JsonDocument.Parse(job.ResultJson).RootElement.Clone();
        return new(job.Id, job.Kind, job.Status, job.TargetId, job.Progress, job.ProgressMessage, job.Attempts,
            job.CancelRequested && !JobStatus.IsFinal(job.Status), job.Error, result, Utc(job.CreatedAt), UtcOrNull(job.StartedAt), UtcOrNull(job.FinishedAt));
    }

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    private static DateTime? UtcOrNull(DateTime? t) => t is DateTime v ? Utc(v) : null;
}

/// <summary>Result of listing jobs.</summary>
/// <param name="Jobs">Newest first.</param>
public sealed record JobListResponse(IReadOnlyList<JobResponse> Jobs);
