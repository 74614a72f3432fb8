namespace Hanzo.Qml.Server.Jobs;

/// <summary>Wakes idle workers of this process when a job is submitted, so a job starts without waiting a poll interval.</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, int.MaxValue);

    /// <summary>Says that a job was submitted.</summary>
    public void Notify() => _semaphore.Release();

    /// <summary>Waits for a submission or <paramref name="timeout"/>, whichever comes first.</summary>
    /// <param name="timeout">Longest wait (other processes' submissions are only seen by polling).</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}
