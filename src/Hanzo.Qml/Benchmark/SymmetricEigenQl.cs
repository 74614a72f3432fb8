namespace Hanzo.Qml.Benchmark;

/// <summary>
/// Eigendecomposition of a real symmetric matrix by Householder tridiagonalisation and the implicit QL algorithm
/// (EISPACK's tred2/tql2 as in JAMA, public domain).
/// </summary>
/// <remarks>
/// The library's other solver (<c>Data.SymmetricEigen</c>, cyclic Jacobi) is the right tool for a covariance of tens of
/// features but needs ~10 sweeps of n³ rotations: on the 455×455 Gram matrices of a benchmark split it takes tens of
/// seconds where this takes well under one. Eigenvectors are stored as rows during the QL sweeps so the rotations run
/// over contiguous memory.
/// </remarks>
internal static class SymmetricEigenQl
{
    /// <summary>Eigenvalues in ascending order and, unless <paramref name="valuesOnly"/>, the eigenvectors as rows (vectors[k] belongs to values[k]).</summary>
    /// <exception cref="ArgumentException">When the matrix is not square or has a non-finite entry.</exception>
    /// <exception cref="ArithmeticException">When QL does not converge (it does for every finite symmetric matrix in practice).</exception>
    public static (double[] Values, double[][] Vectors) Decompose(double[,] matrix, bool valuesOnly = false)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.GetLength(0);
        if (matrix.GetLength(1) != n) throw new ArgumentException("The matrix must be square.", nameof(matrix));
        if (n == 0) return ([], []);
        var v = new double[n][];
        for (int i = 0; i < n; i++)
        {
            v[i] = new double[n];
            for (int j = 0; j < n; j++)
            {
                double a = matrix[i, j], b = matrix[j, i];
                if (!double.IsFinite(a)) throw new ArgumentException($"Entry [{i}, {j}] is not finite.", nameof(matrix));
                v[i][j] = 0.5 * (a + b); // symmetrise rounding noise away
            }
        }
        var d = new double[n];
        var e = new double[n];
        Tred2(v, d, e, n);
        // Rows of w are the columns of v: the QL rotations then touch two contiguous rows.
        var w = new double[n][];
        for (int j = 0; j < n; j++)
        {
            w[j] = new double[n];
            for (int k = 0; k < n; k++) w[j][k] = v[k][j];
        }
        Tql2(w, d, e, n, valuesOnly);
        var order = Enumerable.Range(0, n).OrderBy(k => d[k]).ThenBy(k => k).ToArray();
        var values = order.Select(k => d[k]).ToArray();
        var vectors = valuesOnly ? [] : order.Select(k => w[k]).ToArray();
        return (values, vectors);
    }

    private static void Tred2(double[][] v, double[] d, double[] e, int n)
    {
        for (int j = 0; j < n; j++) d[j] = v[n - 1][j];
        for (int i = n - 1; i > 0; i--)
        {
            double scale = 0.0, h = 0.0;
            for (int k = 0; k < i; k++) scale += Math.Abs(d[k]);
            if (scale == 0.0)
            {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++)
                {
                    d[j] = v[i - 1][j];
                    v[i][j] = 0.0;
                    v[j][i] = 0.0;
                }
            }
            else
            {
                for (int k = 0; k < i; k++)
                {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }
                double f = d[i - 1];
                double g = Math.Sqrt(h);
                if (f > 0) g = -g;
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) e[j] = 0.0;
                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    v[j][i] = f;
                    g = e[j] + v[j][j] * f;
                    for (int k = j + 1; k <= i - 1; k++)
                    {
                        g += v[k][j] * d[k];
                        e[k] += v[k][j] * f;
                    }
                    e[j] = g;
                }
                f = 0.0;
                for (int j = 0; j < i; j++)
                {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) e[j] -= hh * d[j];
                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    g = e[j];
                    for (int k = j; k <= i - 1; k++) v[k][j] -= f * e[k] + g * d[k];
                    d[j] = v[i - 1][j];
                    v[i][j] = 0.0;
                }
            }
            d[i] = h;
        }
        for (int i = 0; i < n - 1; i++)
        {
            v[n - 1][i] = v[i][i];
            v[i][i] = 1.0;
            double h = d[i + 1];
            if (h != 0.0)
            {
                for (int k = 0; k <= i; k++) d[k] = v[k][i + 1] / h;
                for (int j = 0; j <= i; j++)
                {
                    double g = 0.0;
                    for (int k = 0; k <= i; k++) g += v[k][i + 1] * v[k][j];
                    for (int k = 0; k <= i; k++) v[k][j] -= g * d[k];
                }
            }
            for (int k = 0; k <= i; k++) v[k][i + 1] = 0.0;
        }
        for (int j = 0; j < n; j++)
        {
            d[j] = v[n - 1][j];
            v[n - 1][j] = 0.0;
        }
        v[n - 1][n - 1] = 1.0;
        e[0] = 0.0;
    }

    private static void Tql2(double[][] w, double[] d, double[] e, int n, bool valuesOnly)
    {
        for (int i = 1; i < n; i++) e[i - 1] = e[i];
        e[n - 1] = 0.0;
        double f = 0.0, tst1 = 0.0;
        const double eps = 2.220446049250313e-16;
        for (int l = 0; l < n; l++)
        {
            tst1 = Math.Max(tst1, Math.Abs(d[l]) + Math.Abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.Abs(e[m]) > eps * tst1) m++;
            if (m > l)
            {
                int iterations = 0;
                do
                {
                    if (++iterations > 300) throw new ArithmeticException("The QL eigenvalue iteration did not converge.");
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2.0 * e[l]);
                    double r = Hypot(p, 1.0);
                    if (p < 0) r = -r;
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) d[i] -= h;
                    f += h;
                    p = d[m];
                    double c = 1.0, c2 = c, c3 = c;
                    double el1 = e[l + 1];
                    double s = 0.0, s2 = 0.0;
                    for (int i = m - 1; i >= l; i--)
                    {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        if (!valuesOnly)
                        {
                            var wi = w[i];
                            var wi1 = w[i + 1];
                            for (int k = 0; k < n; k++)
                            {
                                double t = wi1[k];
                                wi1[k] = s * wi[k] + c * t;
                                wi[k] = c * wi[k] - s * t;
                            }
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                }
                while (Math.Abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0.0;
        }
    }

    private static double Hypot(double a, double b)
    {
        double x = Math.Abs(a), y = Math.Abs(b);
        if (x < y) (x, y) = (y, x);
        if (x == 0) return 0.0;
        double r = y / x;
        return x * Math.Sqrt(1 + r * r);
    }
}
