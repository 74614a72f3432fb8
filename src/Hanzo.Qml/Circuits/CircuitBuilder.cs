namespace Hanzo.Qml.Circuits;

/// <summary>Fluent, mutable builder of an immutable <see cref="Circuit"/>.</summary>
/// <param name="numQubits">Number of wires.</param>
public sealed class CircuitBuilder(int numQubits)
{
    private readonly List<Operation> _ops = [];
    private StatePreparation? _preparation;
    private int _numWeights;
    private int _numFeatures;

    /// <summary>Number of wires.</summary>
    public int NumQubits { get; } = numQubits >= 1 ? numQubits : throw new ArgumentOutOfRangeException(nameof(numQubits), numQubits, "A circuit needs at least one qubit.");

    /// <summary>Number of operations added so far.</summary>
    public int Count => _ops.Count;

    /// <summary>Appends an operation after checking its wires against the register.</summary>
    public CircuitBuilder Add(Operation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        foreach (int w in operation.Wires)
            if (w >= NumQubits) throw new ArgumentOutOfRangeException(nameof(operation), $"{operation}: wire {w} is outside the {NumQubits}-qubit register (wires 0..{NumQubits - 1}).");
        _ops.Add(operation);
        return this;
    }

    /// <summary>Appends <paramref name="gate"/> on <paramref name="wires"/> with the given angles.</summary>
    public CircuitBuilder Add(GateKind gate, IReadOnlyList<int> wires, params ParameterExpression[] parameters) =>
        Add(new Operation(gate, wires, parameters));

    /// <summary>Appends every operation of <paramref name="circuit"/> (same or smaller register).</summary>
    public CircuitBuilder Append(Circuit circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        if (circuit.Preparation is not null) throw new ArgumentException("A circuit with a state preparation can only be the start of another circuit.", nameof(circuit));
        foreach (var op in circuit.Operations) Add(op);
        _numWeights = Math.Max(_numWeights, circuit.NumWeights);
        _numFeatures = Math.Max(_numFeatures, circuit.NumFeatures);
        return this;
    }

    /// <summary>Starts the circuit from an amplitude-encoded state instead of |0…0⟩.</summary>
    public CircuitBuilder Prepare(StatePreparation preparation)
    {
        if (_ops.Count > 0) throw new InvalidOperationException("The state preparation must come before every gate.");
        _preparation = preparation ?? throw new ArgumentNullException(nameof(preparation));
        return this;
    }

    /// <summary>Declares at least <paramref name="count"/> weights even if fewer are referenced.</summary>
    public CircuitBuilder DeclareWeights(int count) { _numWeights = Math.Max(_numWeights, count); return this; }

    /// <summary>Declares at least <paramref name="count"/> features even if fewer are referenced.</summary>
    public CircuitBuilder DeclareFeatures(int count) { _numFeatures = Math.Max(_numFeatures, count); return this; }

    /// <summary>Pauli X on <paramref name="wire"/>.</summary>
    public CircuitBuilder X(int wire) => Add(GateKind.PauliX, [wire]);
    /// <summary>Pauli Y on <paramref name="wire"/>.</summary>
    public CircuitBuilder Y(int wire) => Add(GateKind.PauliY, [wire]);
    /// <summary>Pauli Z on <paramref name="wire"/>.</summary>
    public CircuitBuilder Z(int wire) => Add(GateKind.PauliZ, [wire]);
    /// <summary>Hadamard on <paramref name="wire"/>.</summary>
    public CircuitBuilder H(int wire) => Add(GateKind.Hadamard, [wire]);
    /// <summary>S on <paramref name="wire"/>.</summary>
    public CircuitBuilder S(int wire) => Add(GateKind.S, [wire]);
    /// <summary>T on <paramref name="wire"/>.</summary>
    public CircuitBuilder T(int wire) => Add(GateKind.T, [wire]);
    /// <summary>SX on <paramref name="wire"/>.</summary>
    public CircuitBuilder SX(int wire) => Add(GateKind.SX, [wire]);
    /// <summary>RX(angle) on <paramref name="wire"/>.</summary>
    public CircuitBuilder RX(int wire, ParameterExpression angle) => Add(GateKind.RX, [wire], angle);
    /// <summary>RY(angle) on <paramref name="wire"/>.</summary>
    public CircuitBuilder RY(int wire, ParameterExpression angle) => Add(GateKind.RY, [wire], angle);
    /// <summary>RZ(angle) on <paramref name="wire"/>.</summary>
    public CircuitBuilder RZ(int wire, ParameterExpression angle) => Add(GateKind.RZ, [wire], angle);
    /// <summary>PhaseShift(angle) on <paramref name="wire"/>.</summary>
    public CircuitBuilder Phase(int wire, ParameterExpression angle) => Add(GateKind.PhaseShift, [wire], angle);
    /// <summary>Rot(φ, θ, ω) on <paramref name="wire"/>.</summary>
    public CircuitBuilder Rot(int wire, ParameterExpression phi, ParameterExpression theta, ParameterExpression omega) => Add(GateKind.Rot, [wire], phi, theta, omega);
    /// <summary>CNOT with <paramref name="control"/> and <paramref name="target"/>.</summary>
    public CircuitBuilder CNOT(int control, int target) => Add(GateKind.CNOT, [control, target]);
    /// <summary>CZ on two wires.</summary>
    public CircuitBuilder CZ(int a, int b) => Add(GateKind.CZ, [a, b]);
    /// <summary>SWAP of two wires.</summary>
    public CircuitBuilder Swap(int a, int b) => Add(GateKind.SWAP, [a, b]);
    /// <summary>MultiRZ(angle) on <paramref name="wires"/>.</summary>
    public CircuitBuilder MultiRZ(IReadOnlyList<int> wires, ParameterExpression angle) => Add(GateKind.MultiRZ, wires, angle);

    /// <summary>The finished circuit.</summary>
    public Circuit Build() => new(NumQubits, _ops, _preparation, _numWeights, _numFeatures);
}
