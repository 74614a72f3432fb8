namespace Hanzo.Qml.Benchmark;

/// <summary>
/// The quantum kernel matrix on the training rows of the first split, rows and columns sorted by class, for the
/// heatmap: a good kernel shows bright diagonal blocks (same class) on a darker background.
/// </summary>
/// <param name="Matrix">K[i, j], symmetric, N×N.</param>
/// <param name="Labels">Class of each row, non-decreasing.</param>
/// <param name="ClassNames">Names of the classes.</param>
/// <param name="KernelName">"fidelity" or "projected".</param>
public sealed record KernelMatrixSnapshot(double[,] Matrix, IReadOnlyList<int> Labels, IReadOnlyList<string> ClassNames, string KernelName)
{
    /// <summary>Mean of the off-diagonal entries: near 0 for a fidelity kernel that has concentrated (every state orthogonal to every other).</summary>
    public double OffDiagonalMean => OffDiagonal().Mean;

    /// <summary>Standard deviation of the off-diagonal entries: near 0 means the kernel barely distinguishes samples.</summary>
    public double OffDiagonalStandardDeviation => OffDiagonal().StandardDeviation;

    private MetricSummary OffDiagonal()
    {
        int n = Matrix.GetLength(0);
        if (n < 2) return new MetricSummary(double.NaN, double.NaN);
        var values = new List<double>(n * (n - 1) / 2);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) values.Add(Matrix[i, j]);
        return MetricSummary.Of(values);
    }
}
