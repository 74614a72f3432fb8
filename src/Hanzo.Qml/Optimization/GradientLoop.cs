namespace Hanzo.Qml.Optimization;

/// <summary>The iteration shared by the gradient optimisers: evaluate, check, record, step.</summary>
internal static class GradientLoop
{
    public static OptimizationResult Run(string name, GradientDescentOptions options, IGradientStepper stepper,
        Func<double[], (double Value, double[] Gradient)> objective, double[] initial, CancellationToken cancellationToken,
        IProgress<OptimizationStep>? progress)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var x = Objective.CheckInitial(initial);
        int n = x.Length;
        var history = new List<double>();
        double bestValue = double.PositiveInfinity;
        double[] bestPoint = (double[])x.Clone();
        int evaluations = 0;
        var reason = ConvergenceReason.MaxIterations;
        for (int k = 0; k <= options.MaxIterations; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (value, gradient) = objective((double[])x.Clone());
            evaluations++;
            if (!double.IsFinite(value))
                throw new InvalidOperationException($"The objective returned {value} at x = {Objective.Format(x)}; it must return a finite number.");
            if (gradient is null || gradient.Length != n)
                throw new InvalidOperationException($"The objective returned a gradient of length {gradient?.Length.ToString() ?? "null"}; expected {n}.");
            if (value < bestValue)
            {
                bestValue = value;
                bestPoint = (double[])x.Clone();
            }
            if (k == options.MaxIterations) break;
            history.Add(value);
            progress?.Report(new OptimizationStep(k + 1, evaluations, value, bestValue));
            if (DenseAlgebra.Norm(gradient) <= options.GradientTolerance)
            {
                reason = ConvergenceReason.ToleranceReached;
                break;
            }
            stepper.Step(x, gradient);
        }
        return new OptimizationResult(name, bestPoint, bestValue, history.Count, evaluations, reason, history);
    }

    /// <summary>Central differences of <paramref name="objective"/>: value and gradient from 2n + 1 evaluations.</summary>
    public static Func<double[], (double Value, double[] Gradient)> FiniteDifferences(Func<double[], double> objective, double h)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return x =>
        {
            double value = objective((double[])x.Clone());
            var g = new double[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                double keep = x[i];
                x[i] = keep + h;
                double up = objective((double[])x.Clone());
                x[i] = keep - h;
                double down = objective((double[])x.Clone());
                x[i] = keep;
                g[i] = (up - down) / (2 * h);
            }
            return (value, g);
        };
    }

    public static void CheckStep(int dimension, Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        if (parameters.Length != dimension)
            throw new ArgumentException($"The stepper updates {dimension} parameters; got {parameters.Length}.", nameof(parameters));
        if (gradient.Length != dimension)
            throw new ArgumentException($"The stepper expects a gradient of length {dimension}; got {gradient.Length}.", nameof(gradient));
        for (int i = 0; i < dimension; i++)
            if (!double.IsFinite(gradient[i]))
                throw new ArgumentException($"Gradient component {i} is {gradient[i]}; gradients must be finite.", nameof(gradient));
    }
}
