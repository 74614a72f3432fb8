using Hanzo.Qml.Data;

namespace Hanzo.Qml.Benchmark;

/// <summary>What a report says about the data.</summary>
/// <param name="Name">Dataset name.</param>
/// <param name="NumSamples">Rows cross-validated.</param>
/// <param name="NumFeatures">Raw features.</param>
/// <param name="ClassNames">Class names by index.</param>
/// <param name="ClassCounts">Rows per class.</param>
/// <param name="TestName">Held-out dataset name, or null.</param>
/// <param name="TestSamples">Held-out rows (0 without).</param>
public sealed record DatasetSummary(string Name, int NumSamples, int NumFeatures, IReadOnlyList<string> ClassNames, IReadOnlyList<int> ClassCounts,
    string? TestName, int TestSamples)
{
    /// <summary>Number of classes.</summary>
    public int NumClasses => ClassNames.Count;

    internal static DatasetSummary Of(Dataset data, Dataset? test) =>
        new(data.Name, data.NumSamples, data.NumFeatures, data.ClassNames, data.ClassCounts(), test?.Name, test?.NumSamples ?? 0);
}
