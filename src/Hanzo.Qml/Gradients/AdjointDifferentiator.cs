using System.Numerics;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Gradients;

/// <summary>
/// Adjoint differentiation (Jones &amp; Gacon 2020): one forward pass, then one backward sweep that un-applies each gate
/// from the state |ψ⟩ and the co-state |λ⟩ = U†…H|ψ⟩ and reads ∂⟨H⟩/∂a = 2·Re⟨λ|∂U/∂a|ψ⟩ at each parameter. Cost is a
/// few state passes per gate whatever the number of parameters, and memory is three states whatever the number of
/// observable terms (the co-state holds H|ψ⟩ summed once). Exact; simulator only.
/// </summary>
/// <param name="options">Simulator settings; null for the defaults.</param>
public sealed class AdjointDifferentiator(SimulatorOptions? options = null) : IGradientMethod
{
    private readonly StatevectorSimulator _simulator = new(options);

    /// <inheritdoc />
    public string Name => "adjoint";

    /// <inheritdoc />
    public GradientResult Compute(Circuit circuit, Hamiltonian observable, ReadOnlySpan<double> weights, ReadOnlySpan<double> features, GradientTargets targets = GradientTargets.Weights)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        circuit.ValidateInputs(weights, features);
        StateVector.CheckBudget(circuit.NumQubits, 3, _simulator.Options);
        using var psi = StateVector.Allocate(circuit.NumQubits, _simulator.Options);
        using var lambda = StateVector.Allocate(circuit.NumQubits, _simulator.Options);
        using var mu = StateVector.Allocate(circuit.NumQubits, _simulator.Options);
        return Compute(circuit, observable, weights, features, targets, psi, lambda, mu);
    }

    /// <summary>The same computation on caller-owned scratch states (batched training reuses them across samples).</summary>
    internal GradientResult Compute(Circuit circuit, Hamiltonian observable, ReadOnlySpan<double> weights, ReadOnlySpan<double> features, GradientTargets targets,
        StateVector psi, StateVector lambda, StateVector mu)
    {
        bool parallel = circuit.NumQubits >= _simulator.Options.ParallelThresholdQubits;
        StatevectorSimulator.Initialize(circuit, psi, features);
        _simulator.Apply(circuit, psi, weights, features, parallel);
        double value = Measurements.Expectation(psi, observable);
        var dW = new double[(targets & GradientTargets.Weights) != 0 ? circuit.NumWeights : 0];
        var dX = new double[(targets & GradientTargets.Features) != 0 ? circuit.NumFeatures : 0];
        if (targets == GradientTargets.None) return new GradientResult(value, dW, dX);
        PauliApplier.Apply(observable, psi, lambda);
        Span<double> angles = stackalloc double[3];
        for (int k = circuit.Operations.Count - 1; k >= 0; k--)
        {
            var op = circuit.Operations[k];
            var a = StatevectorSimulator.Evaluate(op, weights, features, angles);
            GateApplier.Apply(psi, op, a, adjoint: true, parallel);
            var ps = op.Parameters;
            for (int j = 0; j < ps.Length; j++)
            {
                if (!ChainRule.Needed(ps[j], targets)) continue;
                mu.CopyFrom(psi);
                var dU = GateMatrices.Derivative(op.Gate, a, j, op.Wires.Length, op.IsAdjoint);
                GateApplier.ApplyDense(mu, op, dU, parallel);
                double dAngle = 2.0 * lambda.InnerProduct(mu).Real;
                ChainRule.Accumulate(ps[j], dAngle, features, dW, dX, targets);
            }
            GateApplier.Apply(lambda, op, a, adjoint: true, parallel);
        }
        if (circuit.Preparation is { } prep && dX.Length > 0) AmplitudeEncodingGradient(prep, psi, lambda, features, dX);
        return new GradientResult(value, dW, dX);
    }

    /// <summary>
    /// ψ₀ = f/‖f‖ with f the padded features, so ∂ψ₀ⱼ/∂xₖ = (δⱼₖ − ψ₀ⱼψ₀ₖ)/‖f‖ and
    /// ∂⟨H⟩/∂xₖ = 2/‖f‖ · (Re λₖ − ψ₀ₖ · Σⱼ ψ₀ⱼ Re λⱼ); ψ here is back at ψ₀ and λ is the co-state before the first gate.
    /// </summary>
    private static void AmplitudeEncodingGradient(StatePreparation prep, StateVector psi0, StateVector lambda, ReadOnlySpan<double> features, double[] dX)
    {
        double norm = Math.Sqrt(prep.Fill(features, (int)psi0.Length, out _));
        var p = psi0.Amplitudes;
        var l = lambda.Amplitudes;
        double overlap = 0;
        for (int j = 0; j < p.Length; j++) overlap += p[j].Real * l[j].Real;
        for (int k = 0; k < prep.NumFeatures; k++)
            dX[prep.FeatureOffset + k] += 2.0 / norm * (l[k].Real - p[k].Real * overlap);
    }
}
