namespace Hanzo.Qml.Server.Storage;

/// <summary>
/// A durable background job. A worker owns a running job through a lease (<see cref="LeaseOwner"/>,
/// <see cref="LeaseExpiresAt"/>) taken and renewed by conditional updates, so that two server processes on one database
/// never run it at the same time, and a job whose process died is taken over once its lease expires.
/// </summary>
public sealed class JobRecord
{
    /// <summary>Identifier, e.g. <c>j_3f…</c>.</summary>
    public required string Id { get; set; }

    /// <summary>Owner.</summary>
    public required string OrganisationId { get; set; }

    /// <summary>What it does: train, benchmark, qaoa, hpo or kernel_matrix.</summary>
    public required string Kind { get; set; }

    /// <summary>The object it works on (model, benchmark or kernel id), if any.</summary>
    public string? TargetId { get; set; }

    /// <summary>queued, running, succeeded, failed or cancelled (<see cref="JobStatus"/>).</summary>
    public required string Status { get; set; }

    /// <summary>The job's input (snake_case JSON).</summary>
    public required string RequestJson { get; set; }

    /// <summary>The result (snake_case JSON) once succeeded; large results live in their own table.</summary>
    public string? ResultJson { get; set; }

    /// <summary>Why it failed or was cancelled.</summary>
    public string? Error { get; set; }

    /// <summary>Progress from 0 to 1.</summary>
    public double Progress { get; set; }

    /// <summary>Human-readable progress, e.g. "epoch 3/20".</summary>
    public string? ProgressMessage { get; set; }

    /// <summary>How many times a worker has started it (more than one after a crash or restart).</summary>
    public int Attempts { get; set; }

    /// <summary>Worker currently holding the lease, or null.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the lease lapses unless renewed (UTC).</summary>
    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>Set by a cancellation request; the running worker sees it at its next heartbeat.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>When it was submitted (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When a worker last started it (UTC).</summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>When it reached a final state (UTC).</summary>
    public DateTime? FinishedAt { get; set; }

    /// <summary>Last change (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The job states, as stored and as returned by the API.</summary>
public static class JobStatus
{
    /// <summary>Waiting for a worker.</summary>
    public const string Queued = "queued";

    /// <summary>A worker holds it.</summary>
    public const string Running = "running";

    /// <summary>Finished with a result.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Finished with an error.</summary>
    public const string Failed = "failed";

    /// <summary>Stopped on request.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Whether <paramref name="status"/> is final.</summary>
    /// <param name="status">A status.</param>
    public static bool IsFinal(string status) => status is Succeeded or Failed or Cancelled;
}
