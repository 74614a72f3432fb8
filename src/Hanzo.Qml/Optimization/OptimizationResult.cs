namespace Hanzo.Qml.Optimization;

/// <summary>The outcome of a minimisation.</summary>
/// <param name="Optimizer">Name of the optimiser that produced it.</param>
/// <param name="Point">The final point: the best one evaluated for COBYLA, Nelder–Mead and the gradient methods, the last iterate for SPSA.</param>
/// <param name="Value">The objective at <see cref="Point"/> (evaluated, never estimated).</param>
/// <param name="Iterations">Iterations performed.</param>
/// <param name="Evaluations">Objective evaluations performed (a value-and-gradient call counts as one).</param>
/// <param name="Reason">Why the optimiser stopped.</param>
/// <param name="History">One value per iteration, as reported by <see cref="OptimizationStep.Value"/>.</param>
public sealed record OptimizationResult(
    string Optimizer,
    double[] Point,
    double Value,
    int Iterations,
    int Evaluations,
    ConvergenceReason Reason,
    IReadOnlyList<double> History)
{
    /// <summary>
    /// Largest violation max(0, −cᵢ(x)) of the inequality constraints cᵢ(x) ≥ 0 at <see cref="Point"/>; 0 without constraints.
    /// </summary>
    public double MaxConstraintViolation { get; init; }
}
