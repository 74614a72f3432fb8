namespace Hanzo.Qml.Optimization;

/// <summary>
/// The Nelder–Mead downhill simplex method (Nelder &amp; Mead 1965, with the ordering and tie rules of Lagarias et al.
/// 1998): reflect the worst vertex through the centroid of the others, expand if that is the new best, contract if it
/// is no better than the second worst, shrink the whole simplex towards the best vertex when nothing helps.
/// Derivative-free and unconstrained; deterministic.
/// </summary>
/// <param name="options">Step, tolerances and budgets; null for the defaults.</param>
public sealed class NelderMead(NelderMeadOptions? options = null) : IOptimizer
{
    /// <summary>The settings in force (validated at construction).</summary>
    public NelderMeadOptions Options { get; } = Validated(options ?? new NelderMeadOptions());

    /// <inheritdoc />
    public string Name => "nelder-mead";

    /// <inheritdoc />
    public OptimizationResult Minimize(Func<double[], double> objective, double[] initial, CancellationToken cancellationToken = default,
        IProgress<OptimizationStep>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var x0 = Objective.CheckInitial(initial);
        var o = Options;
        int n = x0.Length;
        if (o.MaxEvaluations < n + 1)
            throw new ArgumentException($"Nelder–Mead needs n + 1 = {n + 1} evaluations for its first simplex, but {nameof(NelderMeadOptions.MaxEvaluations)} is {o.MaxEvaluations}.", nameof(initial));
        double rho = 1, chi = o.Adaptive ? 1 + 2.0 / n : 2, psi = o.Adaptive ? 0.75 - 0.5 / n : 0.5, sigma = o.Adaptive ? 1 - 1.0 / n : 0.5;
        if (n == 1 && o.Adaptive) sigma = 0.5;
        var f = new Objective(objective, cancellationToken);
        var x = new double[n + 1][];
        var v = new double[n + 1];
        x[0] = x0;
        v[0] = f.Evaluate(x0);
        for (int i = 0; i < n; i++)
        {
            x[i + 1] = (double[])x0.Clone();
            x[i + 1][i] += o.InitialStep;
            v[i + 1] = f.Evaluate(x[i + 1]);
        }
        var order = new int[n + 1];
        var centroid = new double[n];
        var trial = new double[n];
        var history = new List<double>();
        ConvergenceReason reason = ConvergenceReason.MaxIterations;
        int iterations = 0;
        while (true)
        {
            SortVertices(order, v);
            int best = order[0], worst = order[n], second = order[n - 1];
            if (Converged(x, v, order, o)) { reason = ConvergenceReason.ToleranceReached; break; }
            if (iterations >= o.MaxIterations) { reason = ConvergenceReason.MaxIterations; break; }
            if (f.Evaluations + 2 > o.MaxEvaluations) { reason = ConvergenceReason.MaxEvaluations; break; }
            iterations++;
            Array.Clear(centroid);
            for (int k = 0; k < n; k++)
                for (int i = 0; i < n; i++) centroid[i] += x[order[k]][i] / n;
            double Point(double t)
            {
                for (int i = 0; i < n; i++) trial[i] = centroid[i] + t * (x[worst][i] - centroid[i]);
                return f.Evaluate(trial);
            }
            void Accept(double value)
            {
                x[worst] = (double[])trial.Clone();
                v[worst] = value;
            }
            double fr = Point(-rho);
            if (fr < v[best])
            {
                var reflected = (double[])trial.Clone();
                double fe = Point(-rho * chi);
                if (fe < fr) Accept(fe);
                else { trial = reflected; Accept(fr); }
            }
            else if (fr < v[second])
            {
                Accept(fr);
            }
            else
            {
                // Outside contraction when the reflection beat the worst vertex, inside contraction otherwise.
                bool outside = fr < v[worst];
                var reflected = (double[])trial.Clone();
                double fc = Point(outside ? -rho * psi : psi);
                if (outside ? fc <= fr : fc < v[worst])
                {
                    Accept(fc);
                }
                else
                {
                    trial = reflected;
                    if (f.Evaluations + n > o.MaxEvaluations) { reason = ConvergenceReason.MaxEvaluations; break; }
                    for (int k = 1; k <= n; k++)
                    {
                        int j = order[k];
                        for (int i = 0; i < n; i++) x[j][i] = x[best][i] + sigma * (x[j][i] - x[best][i]);
                        v[j] = f.Evaluate(x[j]);
                    }
                }
            }
            double low = v.Min();
            history.Add(low);
            progress?.Report(new OptimizationStep(iterations, f.Evaluations, low, f.BestValue));
        }
        SortVertices(order, v);
        return new OptimizationResult("nelder-mead", (double[])x[order[0]].Clone(), v[order[0]], iterations, f.Evaluations, reason, history);
    }

    /// <summary>Stable sort by value, so that ties keep their earlier order (Lagarias et al.'s rule).</summary>
    private static void SortVertices(int[] order, double[] v)
    {
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var keys = (double[])v.Clone();
        Array.Sort(keys, order);
        // Array.Sort is not stable; restore index order among equal values.
        for (int i = 1; i < order.Length; i++)
            for (int j = i; j > 0 && keys[j] == keys[j - 1] && order[j] < order[j - 1]; j--)
                (order[j], order[j - 1]) = (order[j - 1], order[j]);
    }

    private static bool Converged(double[][] x, double[] v, int[] order, NelderMeadOptions o)
    {
        int best = order[0];
        for (int k = 1; k < order.Length; k++)
        {
            int j = order[k];
            if (Math.Abs(v[j] - v[best]) > o.ValueTolerance) return false;
            for (int i = 0; i < x[j].Length; i++)
                if (Math.Abs(x[j][i] - x[best][i]) > o.PointTolerance) return false;
        }
        return true;
    }

    private static NelderMeadOptions Validated(NelderMeadOptions o)
    {
        o.Validate();
        return o;
    }
}
