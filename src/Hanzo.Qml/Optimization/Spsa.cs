namespace Hanzo.Qml.Optimization;

/// <summary>
/// Simultaneous perturbation stochastic approximation (Spall 1992): each iteration perturbs every coordinate at once by
/// ±c_k (a seeded Rademacher direction Δ), estimates the gradient from the two values as
/// ĝ = (f(x + c_kΔ) − f(x − c_kΔ))/(2c_k)·Δ, and steps x ← x − a_k·ĝ. Two evaluations per iteration whatever the
/// dimension, and robust to noisy objectives (shot noise, hardware). Deterministic under <see cref="SpsaOptions.Seed"/>.
/// </summary>
/// <param name="options">Gains, budget and seed; null for the defaults.</param>
public sealed class Spsa(SpsaOptions? options = null) : IOptimizer
{
    /// <summary>The settings in force (validated at construction).</summary>
    public SpsaOptions Options { get; } = Validated(options ?? new SpsaOptions());

    /// <inheritdoc />
    public string Name => "spsa";

    /// <summary>
    /// Runs <see cref="SpsaOptions.MaxIterations"/> iterations and returns the last iterate with its (evaluated) value.
    /// The history holds, per iteration, the mean of the two perturbed values (an estimate of f at the iterate that
    /// costs no extra evaluation).
    /// </summary>
    public OptimizationResult Minimize(Func<double[], double> objective, double[] initial, CancellationToken cancellationToken = default,
        IProgress<OptimizationStep>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var x = Objective.CheckInitial(initial);
        var o = Options;
        int n = x.Length;
        var f = new Objective(objective, cancellationToken);
        var rng = new Random(o.Seed);
        var delta = new double[n];
        var plus = new double[n];
        var minus = new double[n];
        double bigA = o.StabilityConstant ?? 0.1 * o.MaxIterations;

        double GradientScale(double ck)
        {
            for (int i = 0; i < n; i++) delta[i] = rng.Next(2) == 0 ? -1.0 : 1.0;
            for (int i = 0; i < n; i++) { plus[i] = x[i] + ck * delta[i]; minus[i] = x[i] - ck * delta[i]; }
            double fp = f.Evaluate(plus), fm = f.Evaluate(minus);
            return (fp - fm) / (2 * ck);
        }

        double a = o.StepSize ?? 0;
        if (o.StepSize is null)
        {
            // |ĝᵢ| = |(f₊ − f₋)/2c| for every coordinate, so the mean magnitude sets the first step a₀·|ĝ|.
            double mean = 0;
            for (int s = 0; s < o.CalibrationSamples; s++) mean += Math.Abs(GradientScale(o.Perturbation));
            mean /= o.CalibrationSamples;
            a = mean > 0 ? o.TargetFirstStep * Math.Pow(1 + bigA, o.Alpha) / mean : o.TargetFirstStep;
        }
        var history = new List<double>(o.MaxIterations);
        for (int k = 0; k < o.MaxIterations; k++)
        {
            double ak = a / Math.Pow(k + 1 + bigA, o.Alpha);
            double ck = o.Perturbation / Math.Pow(k + 1, o.Gamma);
            for (int i = 0; i < n; i++) delta[i] = rng.Next(2) == 0 ? -1.0 : 1.0;
            for (int i = 0; i < n; i++) { plus[i] = x[i] + ck * delta[i]; minus[i] = x[i] - ck * delta[i]; }
            double fp = f.Evaluate(plus), fm = f.Evaluate(minus);
            double scale = (fp - fm) / (2 * ck);
            // Δᵢ = ±1, so 1/Δᵢ = Δᵢ.
            for (int i = 0; i < n; i++) x[i] -= ak * scale * delta[i];
            double estimate = 0.5 * (fp + fm);
            history.Add(estimate);
            progress?.Report(new OptimizationStep(k + 1, f.Evaluations, estimate, f.BestValue));
        }
        double value = f.Evaluate(x);
        return new OptimizationResult("spsa", x, value, o.MaxIterations, f.Evaluations, ConvergenceReason.MaxIterations, history);
    }

    private static SpsaOptions Validated(SpsaOptions o)
    {
        o.Validate();
        return o;
    }
}
