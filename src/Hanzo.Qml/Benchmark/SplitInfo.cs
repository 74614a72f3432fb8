namespace Hanzo.Qml.Benchmark;

/// <summary>A cross-validation split every model was run on.</summary>
/// <param name="Repeat">0-based repeat.</param>
/// <param name="Fold">0-based fold within the repeat.</param>
/// <param name="TrainIndices">Training row indices into the dataset, ascending.</param>
/// <param name="TestIndices">Test row indices, ascending.</param>
public sealed record SplitInfo(int Repeat, int Fold, IReadOnlyList<int> TrainIndices, IReadOnlyList<int> TestIndices)
{
    /// <summary>Training rows.</summary>
    public int TrainSize => TrainIndices.Count;

    /// <summary>Test rows.</summary>
    public int TestSize => TestIndices.Count;
}
