using System.Diagnostics;
using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Jobs;

/// <summary>
/// The process's job workers (<c>jobs.workers</c> of them). Each loops: fail jobs that exhausted their attempts, claim
/// the oldest claimable job, run it under a lease renewed by a heartbeat, and finish it in one transaction with its
/// results. A job whose process died is claimed again once its lease lapses and counts one more attempt; training
/// resumes from its last checkpoint. On graceful shutdown a running job is put back in the queue.
/// </summary>
public sealed class JobWorkerService : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly JobsSection _options;
    private readonly string _defaultBackend;
    private readonly Dictionary<string, IJobHandler> _handlers;
    private readonly JobSignal _signal;
    private readonly ILogger<JobWorkerService> _log;
    // Lease owners are machine:pid:process-start:random, so a restart can tell its predecessor (same machine, that
    // process gone, or the same pid started at another time, as PID 1 in a restarted container) from a live process.
    private readonly string _processId = $"{Environment.MachineName}:{Environment.ProcessId}:{StartStamp(System.Diagnostics.Process.GetCurrentProcess())}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Creates the workers.</summary>
    /// <param name="scopes">Scope factory (each database step uses its own context).</param>
    /// <param name="options">Configuration.</param>
    /// <param name="handlers">The job handlers, one per kind.</param>
    /// <param name="signal">Wakes idle workers when a job is submitted.</param>
    /// <param name="log">Logger.</param>
    public JobWorkerService(IServiceScopeFactory scopes, IOptions<QmlServerOptions> options, IEnumerable<IJobHandler> handlers, JobSignal signal, ILogger<JobWorkerService> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = scopes;
        _options = options.Value.Jobs;
        _defaultBackend = options.Value.Backends[0].Name;
        _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        _signal = signal;
        _log = log;
    }

    /// <summary>Kinds this process runs.</summary>
    public IReadOnlyCollection<string> Kinds => _handlers.Keys;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int workers = Math.Max(1, _options.Workers);
        _log.LogInformation("Job workers started: {Workers} in process {Process}, lease {Lease} s", workers, _processId, _options.LeaseSeconds);
        await RecoverJobsOfDeadProcessesAsync(stoppingToken);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(i => Task.Run(() => WorkerLoop($"{_processId}:w{i}", stoppingToken), CancellationToken.None))
            .Append(QueueDepthLoop(stoppingToken)));
    }

    /// <summary>
    /// A restart on the same machine resumes the jobs its previous run left "running" at once: their owner's process is
    /// gone (or its pid now belongs to a process started at another time, as PID 1 in a restarted container). Jobs of
    /// other machines wait for their lease to lapse, since those processes may be alive.
    /// </summary>
    private async Task RecoverJobsOfDeadProcessesAsync(CancellationToken stopping)
    {
        try
        {
            using var scope = _scopes.CreateScope();
            int recovered = await scope.ServiceProvider.GetRequiredService<JobStore>().ExpireLeasesOfDeadProcessesAsync(Environment.MachineName, IsGone, stopping);
            if (recovered > 0) _log.LogWarning("{Count} job(s) interrupted by the end of a previous run on this machine are resumed now", recovered);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            _log.LogError(e, "Could not look for jobs interrupted by a previous run; they resume when their lease lapses");
        }
    }

    private static bool IsGone(int pid, string startStamp)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited || StartStamp(process) != startStamp;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return true;
        }
    }

    private static string StartStamp(System.Diagnostics.Process process) =>
        process.StartTime.ToUniversalTime().ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Keeps <c>hanzo_qml_qpu_queue_depth</c> current whether or not the workers are busy. Every job runs on the local
    /// simulator (the default backend) today, so that is where the queue is.
    /// </summary>
    private async Task QueueDepthLoop(CancellationToken stopping)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, _options.PollSeconds));
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                using (var scope = _scopes.CreateScope())
                    ServerMetrics.QpuQueueDepth.WithLabels(_defaultBackend).Set(await scope.ServiceProvider.GetRequiredService<JobStore>().CountQueuedAsync(stopping));
                await Task.Delay(period, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                _log.LogWarning(e, "Could not count queued jobs for the queue-depth gauge");
                try { await Task.Delay(period, stopping); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task WorkerLoop(string owner, CancellationToken stopping)
    {
        var lease = TimeSpan.FromSeconds(_options.LeaseSeconds);
        var poll = TimeSpan.FromSeconds(_options.PollSeconds);
        var kinds = _handlers.Keys.ToArray();
        while (!stopping.IsCancellationRequested)
        {
            JobRecord? job = null;
            try
            {
                using (var scope = _scopes.CreateScope())
                {
                    var store = scope.ServiceProvider.GetRequiredService<JobStore>();
                    int exhausted = await store.FailExhaustedAsync(Math.Max(1, _options.MaxAttempts), stopping);
                    if (exhausted > 0) _log.LogWarning("{Count} interrupted job(s) exceeded jobs.max_attempts and were marked failed", exhausted);
                    job = await store.TryClaimAsync(owner, lease, kinds, stopping);
                }
                if (job is null)
                {
                    await _signal.WaitAsync(poll, stopping);
                    continue;
                }
                await RunAsync(job, owner, lease, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // A database hiccup must not kill the worker; the job (if claimed) keeps its lease and is retried after it lapses.
                _log.LogError(e, "Job worker {Owner}: database error{Job}; retrying", owner, job is null ? "" : $" on job {job.Id}");
                try { await Task.Delay(poll, stopping); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task RunAsync(JobRecord job, string owner, TimeSpan lease, CancellationToken stopping)
    {
        var handler = _handlers[job.Kind];
        string label = handler.MetricLabel(job);
        ServerMetrics.ActiveJobs.WithLabels(label).Inc();
        var clock = Stopwatch.StartNew();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var state = new RunState();
        var heartbeat = Heartbeat(job.Id, owner, lease, run, state);
        string status;
        string? error = null;
        JobOutcome? outcome = null;
        _log.LogInformation("Job {Job} ({Kind}) started by {Owner}, attempt {Attempt}", job.Id, job.Kind, owner, job.Attempts);
        try
        {
            var execution = new JobExecution(job, owner, _scopes, TimeSpan.FromMilliseconds(250));
            // Handlers are CPU-bound and block on their progress and checkpoint writes: a dedicated thread keeps them from
            // starving the thread pool that serves the API.
            outcome = await Task.Factory.StartNew(() => handler.RunAsync(execution, run.Token).GetAwaiter().GetResult(),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            status = JobStatus.Succeeded;
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            status = JobStatus.Cancelled;
            error = "cancelled on request";
        }
        catch (Exception e) when (e is JobFailedException or ArgumentException or FormatException or InvalidOperationException or Simulation.StateTooLargeException)
        {
            status = JobStatus.Failed;
            error = e.Message;
        }
        catch (Exception e)
        {
            // Unexpected: the job fails with a generic reason; details go to the log only.
            _log.LogError(e, "Job {Job} ({Kind}) failed unexpectedly", job.Id, job.Kind);
            status = JobStatus.Failed;
            error = $"internal error ({e.GetType().Name}); see the server log for job {job.Id}";
        }
        finally
        {
            await run.CancelAsync();
            await heartbeat;
            ServerMetrics.ActiveJobs.WithLabels(label).Dec();
        }

        if (state.LeaseLost)
        {
            _log.LogWarning("Job {Job}: lease lost to another worker; this run's result is discarded", job.Id);
            return;
        }
        if (status == JobStatus.Cancelled && !state.CancelRequested)
        {
            // Shutdown, not a user's request: hand the job back so the next start resumes it.
            using var scope = _scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<JobStore>().ReleaseAsync(job.Id, owner, CancellationToken.None);
            _log.LogInformation("Job {Job} returned to the queue at shutdown", job.Id);
            return;
        }
        await FinishAsync(job, owner, handler, status, outcome, error);
        ServerMetrics.JobDuration.WithLabels(job.Kind, status).Observe(clock.Elapsed.TotalSeconds);
        _log.LogInformation("Job {Job} ({Kind}) {Status} after {Seconds:F2} s{Reason}", job.Id, job.Kind, status, clock.Elapsed.TotalSeconds, error is null ? "" : ": " + error);
    }

    private async Task FinishAsync(JobRecord job, string owner, IJobHandler handler, string status, JobOutcome? outcome, string? error)
    {
        using var scope = _scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<JobStore>();
        var db = store.Db;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
            if (!await store.FinishAsync(job.Id, owner, status, outcome?.ResultJson, error, CancellationToken.None)) return;
            if (status == JobStatus.Succeeded && outcome?.Persist is { } persist) await persist(db, CancellationToken.None);
            else if (status != JobStatus.Succeeded) await handler.OnEndedWithoutSuccessAsync(job, db, status, error ?? status, CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }
        catch (Exception e) when (status == JobStatus.Succeeded && e is not OperationCanceledException)
        {
            // The results could not be stored: record a failure rather than losing the job silently.
            _log.LogError(e, "Job {Job}: storing its result failed", job.Id);
            using var retry = _scopes.CreateScope();
            var again = retry.ServiceProvider.GetRequiredService<JobStore>();
            await again.FinishAsync(job.Id, owner, JobStatus.Failed, null, $"the result could not be stored ({e.GetType().Name}); see the server log", CancellationToken.None);
        }
    }

    private async Task Heartbeat(string id, string owner, TimeSpan lease, CancellationTokenSource run, RunState state)
    {
        // Renew well before the lease lapses; check for cancellation more often than that so cancel is prompt.
        var interval = TimeSpan.FromMilliseconds(Math.Clamp(lease.TotalMilliseconds / 4, 50, 250));
        var lastRenew = DateTime.UtcNow;
        while (!run.IsCancellationRequested)
        {
            try { await Task.Delay(interval, run.Token); } catch (OperationCanceledException) { return; }
            try
            {
                using var scope = _scopes.CreateScope();
                var (held, cancel) = await scope.ServiceProvider.GetRequiredService<JobStore>().RenewAsync(id, owner, lease, CancellationToken.None);
                lastRenew = DateTime.UtcNow;
                if (!held) { state.LeaseLost = true; await run.CancelAsync(); return; }
                if (cancel) { state.CancelRequested = true; await run.CancelAsync(); return; }
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                _log.LogWarning(e, "Job {Job}: heartbeat failed", id);
                if (DateTime.UtcNow - lastRenew > lease) { state.LeaseLost = true; await run.CancelAsync(); return; }
            }
        }
    }

    private sealed class RunState
    {
        public volatile bool LeaseLost;
        public volatile bool CancelRequested;
    }
}
