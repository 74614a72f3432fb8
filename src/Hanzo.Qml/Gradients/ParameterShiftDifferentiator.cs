using Hanzo.Qml.Circuits;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Gradients;

/// <summary>
/// The parameter-shift rule: each gate angle is differentiated from exact expectation values at shifted angles, as
/// on hardware. Gates whose generator has eigenvalues ±½ (RX, RY, RZ, PhaseShift, Rot, U3, Ising*, MultiRZ,
/// ControlledPhaseShift) use ∂f = ½[f(a+π/2) − f(a−π/2)]; controlled rotations (frequencies ½ and 1) use the four-term
/// rule ∂f = c₊[f(a+π/2) − f(a−π/2)] − c₋[f(a+3π/2) − f(a−3π/2)], c± = (√2 ± 1)/(4√2).
/// Feature gradients follow by the chain rule through the angle expressions (x_i·x_j, (π−x_i)(π−x_j), …).
/// </summary>
/// <param name="options">Simulator settings; null for the defaults.</param>
public sealed class ParameterShiftDifferentiator(SimulatorOptions? options = null) : IGradientMethod
{
    /// <summary>c₊ of the four-term rule.</summary>
    public static readonly double FourTermOuter = (Math.Sqrt(2) + 1) / (4 * Math.Sqrt(2));

    /// <summary>c₋ of the four-term rule.</summary>
    public static readonly double FourTermInner = (Math.Sqrt(2) - 1) / (4 * Math.Sqrt(2));

    private readonly StatevectorSimulator _simulator = new(options);

    /// <inheritdoc />
    public string Name => "parameter-shift";

    /// <inheritdoc />
    public GradientResult Compute(Circuit circuit, Hamiltonian observable, ReadOnlySpan<double> weights, ReadOnlySpan<double> features, GradientTargets targets = GradientTargets.Weights)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        circuit.ValidateInputs(weights, features);
        if (circuit.Preparation is not null && (targets & GradientTargets.Features) != 0)
            throw new NotSupportedException("The parameter-shift rule cannot differentiate an amplitude-encoding state preparation with respect to the features; use the adjoint or finite-difference method.");
        using var state = StateVector.Allocate(circuit.NumQubits, _simulator.Options);
        bool parallel = circuit.NumQubits >= _simulator.Options.ParallelThresholdQubits;
        var w = weights;
        var x = features;
        double Eval(int op, int par, double shift, ReadOnlySpan<double> ww, ReadOnlySpan<double> xx)
        {
            StatevectorSimulator.Initialize(circuit, state, xx);
            _simulator.Apply(circuit, state, ww, xx, parallel, op, par, shift);
            return Measurements.Expectation(state, observable);
        }
        double value = Eval(-1, 0, 0, w, x);
        var dW = new double[(targets & GradientTargets.Weights) != 0 ? circuit.NumWeights : 0];
        var dX = new double[(targets & GradientTargets.Features) != 0 ? circuit.NumFeatures : 0];
        for (int k = 0; k < circuit.Operations.Count; k++)
        {
            var op = circuit.Operations[k];
            var ps = op.Parameters;
            for (int j = 0; j < ps.Length; j++)
            {
                if (!ChainRule.Needed(ps[j], targets)) continue;
                double h = Math.PI / 2;
                double d = op.Info.Shift switch
                {
                    ShiftRule.TwoTerm => 0.5 * (Eval(k, j, h, w, x) - Eval(k, j, -h, w, x)),
                    ShiftRule.FourTerm => FourTermOuter * (Eval(k, j, h, w, x) - Eval(k, j, -h, w, x))
                                          - FourTermInner * (Eval(k, j, 3 * h, w, x) - Eval(k, j, -3 * h, w, x)),
                    _ => throw new InvalidOperationException($"{op.Info.Name} has no shift rule."),
                };
                // An adjoint-flagged gate runs at the same angles conjugated: its derivative flips sign only for
                // gates whose adjoint negates the angle, which the simulator applies by itself; the shift acts on the
                // angle as written, so the rule holds unchanged.
                ChainRule.Accumulate(ps[j], d, x, dW, dX, targets);
            }
        }
        return new GradientResult(value, dW, dX);
    }
}
