namespace Hanzo.Qml.Circuits;

/// <summary>
/// An immutable circuit structure on <see cref="NumQubits"/> wires: an optional amplitude-encoding initial state and a
/// list of operations with symbolic angles. Weights and features are supplied at execution time, so one circuit runs
/// on many inputs. Build one with <see cref="CircuitBuilder"/>.
/// </summary>
public sealed class Circuit
{
    private readonly Operation[] _operations;

    /// <summary>Creates a circuit and validates every operation against the register size.</summary>
    /// <param name="numQubits">Number of wires (≥ 1).</param>
    /// <param name="operations">Operations in time order.</param>
    /// <param name="preparation">Amplitude-encoding initial state, or null for |0…0⟩.</param>
    /// <param name="numWeights">Declared weight count; at least one more than the largest weight index used.</param>
    /// <param name="numFeatures">Declared feature count; at least one more than the largest feature index used.</param>
    public Circuit(int numQubits, IEnumerable<Operation> operations, StatePreparation? preparation = null, int numWeights = 0, int numFeatures = 0)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (numQubits < 1) throw new ArgumentOutOfRangeException(nameof(numQubits), numQubits, "A circuit needs at least one qubit.");
        NumQubits = numQubits;
        _operations = [.. operations];
        Preparation = preparation;
        int maxW = -1, maxX = -1;
        foreach (var op in _operations)
        {
            foreach (int w in op.Wires)
                if (w >= numQubits) throw new ArgumentOutOfRangeException(nameof(operations), $"{op}: wire {w} is outside the {numQubits}-qubit register (wires 0..{numQubits - 1}).");
            foreach (var p in op.Parameters)
            {
                if (p.DependsOnWeights) maxW = Math.Max(maxW, p.Index);
                if (p.DependsOnFeatures) foreach (int i in p.Indices) maxX = Math.Max(maxX, i);
            }
        }
        if (preparation is not null)
        {
            if (preparation.NumFeatures < 1 || preparation.NumFeatures > (1L << numQubits))
                throw new ArgumentOutOfRangeException(nameof(preparation), $"Amplitude encoding on {numQubits} qubits takes 1..{1L << numQubits} features; got {preparation.NumFeatures}.");
            maxX = Math.Max(maxX, preparation.FeatureOffset + preparation.NumFeatures - 1);
        }
        NumWeights = Math.Max(numWeights, maxW + 1);
        NumFeatures = Math.Max(numFeatures, maxX + 1);
    }

    /// <summary>Number of wires.</summary>
    public int NumQubits { get; }

    /// <summary>Operations in time order.</summary>
    public IReadOnlyList<Operation> Operations => _operations;

    /// <summary>Amplitude-encoding initial state, or null for |0…0⟩.</summary>
    public StatePreparation? Preparation { get; }

    /// <summary>Number of trainable weights the circuit reads.</summary>
    public int NumWeights { get; }

    /// <summary>Number of input features the circuit reads.</summary>
    public int NumFeatures { get; }

    /// <summary>Number of operations.</summary>
    public int Count => _operations.Length;

    /// <summary>
    /// The inverse circuit U†: operations reversed and each replaced by its adjoint.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the circuit starts from an amplitude-encoded state, which has no unitary inverse here.</exception>
    public Circuit Adjoint()
    {
        if (Preparation is not null)
            throw new InvalidOperationException("The adjoint of a circuit with an amplitude-encoding state preparation is not defined; remove the preparation first.");
        var ops = new Operation[_operations.Length];
        for (int i = 0; i < ops.Length; i++) ops[i] = _operations[^(i + 1)].Adjoint();
        return new Circuit(NumQubits, ops, null, NumWeights, NumFeatures);
    }

    /// <summary>This circuit followed by <paramref name="next"/> (same register size).</summary>
    public Circuit Then(Circuit next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.NumQubits != NumQubits) throw new ArgumentException($"Cannot append a {next.NumQubits}-qubit circuit to a {NumQubits}-qubit circuit.", nameof(next));
        if (next.Preparation is not null) throw new ArgumentException("Only the first circuit of a composition may carry a state preparation.", nameof(next));
        return new Circuit(NumQubits, _operations.Concat(next._operations), Preparation, Math.Max(NumWeights, next.NumWeights), Math.Max(NumFeatures, next.NumFeatures));
    }

    /// <summary>Checks that weight and feature vectors are long enough and finite.</summary>
    public void ValidateInputs(ReadOnlySpan<double> weights, ReadOnlySpan<double> features)
    {
        if (weights.Length < NumWeights) throw new ArgumentException($"The circuit reads {NumWeights} weight(s); {weights.Length} were given.", nameof(weights));
        if (features.Length < NumFeatures) throw new ArgumentException($"The circuit reads {NumFeatures} feature(s); {features.Length} were given.", nameof(features));
        for (int i = 0; i < weights.Length; i++)
            if (!double.IsFinite(weights[i])) throw new ArgumentException($"Weight {i} is {weights[i]}; weights must be finite.", nameof(weights));
        for (int i = 0; i < features.Length; i++)
            if (!double.IsFinite(features[i])) throw new ArgumentException($"Feature {i} is {features[i]}; features must be finite.", nameof(features));
    }

    /// <inheritdoc />
    public override string ToString() => $"Circuit({NumQubits} qubits, {Count} operations, {NumWeights} weights, {NumFeatures} features)";
}
