namespace Hanzo.Qml.Optimization;

/// <summary>Small dense linear algebra for the optimisers (matrices of at most a few hundred rows).</summary>
internal static class DenseAlgebra
{
    /// <summary>
    /// Inverts the n×n matrix <paramref name="a"/> by Gauss–Jordan elimination with partial pivoting. Returns false
    /// when a pivot is negligible against the largest entry (the matrix is numerically singular).
    /// </summary>
    public static bool TryInvert(double[,] a, double[,] inverse)
    {
        int n = a.GetLength(0);
        var w = (double[,])a.Clone();
        double scale = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                scale = Math.Max(scale, Math.Abs(w[i, j]));
                inverse[i, j] = i == j ? 1 : 0;
            }
        if (scale == 0) return false;
        for (int col = 0; col < n; col++)
        {
            int p = col;
            for (int r = col + 1; r < n; r++)
                if (Math.Abs(w[r, col]) > Math.Abs(w[p, col])) p = r;
            if (Math.Abs(w[p, col]) <= 1e-13 * scale) return false;
            if (p != col)
                for (int j = 0; j < n; j++)
                {
                    (w[p, j], w[col, j]) = (w[col, j], w[p, j]);
                    (inverse[p, j], inverse[col, j]) = (inverse[col, j], inverse[p, j]);
                }
            double pivot = w[col, col];
            for (int j = 0; j < n; j++) { w[col, j] /= pivot; inverse[col, j] /= pivot; }
            for (int r = 0; r < n; r++)
            {
                if (r == col) continue;
                double f = w[r, col];
                if (f == 0) continue;
                for (int j = 0; j < n; j++) { w[r, j] -= f * w[col, j]; inverse[r, j] -= f * inverse[col, j]; }
            }
        }
        return true;
    }

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    public static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));
}
