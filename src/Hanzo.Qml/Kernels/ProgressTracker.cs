namespace Hanzo.Qml.Kernels;

/// <summary>
/// Turns "states prepared" and "tiles done" into one fraction in [0, 1] for a kernel matrix's <see cref="IProgress{T}"/>;
/// the two phases are weighted by their estimated cost. Safe to call from several threads.
/// </summary>
internal sealed class ProgressTracker(IProgress<double>? progress, double stateShare, int states, int tiles)
{
    private int _states;
    private int _tiles;

    public void StatesDone(int count)
    {
        if (progress is null) return;
        int s = Interlocked.Add(ref _states, count);
        progress.Report(stateShare * Math.Min(1.0, (double)s / Math.Max(1, states)));
    }

    public void TileDone()
    {
        if (progress is null) return;
        int t = Interlocked.Increment(ref _tiles);
        progress.Report(stateShare + (1 - stateShare) * Math.Min(1.0, (double)t / Math.Max(1, tiles)));
    }

    public void Finish() => progress?.Report(1.0);
}
