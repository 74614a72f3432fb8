namespace Hanzo.Qml.Classical.Linear;

/// <summary>
/// Limited-memory BFGS (Nocedal 1980) with a backtracking Armijo line search, for the smooth convex losses of the linear
/// models. Deterministic: no randomness, fixed iteration order.
/// </summary>
/// <remarks>
/// Kept internal to this folder on purpose: the shared <c>Optimization/</c> namespace will provide the general optimisers;
/// this one only needs to minimise a convex loss to a gradient tolerance. A curvature pair with sᵀy ≤ 0 (impossible for
/// a strictly convex loss, possible with rounding) is skipped rather than corrupting the inverse-Hessian estimate.
/// </remarks>
internal static class Lbfgs
{
    /// <summary>Evaluates the loss at x and writes its gradient into the second argument.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>Result: the minimiser, its loss, iterations used, and whether the gradient tolerance was met.</summary>
    public readonly record struct Result(double[] X, double Loss, int Iterations, bool Converged);

    public static Result Minimize(Objective f, double[] x0, int maxIterations, double gradientTolerance, int memory = 10)
    {
        int n = x0.Length;
        var x = (double[])x0.Clone();
        var g = new double[n];
        double fx = f(x, g);
        var s = new double[memory][];
        var y = new double[memory][];
        var rho = new double[memory];
        int stored = 0, head = 0;
        var direction = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var alpha = new double[memory];

        for (int iter = 0; iter < maxIterations; iter++)
        {
            if (MaxAbs(g) <= gradientTolerance) return new Result(x, fx, iter, true);

            // Two-loop recursion: direction = −H·g.
            for (int i = 0; i < n; i++) direction[i] = -g[i];
            for (int k = 0; k < stored; k++)
            {
                int idx = (head - 1 - k + memory) % memory;
                alpha[idx] = rho[idx] * Dot(s[idx], direction);
                Axpy(-alpha[idx], y[idx], direction);
            }
            double gamma = 1.0;
            if (stored > 0)
            {
                int last = (head - 1 + memory) % memory;
                gamma = Dot(s[last], y[last]) / Dot(y[last], y[last]);
            }
            else
            {
                gamma = 1.0 / Math.Max(1.0, Math.Sqrt(Dot(g, g))); // first step: unit length, the scale is unknown
            }
            for (int i = 0; i < n; i++) direction[i] *= gamma;
            for (int k = stored - 1; k >= 0; k--)
            {
                int idx = (head - 1 - k + memory) % memory;
                double beta = rho[idx] * Dot(y[idx], direction);
                Axpy(alpha[idx] - beta, s[idx], direction);
            }

            double slope = Dot(g, direction);
            if (slope >= 0)
            {
                // Not a descent direction (rounding): restart from steepest descent.
                stored = 0;
                for (int i = 0; i < n; i++) direction[i] = -g[i] / Math.Max(1.0, Math.Sqrt(Dot(g, g)));
                slope = Dot(g, direction);
            }

            double step = 1.0, fNew = double.NaN;
            bool accepted = false;
            for (int ls = 0; ls < 60; ls++)
            {
                for (int i = 0; i < n; i++) xNew[i] = x[i] + step * direction[i];
                fNew = f(xNew, gNew);
                if (double.IsFinite(fNew) && fNew <= fx + 1e-4 * step * slope) { accepted = true; break; }
                step *= 0.5;
            }
            if (!accepted) return new Result(x, fx, iter, MaxAbs(g) <= gradientTolerance * 10);

            var sNew = s[head] ??= new double[n];
            var yNew = y[head] ??= new double[n];
            for (int i = 0; i < n; i++)
            {
                sNew[i] = xNew[i] - x[i];
                yNew[i] = gNew[i] - g[i];
            }
            double sy = Dot(sNew, yNew);
            if (sy > 1e-12 * Math.Sqrt(Dot(sNew, sNew) * Dot(yNew, yNew)))
            {
                rho[head] = 1.0 / sy;
                head = (head + 1) % memory;
                stored = Math.Min(stored + 1, memory);
            }
            double fOld = fx;
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            fx = fNew;
            if (Math.Abs(fOld - fx) <= 1e-15 * Math.Max(1.0, Math.Abs(fx)) && MaxAbs(g) <= Math.Sqrt(gradientTolerance))
                return new Result(x, fx, iter + 1, true); // stalled at machine precision near the optimum
        }
        return new Result(x, fx, maxIterations, MaxAbs(g) <= gradientTolerance);
    }

    private static double Dot(double[] a, double[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < y.Length; i++) y[i] += a * x[i];
    }

    private static double MaxAbs(double[] v)
    {
        double m = 0.0;
        foreach (double t in v) m = Math.Max(m, Math.Abs(t));
        return m;
    }
}
