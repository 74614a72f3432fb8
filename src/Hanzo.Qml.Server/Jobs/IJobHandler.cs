using Hanzo.Qml.Server.Storage;

namespace Hanzo.Qml.Server.Jobs;

/// <summary>Runs one kind of background job. Handlers are singletons; per-run state lives in <see cref="JobExecution"/>.</summary>
public interface IJobHandler
{
    /// <summary>The job kind it runs (e.g. "train").</summary>
    string Kind { get; }

    /// <summary>
    /// Runs the job. Throw <see cref="JobFailedException"/> (or <see cref="ArgumentException"/>) for a failure whose
    /// message is for the user; cancellation is by <paramref name="cancellationToken"/>.
    /// </summary>
    /// <param name="job">The claimed job and its services.</param>
    /// <param name="cancellationToken">Cancelled on request, on shutdown or when the lease is lost.</param>
    Task<JobOutcome> RunAsync(JobExecution job, CancellationToken cancellationToken);

    /// <summary>
    /// Called in the job's own scope when it ends without success (failed or cancelled), inside the transaction that
    /// records that end, so a handler can mark its target (e.g. a model back from "training").
    /// </summary>
    /// <param name="job">The job.</param>
    /// <param name="db">The context of the finishing transaction.</param>
    /// <param name="status">failed or cancelled.</param>
    /// <param name="error">The reason.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task OnEndedWithoutSuccessAsync(JobRecord job, QmlDbContext db, string status, string error, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The <c>model_type</c> label of the active-jobs gauge for <paramref name="job"/> (the kind unless a handler knows better).</summary>
    /// <param name="job">The job.</param>
    string MetricLabel(JobRecord job) => job.Kind;
}

/// <summary>What a successful job produced.</summary>
/// <param name="ResultJson">The job's result (snake_case JSON), returned by the job route.</param>
/// <param name="Persist">Writes the job's durable results (model, report…) in the transaction that marks it succeeded.</param>
public sealed record JobOutcome(string? ResultJson, Func<QmlDbContext, CancellationToken, Task>? Persist = null);

/// <summary>A job failure whose message is meant for the user (bad data discovered while running, and similar).</summary>
/// <param name="message">What went wrong.</param>
public sealed class JobFailedException(string message) : Exception(message);
