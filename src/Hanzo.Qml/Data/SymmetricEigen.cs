namespace Hanzo.Qml.Data;

/// <summary>
/// Eigendecomposition of a real symmetric matrix by the cyclic Jacobi method: A = V·diag(λ)·Vᵀ with λ in descending order.
/// </summary>
/// <remarks>
/// Jacobi is chosen over QR/tridiagonalisation because the matrices here are small (a covariance of tens of features, a
/// Gram matrix of a linear model), it is short enough to check by eye, and it is accurate to working precision for
/// small eigenvalues too, which matters for ridge and pseudo-inverse solves. Determinism: the sweep order is fixed, and
/// each eigenvector's sign is chosen so that its entry of largest magnitude is positive (the first such entry on ties),
/// which is scikit-learn's PCA convention (<c>svd_flip</c> on the components), so the same data gives the same
/// components on every run and machine.
/// </remarks>
internal static class SymmetricEigen
{
    /// <summary>Eigenvalues (descending) and eigenvectors (column k of <c>Vectors</c> belongs to value k).</summary>
    public static (double[] Values, double[,] Vectors) Decompose(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        if (matrix.GetLength(1) != n) throw new ArgumentException("The matrix must be square.", nameof(matrix));
        var a = (double[,])matrix.Clone();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
            {
                if (!double.IsFinite(a[i, j]) || !double.IsFinite(a[j, i])) throw new ArgumentException("The matrix has a non-finite entry.", nameof(matrix));
                double m = 0.5 * (a[i, j] + a[j, i]); // symmetrise rounding noise away
                a[i, j] = a[j, i] = m;
            }
        var v = new double[n, n];
        for (int i = 0; i < n; i++) v[i, i] = 1.0;

        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0.0, diag = 0.0;
            for (int i = 0; i < n; i++)
            {
                diag += a[i, i] * a[i, i];
                for (int j = i + 1; j < n; j++) off += a[i, j] * a[i, j];
            }
            if (off == 0.0 || off <= 1e-32 * diag) break;
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                {
                    double apq = a[p, q];
                    if (apq == 0.0) continue;
                    double theta = (a[q, q] - a[p, p]) / (2.0 * apq);
                    double t = Math.Sign(theta == 0.0 ? 1.0 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1.0));
                    double c = 1.0 / Math.Sqrt(t * t + 1.0), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }
                    a[p, q] = a[q, p] = 0.0;
                    for (int k = 0; k < n; k++)
                    {
                        double vkp = v[k, p], vkq = v[k, q];
                        v[k, p] = c * vkp - s * vkq;
                        v[k, q] = s * vkp + c * vkq;
                    }
                }
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => a[i, i]).ThenBy(i => i).ToArray();
        var values = new double[n];
        var vectors = new double[n, n];
        for (int k = 0; k < n; k++)
        {
            int src = order[k];
            values[k] = a[src, src];
            int big = 0;
            for (int i = 1; i < n; i++)
                if (Math.Abs(v[i, src]) > Math.Abs(v[big, src]) + 1e-12 * Math.Abs(v[big, src])) big = i;
            double sign = v[big, src] < 0 ? -1.0 : 1.0;
            for (int i = 0; i < n; i++) vectors[i, k] = sign * v[i, src];
        }
        return (values, vectors);
    }

    /// <summary>
    /// Solves (A + ridge·I)·x = b for symmetric positive semi-definite A through its eigendecomposition, dropping
    /// directions whose eigenvalue is below a relative tolerance (the minimum-norm least-squares solution when ridge = 0).
    /// </summary>
    public static double[] Solve(double[,] a, double[] b, double ridge)
    {
        int n = b.Length;
        var (values, vectors) = Decompose(a);
        double tol = Math.Max(values.Length > 0 ? Math.Abs(values[0]) : 0.0, 1.0) * n * 1e-13;
        var x = new double[n];
        for (int k = 0; k < n; k++)
        {
            double lambda = values[k] + ridge;
            if (lambda <= tol) continue;
            double proj = 0.0;
            for (int i = 0; i < n; i++) proj += vectors[i, k] * b[i];
            proj /= lambda;
            for (int i = 0; i < n; i++) x[i] += proj * vectors[i, k];
        }
        return x;
    }
}
