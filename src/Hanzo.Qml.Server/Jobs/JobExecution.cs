using Hanzo.Qml.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hanzo.Qml.Server.Jobs;

/// <summary>A claimed job as a handler sees it: its record, progress reporting and lease-guarded writes.</summary>
public sealed class JobExecution
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeSpan _progressInterval;
    private DateTime _lastProgress = DateTime.MinValue;

    internal JobExecution(JobRecord record, string owner, IServiceScopeFactory scopes, TimeSpan progressInterval)
    {
        Record = record;
        Owner = owner;
        _scopes = scopes;
        _progressInterval = progressInterval;
    }

    /// <summary>The job as claimed (status running, attempts counted).</summary>
    public JobRecord Record { get; }

    /// <summary>This worker's lease identity.</summary>
    public string Owner { get; }

    /// <summary>Records progress, at most every few hundred milliseconds unless <paramref name="force"/>.</summary>
    /// <param name="fraction">0 to 1.</param>
    /// <param name="message">Human-readable progress.</param>
    /// <param name="force">Write even if the last write was recent.</param>
    public async Task ReportProgressAsync(double fraction, string? message, bool force = false)
    {
        var now = DateTime.UtcNow;
        if (!force && now - _lastProgress < _progressInterval) return;
        _lastProgress = now;
        using var scope = _scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<JobStore>().ReportProgressAsync(Record.Id, Owner, fraction, message);
    }

    /// <summary>
    /// Synchronous <see cref="ReportProgressAsync"/> for library callbacks (<see cref="IProgress{T}"/>), which run on
    /// the handler's worker thread; blocking there only delays that job.
    /// </summary>
    /// <param name="fraction">0 to 1.</param>
    /// <param name="message">Human-readable progress.</param>
    public void ReportProgress(double fraction, string? message)
    {
        if (DateTime.UtcNow - _lastProgress < _progressInterval) return;
        ReportProgressAsync(fraction, message).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction only while this worker still holds the job (e.g. saving a
    /// training checkpoint). Returns false, writing nothing, when the lease was lost.
    /// </summary>
    /// <param name="write">The write.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    public async Task<bool> WriteWhileHeldAsync(Func<QmlDbContext, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<QmlDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        // Touching the job row under the transaction takes its lock (PostgreSQL) or the write lock (SQLite), so the
        // lease check and the write are one step.
        int held = await db.Jobs.Where(j => j.Id == Record.Id && j.LeaseOwner == Owner && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.UpdatedAt, DateTime.UtcNow), cancellationToken);
        if (held == 0) return false;
        await write(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Reads with a fresh context (handlers run outside any request scope).</summary>
    /// <typeparam name="T">Result type.</typeparam>
    /// <param name="read">The read.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    public async Task<T> ReadAsync<T>(Func<QmlDbContext, CancellationToken, Task<T>> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var scope = _scopes.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<QmlDbContext>(), cancellationToken);
    }
}
