namespace Hanzo.Qml.Optimization;

/// <summary>
/// COBYLA's trust-region subproblem: minimise the linear model g·d subject to the linearised constraints
/// bᵢ + aᵢ·d ≥ 0 and ‖d‖ ≤ ρ. As in Powell's method the answer is a point on a piecewise-linear descent path, not an
/// exact minimiser: the path follows the steepest-descent direction projected onto the constraints that are active,
/// adds a constraint when the path reaches it, drops one whose Lagrange multiplier says it no longer binds, and ends
/// at an optimum inside the ball or where it meets the ball. When the linear constraints are violated at d = 0, a
/// first phase minimises the largest violation the same way (with the violation t as an extra variable), and the
/// second phase then keeps the constraints no more violated than the first phase achieved.
/// </summary>
internal static class CobylaSubproblem
{
    public static double[] Solve(double[] g, double[][] a, double[] b, double rho)
    {
        int n = g.Length, m = b.Length;
        var d = new double[n];
        double violation = 0;
        for (int i = 0; i < m; i++) violation = Math.Max(violation, -b[i]);
        var rhs = (double[])b.Clone();
        if (violation > 0)
        {
            // Phase 1 in (d, t): minimise t subject to bᵢ + aᵢ·d + t ≥ 0, t ≥ 0, ‖d‖ ≤ ρ.
            var rows = new double[m + 1][];
            var rhs1 = new double[m + 1];
            for (int i = 0; i < m; i++)
            {
                rows[i] = new double[n + 1];
                Array.Copy(a[i], rows[i], n);
                rows[i][n] = 1;
                rhs1[i] = b[i];
            }
            rows[m] = new double[n + 1];
            rows[m][n] = 1;
            var c = new double[n + 1];
            c[n] = 1;
            var z = new double[n + 1];
            z[n] = violation;
            bool boundary = Descend(c, rows, rhs1, z, n, rho);
            Array.Copy(z, d, n);
            if (boundary) return d;
            double t = Math.Max(0, z[n]);
            // Relax every constraint by the violation phase 1 could not remove, so that d starts phase 2 feasible.
            for (int i = 0; i < m; i++) rhs[i] = Math.Max(b[i] + t, -DenseAlgebra.Dot(a[i], d));
        }
        Descend(g, a, rhs, d, n, rho);
        return d;
    }

    /// <summary>
    /// Moves <paramref name="z"/> along the projected steepest-descent path of c·z subject to rhs + rows·z ≥ 0 and
    /// ‖z[..ballDims]‖ ≤ ρ. Returns true when the path ended on the ball.
    /// </summary>
    private static bool Descend(double[] c, double[][] rows, double[] rhs, double[] z, int ballDims, double rho)
    {
        int dim = z.Length, m = rows.Length;
        double cNorm = DenseAlgebra.Norm(c);
        if (cNorm == 0) return false;
        var active = new List<int>();
        var q = new List<double[]>();
        var r = new List<double[]>();
        var s = new double[dim];
        var rowNorm = new double[m];
        for (int i = 0; i < m; i++) rowNorm[i] = DenseAlgebra.Norm(rows[i]);

        // Constraints already tight at the start point enter the active set when independent of those before them.
        for (int i = 0; i < m; i++)
        {
            if (rowNorm[i] == 0) continue;
            double slack = rhs[i] + DenseAlgebra.Dot(rows[i], z);
            if (slack <= 1e-12 * (Math.Abs(rhs[i]) + rowNorm[i] * rho) && active.Count < dim)
            {
                active.Add(i);
                if (Orthonormalise(rows, active, q, r) >= 0) active.RemoveAt(active.Count - 1);
            }
        }

        int maxIterations = 4 * (dim + m) + 10;
        for (int it = 0; it < maxIterations; it++)
        {
            int dependent = Orthonormalise(rows, active, q, r);
            if (dependent >= 0)
            {
                active.RemoveAt(dependent);
                continue;
            }
            for (int k = 0; k < dim; k++) s[k] = -c[k];
            foreach (var qj in q)
            {
                double proj = DenseAlgebra.Dot(qj, c);
                for (int k = 0; k < dim; k++) s[k] += proj * qj[k];
            }
            double sNorm = DenseAlgebra.Norm(s);
            if (sNorm <= 1e-12 * cNorm)
            {
                if (active.Count == 0) return false;
                // c lies in the span of the active normals: c = Σ λⱼ rowⱼ. A negative multiplier means moving off
                // that constraint still descends.
                int k = q.Count;
                var lambda = new double[k];
                for (int j = k - 1; j >= 0; j--)
                {
                    double v = DenseAlgebra.Dot(q[j], c);
                    for (int l = j + 1; l < k; l++) v -= r[l][j] * lambda[l];
                    lambda[j] = v / r[j][j];
                }
                int drop = -1;
                double most = -1e-12 * cNorm;
                for (int j = 0; j < k; j++)
                    if (lambda[j] < most) { most = lambda[j]; drop = j; }
                if (drop < 0) return false;
                active.RemoveAt(drop);
                continue;
            }

            double alphaBall = double.PositiveInfinity;
            double ss = 0, zs = 0, zz = 0;
            for (int k = 0; k < ballDims; k++) { ss += s[k] * s[k]; zs += z[k] * s[k]; zz += z[k] * z[k]; }
            if (ss > 0)
            {
                double disc = zs * zs + ss * (rho * rho - zz);
                alphaBall = disc <= 0 ? 0 : Math.Max(0, (-zs + Math.Sqrt(disc)) / ss);
            }
            double alphaCon = double.PositiveInfinity;
            int block = -1;
            for (int i = 0; i < m; i++)
            {
                if (rowNorm[i] == 0 || active.Contains(i)) continue;
                double rs = DenseAlgebra.Dot(rows[i], s);
                if (rs >= -1e-14 * rowNorm[i] * sNorm) continue;
                double slack = Math.Max(0, rhs[i] + DenseAlgebra.Dot(rows[i], z));
                double alpha = slack / -rs;
                if (alpha < alphaCon) { alphaCon = alpha; block = i; }
            }
            if (double.IsPositiveInfinity(alphaBall) && block < 0) return false; // unbounded direction: cannot happen with ρ finite
            if (alphaBall <= alphaCon)
            {
                for (int k = 0; k < dim; k++) z[k] += alphaBall * s[k];
                return true;
            }
            for (int k = 0; k < dim; k++) z[k] += alphaCon * s[k];
            active.Add(block);
        }
        return false;
    }

    /// <summary>
    /// Gram–Schmidt (twice, for stability) of the active rows: row_k = Σ_{j≤k} r[k][j]·q[j]. Returns −1, or the
    /// position in <paramref name="active"/> of the first row that depends on those before it.
    /// </summary>
    private static int Orthonormalise(double[][] rows, List<int> active, List<double[]> q, List<double[]> r)
    {
        q.Clear();
        r.Clear();
        foreach (int i in active)
        {
            var v = (double[])rows[i].Clone();
            var coef = new double[active.Count];
            int k = q.Count;
            for (int pass = 0; pass < 2; pass++)
                for (int j = 0; j < k; j++)
                {
                    double proj = DenseAlgebra.Dot(q[j], v);
                    coef[j] += proj;
                    for (int l = 0; l < v.Length; l++) v[l] -= proj * q[j][l];
                }
            double norm = DenseAlgebra.Norm(v);
            if (norm <= 1e-10 * DenseAlgebra.Norm(rows[i])) return k;
            coef[k] = norm;
            for (int l = 0; l < v.Length; l++) v[l] /= norm;
            q.Add(v);
            r.Add(coef);
        }
        return -1;
    }
}
