namespace Hanzo.Qml.Optimization;

/// <summary>
/// Minimises a real function of a real vector. Every optimiser in this namespace implements it; the derivative-free
/// ones (COBYLA, Nelder–Mead, SPSA) use only function values, the gradient-based ones (<see cref="IGradientOptimizer"/>)
/// fall back to central finite differences when called through this interface.
/// </summary>
public interface IOptimizer
{
    /// <summary>Short lower-case name ("cobyla", "nelder-mead", "spsa", "adam", "sgd").</summary>
    string Name { get; }

    /// <summary>
    /// Minimises <paramref name="objective"/> from <paramref name="initial"/>. The objective receives a fresh array on
    /// every call (it may keep it) and must return a finite number.
    /// </summary>
    /// <param name="objective">The function to minimise.</param>
    /// <param name="initial">The starting point (not modified).</param>
    /// <param name="cancellationToken">Checked before every evaluation; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Receives one <see cref="OptimizationStep"/> per iteration.</param>
    OptimizationResult Minimize(Func<double[], double> objective, double[] initial, CancellationToken cancellationToken = default,
        IProgress<OptimizationStep>? progress = null);
}
