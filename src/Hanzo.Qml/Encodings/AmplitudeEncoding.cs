using Hanzo.Qml.Circuits;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Encodings;

/// <summary>
/// Amplitude encoding, PennyLane's <c>AmplitudeEmbedding(normalize=True, pad_with=…)</c>: the features, padded with
/// <see cref="PadWith"/> up to 2ⁿ entries and <b>then</b> divided by the padded vector's 2-norm, become the amplitudes
/// of the initial state (feature k ↦ basis state |k⟩, wire 0 the most significant bit). Padding before normalising is
/// PennyLane's order; the other order gives a different state whenever the pad value is non-zero.
/// </summary>
/// <remarks>
/// The state is written directly by the simulator (<see cref="StatePreparation"/>) rather than synthesised from gates,
/// so this encoding must be the first thing in its circuit and must span the whole register.
/// </remarks>
public sealed class AmplitudeEncoding : IEncoding
{
    /// <summary>Creates an amplitude encoding on <paramref name="numQubits"/> wires.</summary>
    /// <param name="numQubits">Number of wires, 1..<see cref="StateVector.MaxQubits"/>.</param>
    /// <param name="numFeatures">Number of features read, 1..2ⁿ; null for exactly 2ⁿ (no padding).</param>
    /// <param name="padWith">Value of the amplitudes after the last feature before normalisation (used only when fewer than 2ⁿ features are read).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a count is out of range or <paramref name="padWith"/> is not finite.</exception>
    public AmplitudeEncoding(int numQubits, int? numFeatures = null, double padWith = 0.0)
    {
        Require.Qubits(numQubits, "Amplitude encoding");
        if (numQubits > StateVector.MaxQubits)
            throw new ArgumentOutOfRangeException(nameof(numQubits), numQubits, $"Amplitude encoding supports at most {StateVector.MaxQubits} qubits (2^{StateVector.MaxQubits} amplitudes); got {numQubits}.");
        NumQubits = numQubits;
        int dimension = 1 << numQubits;
        int count = numFeatures ?? dimension;
        if (count < 1 || count > dimension)
            throw new ArgumentOutOfRangeException(nameof(numFeatures), count, $"Amplitude encoding on {numQubits} qubit(s) reads 1..{dimension} features; got {count}.");
        NumFeatures = count;
        PadWith = Require.Finite(padWith, nameof(padWith), "The padding value");
    }

    /// <inheritdoc />
    public string Name => "amplitude";

    /// <inheritdoc />
    public int NumQubits { get; }

    /// <inheritdoc />
    public int NumFeatures { get; }

    /// <summary>Value of the padded amplitudes before normalisation.</summary>
    public double PadWith { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">When the builder's register is not exactly <see cref="NumQubits"/> wires.</exception>
    /// <exception cref="InvalidOperationException">When the builder already holds gates.</exception>
    public void AppendTo(CircuitBuilder builder, int featureOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Require.Offset(featureOffset, nameof(featureOffset), "feature");
        // The prepared state fills the whole register; on a larger one the same features would land on other basis states.
        if (builder.NumQubits != NumQubits)
            throw new ArgumentException($"Amplitude encoding on {NumQubits} qubit(s) must span the whole register, but the circuit has {builder.NumQubits}.", nameof(builder));
        builder.Prepare(new StatePreparation(NumFeatures, PadWith, featureOffset));
        builder.DeclareFeatures(featureOffset + NumFeatures);
    }

    /// <inheritdoc />
    public Circuit ToCircuit()
    {
        var builder = new CircuitBuilder(NumQubits);
        AppendTo(builder);
        return builder.Build();
    }

    /// <inheritdoc />
    public override string ToString() => $"AmplitudeEncoding({NumQubits} qubits, {NumFeatures} features, pad {PadWith})";
}
