using Hanzo.Qml.Circuits;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Gradients;

/// <summary>
/// Central finite differences (f(v+h) − f(v−h))/2h on every weight and feature: approximate (error O(h²) plus rounding
/// of order ε/h), used as an independent check of the exact methods. The default step 1e-5 balances both to ≈1e-10.
/// </summary>
/// <param name="step">The step h (&gt; 0).</param>
/// <param name="options">Simulator settings; null for the defaults.</param>
public sealed class FiniteDifferenceDifferentiator(double step = 1e-5, SimulatorOptions? options = null) : IGradientMethod
{
    private readonly StatevectorSimulator _simulator = new(options);

    /// <summary>The step h.</summary>
    public double Step { get; } = step > 0 && double.IsFinite(step) ? step : throw new ArgumentOutOfRangeException(nameof(step), step, "The finite-difference step must be a positive finite number.");

    /// <inheritdoc />
    public string Name => "finite-difference";

    /// <inheritdoc />
    public GradientResult Compute(Circuit circuit, Hamiltonian observable, ReadOnlySpan<double> weights, ReadOnlySpan<double> features, GradientTargets targets = GradientTargets.Weights)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        circuit.ValidateInputs(weights, features);
        var w = weights.ToArray();
        var x = features.ToArray();
        double value = _simulator.Expectation(circuit, observable, w, x);
        var dW = new double[(targets & GradientTargets.Weights) != 0 ? circuit.NumWeights : 0];
        var dX = new double[(targets & GradientTargets.Features) != 0 ? circuit.NumFeatures : 0];
        for (int i = 0; i < dW.Length; i++) dW[i] = Central(w, i, () => _simulator.Expectation(circuit, observable, w, x));
        for (int i = 0; i < dX.Length; i++) dX[i] = Central(x, i, () => _simulator.Expectation(circuit, observable, w, x));
        return new GradientResult(value, dW, dX);
    }

    private double Central(double[] v, int i, Func<double> f)
    {
        double keep = v[i];
        v[i] = keep + Step;
        double plus = f();
        v[i] = keep - Step;
        double minus = f();
        v[i] = keep;
        return (plus - minus) / (2 * Step);
    }
}
