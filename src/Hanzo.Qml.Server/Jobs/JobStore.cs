using Hanzo.Qml.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hanzo.Qml.Server.Jobs;

/// <summary>
/// Job rows and the conditional updates that make them durable and exclusive: a worker claims a job only if it is
/// still claimable at the moment of the update (queued, or running with a lapsed lease), renews and finishes it only
/// while it still holds the lease, so two processes sharing one database can never run or finish the same job twice.
/// Both SQLite (one writer at a time) and PostgreSQL (the WHERE clause is re-checked on the locked row) give that.
/// </summary>
/// <param name="db">The context of the current scope.</param>
public sealed class JobStore(QmlDbContext db)
{
    /// <summary>The context (for handlers that persist their results in the completing transaction).</summary>
    public QmlDbContext Db => db;

    /// <summary>Stores a new queued job.</summary>
    /// <param name="organisationId">Owner.</param>
    /// <param name="kind">Job kind.</param>
    /// <param name="targetId">Object it works on, if any.</param>
    /// <param name="requestJson">Its input.</param>
    /// <param name="ct">Cancels the write.</param>
    /// <param name="id">The job's id when the caller needs it in advance (to store it with its target in the same save), else a new one.</param>
    /// <remarks>Entities the caller added to <see cref="Db"/> are saved in the same <c>SaveChanges</c>, so a target and its job land together.</remarks>
    public async Task<JobRecord> EnqueueAsync(string organisationId, string kind, string? targetId, string requestJson, CancellationToken ct = default, string? id = null)
    {
        var now = DateTime.UtcNow;
        var job = new JobRecord
        {
            Id = id ?? NewId(),
            OrganisationId = organisationId,
            Kind = kind,
            TargetId = targetId,
            Status = JobStatus.Queued,
            RequestJson = requestJson,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>A new job id.</summary>
    public static string NewId() => "j_" + Guid.NewGuid().ToString("N");

    /// <summary>The job <paramref name="id"/> of <paramref name="organisationId"/>, or null.</summary>
    /// <param name="organisationId">Caller's organisation.</param>
    /// <param name="id">Job id.</param>
    /// <param name="ct">Cancels the read.</param>
    public Task<JobRecord?> FindAsync(string organisationId, string id, CancellationToken ct = default) =>
        db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.OrganisationId == organisationId, ct);

    /// <summary>The organisation's most recent jobs, newest first.</summary>
    /// <param name="organisationId">Caller's organisation.</param>
    /// <param name="status">Only this status, if given.</param>
    /// <param name="kind">Only this kind, if given.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="ct">Cancels the read.</param>
    public async Task<List<JobRecord>> ListAsync(string organisationId, string? status, string? kind, int limit, CancellationToken ct = default)
    {
        var q = db.Jobs.AsNoTracking().Where(j => j.OrganisationId == organisationId);
        if (status is not null) q = q.Where(j => j.Status == status);
        if (kind is not null) q = q.Where(j => j.Kind == kind);
        return await q.OrderByDescending(j => j.CreatedAt).Take(limit).ToListAsync(ct);
    }

    /// <summary>
    /// Cancels a queued job at once, or asks the worker running it to stop (it sees the flag at its next heartbeat).
    /// Returns the job after the change, or null when there is no such job.
    /// </summary>
    /// <param name="organisationId">Caller's organisation.</param>
    /// <param name="id">Job id.</param>
    /// <param name="ct">Cancels the write.</param>
    public async Task<JobRecord?> RequestCancelAsync(string organisationId, string id, CancellationToken ct = default)
    {
        var now = DateTime.UtcNow;
        await db.Jobs.Where(j => j.Id == id && j.OrganisationId == organisationId && j.Status == JobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.Error, "cancelled on request before it started")
                .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.UpdatedAt, now), ct);
        await db.Jobs.Where(j => j.Id == id && j.OrganisationId == organisationId && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true).SetProperty(j => j.UpdatedAt, now), ct);
        return await FindAsync(organisationId, id, ct);
    }

    /// <summary>
    /// Marks failed every running job whose lease lapsed after <paramref name="maxAttempts"/> starts: a job that keeps
    /// dying with its process must not be retried for ever.
    /// </summary>
    /// <param name="maxAttempts">Starts allowed.</param>
    /// <param name="ct">Cancels the write.</param>
    public Task<int> FailExhaustedAsync(int maxAttempts, CancellationToken ct = default)
    {
        var now = DateTime.UtcNow;
        string reason = $"the server stopped while this job ran, {maxAttempts} times; it is not retried again (jobs.max_attempts = {maxAttempts})";
        return db.Jobs.Where(j => j.Status == JobStatus.Running && j.LeaseExpiresAt < now && j.Attempts >= maxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Failed).SetProperty(j => j.Error, reason)
                .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.UpdatedAt, now), ct);
    }

    /// <summary>
    /// Claims the oldest claimable job for <paramref name="owner"/>: queued, or running under a lease that lapsed
    /// (its process died). Returns the claimed job, or null when there is none.
    /// </summary>
    /// <param name="owner">This worker's identity.</param>
    /// <param name="lease">Lease length.</param>
    /// <param name="kinds">Kinds this process can run.</param>
    /// <param name="ct">Cancels the claim.</param>
    public async Task<JobRecord?> TryClaimAsync(string owner, TimeSpan lease, IReadOnlyCollection<string> kinds, CancellationToken ct = default)
    {
        var now = DateTime.UtcNow;
        var candidates = await db.Jobs.AsNoTracking()
            .Where(j => kinds.Contains(j.Kind) && (j.Status == JobStatus.Queued || (j.Status == JobStatus.Running && j.LeaseExpiresAt < now)))
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(8).ToListAsync(ct);
        foreach (var id in candidates)
        {
            var until = now + lease;
            int claimed = await db.Jobs
                .Where(j => j.Id == id && (j.Status == JobStatus.Queued || (j.Status == JobStatus.Running && j.LeaseExpiresAt < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.LeaseOwner, owner)
                    .SetProperty(j => j.LeaseExpiresAt, until).SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.StartedAt, now).SetProperty(j => j.UpdatedAt, now), ct);
            if (claimed == 1) return await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
        }
        return null;
    }

    /// <summary>Extends the lease if <paramref name="owner"/> still holds it; says whether it does and whether cancellation was asked.</summary>
    /// <param name="id">Job id.</param>
    /// <param name="owner">This worker.</param>
    /// <param name="lease">Lease length from now.</param>
    /// <param name="ct">Cancels the write.</param>
    public async Task<(bool Held, bool CancelRequested)> RenewAsync(string id, string owner, TimeSpan lease, CancellationToken ct = default)
    {
        var now = DateTime.UtcNow;
        int held = await db.Jobs.Where(j => j.Id == id && j.LeaseOwner == owner && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, now + lease), ct);
        if (held == 0) return (false, false);
        bool cancel = await db.Jobs.AsNoTracking().Where(j => j.Id == id).Select(j => j.CancelRequested).FirstAsync(ct);
        return (true, cancel);
    }

    /// <summary>Records progress while <paramref name="owner"/> holds the job.</summary>
    /// <param name="id">Job id.</param>
    /// <param name="owner">This worker.</param>
    /// <param name="progress">0 to 1.</param>
    /// <param name="message">Human-readable progress.</param>
    /// <param name="ct">Cancels the write.</param>
    public Task<int> ReportProgressAsync(string id, string owner, double progress, string? message, CancellationToken ct = default)
    {
        var now = DateTime.UtcNow;
        progress = Math.Clamp(double.IsFinite(progress) ? progress : 0, 0, 1);
        return db.Jobs.Where(j => j.Id == id && j.LeaseOwner == owner && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, progress).SetProperty(j => j.ProgressMessage, message).SetProperty(j => j.UpdatedAt, now), ct);
    }

    /// <summary>
    /// Moves the job to a final state if <paramref name="owner"/> still holds it. Call inside the transaction that
    /// also writes the job's results, so that results and state land together or not at all.
    /// </summary>
    /// <param name="id">Job id.</param>
    /// <param name="owner">This worker.</param>
    /// <param name="status">succeeded, failed or cancelled.</param>
    /// <param name="resultJson">Result, for succeeded.</param>
    /// <param name="error">Reason, for failed or cancelled.</param>
    /// <param name="ct">Cancels the write.</param>
    /// <returns>Whether the job was still held (false: another worker took it over; write nothing).</returns>
    public async Task<bool> FinishAsync(string id, string owner, string status, string? resultJson, string? error, CancellationToken ct = default)
    {
        var now = DateTime.UtcNow;
        bool succeeded = status == JobStatus.Succeeded;
        int done = await db.Jobs.Where(j => j.Id == id && j.LeaseOwner == owner && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, status).SetProperty(j => j.ResultJson, resultJson).SetProperty(j => j.Error, error)
                .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(j => j.Progress, j => succeeded ? 1.0 : j.Progress)
                .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.UpdatedAt, now), ct);
        return done == 1;
    }

    /// <summary>Puts a job this worker holds back in the queue (graceful shutdown), so the next start resumes it at once.</summary>
    /// <param name="id">Job id.</param>
    /// <param name="owner">This worker.</param>
    /// <param name="ct">Cancels the write.</param>
    public Task<int> ReleaseAsync(string id, string owner, CancellationToken ct = default)
    {
        var now = DateTime.UtcNow;
        return db.Jobs.Where(j => j.Id == id && j.LeaseOwner == owner && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null).SetProperty(j => j.UpdatedAt, now), ct);
    }

    /// <summary>
    /// Ends at once the leases of running jobs held by processes of <paramref name="machine"/> that
    /// <paramref name="isDead"/> says are gone (a previous run of this server on this machine), so a restart resumes
    /// them immediately instead of after the lease. Leases of other machines are left to lapse: they may be alive.
    /// </summary>
    /// <param name="machine">This machine's name, the first part of a lease owner.</param>
    /// <param name="isDead">Whether the owner process (id, start stamp) on this machine is no longer running.</param>
    /// <param name="ct">Cancels the work.</param>
    /// <returns>How many leases were ended.</returns>
    public async Task<int> ExpireLeasesOfDeadProcessesAsync(string machine, Func<int, string, bool> isDead, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(isDead);
        string prefix = machine + ":";
        var held = await db.Jobs.AsNoTracking().Where(j => j.Status == JobStatus.Running && j.LeaseOwner != null && j.LeaseOwner.StartsWith(prefix))
            .Select(j => new { j.Id, j.LeaseOwner }).ToListAsync(ct);
        int expired = 0;
        foreach (var job in held)
        {
            var parts = job.LeaseOwner!.Split(':');
            if (parts.Length < 3 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pid) || !isDead(pid, parts[2])) continue;
            var past = DateTime.UtcNow.AddSeconds(-1);
            expired += await db.Jobs.Where(j => j.Id == job.Id && j.LeaseOwner == job.LeaseOwner && j.Status == JobStatus.Running)
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.LeaseExpiresAt, past), ct);
        }
        return expired;
    }

    /// <summary>Counts queued jobs (for the queue-depth gauge).</summary>
    /// <param name="ct">Cancels the read.</param>
    public Task<int> CountQueuedAsync(CancellationToken ct = default) =>
        db.Jobs.CountAsync(j => j.Status == JobStatus.Queued, ct);
}
