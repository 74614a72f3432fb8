namespace Hanzo.Qml.Optimization;

/// <summary>
/// An optimiser that follows gradients (Adam, SGD). It runs whole minimisations from a function that returns its value
/// and gradient, and hands out <see cref="IGradientStepper"/>s for training loops that compute their own (mini-batch)
/// gradients.
/// </summary>
public interface IGradientOptimizer : IOptimizer
{
    /// <summary>
    /// Minimises a function given with its gradient. The objective receives a fresh array on every call and returns
    /// the value and a gradient of the same length.
    /// </summary>
    /// <param name="objective">Value and gradient at a point.</param>
    /// <param name="initial">The starting point (not modified).</param>
    /// <param name="cancellationToken">Checked before every evaluation; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Receives one <see cref="OptimizationStep"/> per iteration.</param>
    OptimizationResult Minimize(Func<double[], (double Value, double[] Gradient)> objective, double[] initial,
        CancellationToken cancellationToken = default, IProgress<OptimizationStep>? progress = null);

    /// <summary>A fresh update rule (with zeroed moments) for parameter vectors of length <paramref name="dimension"/>.</summary>
    IGradientStepper CreateStepper(int dimension);
}
