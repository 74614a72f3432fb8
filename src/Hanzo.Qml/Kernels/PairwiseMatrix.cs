using System.Runtime.ExceptionServices;

namespace Hanzo.Qml.Kernels;

/// <summary>
/// Fills a kernel matrix row by row on all cores for kernels whose entries are cheap functions of two feature vectors
/// (the classical kernels, the projected quantum kernel's RBF on expectation values).
/// </summary>
internal static class PairwiseMatrix
{
    /// <summary>Signature of an entry: k(rowᵢ, columnⱼ).</summary>
    public delegate double Entry(double[] x, double[] z);

    /// <summary>
    /// K[i, j] = entry(rows[i], columns[j]); when <paramref name="symmetric"/> only j ≥ i is computed and mirrored.
    /// Progress is reported as <paramref name="progressStart"/> + <paramref name="progressSpan"/> × (rows done / rows).
    /// </summary>
    public static double[,] Compute(IReadOnlyList<double[]> rows, IReadOnlyList<double[]> columns, bool symmetric, Entry entry,
        IProgress<double>? progress, CancellationToken cancellationToken, double progressStart = 0, double progressSpan = 1)
    {
        int n = rows.Count, m = columns.Count;
        var k = new double[n, m];
        int done = 0;
        int reportEvery = Math.Max(1, n / 100);
        var po = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        try
        {
            Parallel.For(0, n, po, i =>
            {
                var x = rows[i];
                for (int j = symmetric ? i : 0; j < m; j++)
                {
                    double v = entry(x, columns[j]);
                    k[i, j] = v;
                    if (symmetric) k[j, i] = v;
                }
                int d = Interlocked.Increment(ref done);
                if (progress is not null && (d % reportEvery == 0 || d == n)) progress.Report(progressStart + progressSpan * d / n);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        return k;
    }

    /// <summary>Σᵢ xᵢzᵢ.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> z)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += x[i] * z[i];
        return s;
    }

    /// <summary>Σᵢ (xᵢ − zᵢ)².</summary>
    public static double SquaredDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> z)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - z[i];
            s += d * d;
        }
        return s;
    }
}
