using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Encodings;

/// <summary>
/// The ZZ feature map of Havlíček et al. (2019), built gate for gate like Qiskit's <c>ZZFeatureMap</c> but on PennyLane's
/// wire order. Each repetition applies H on every wire, PhaseShift(α·x[i]) on every wire, then for each entangling pair
/// (i, j) in <see cref="Pairs"/> order: CNOT(i, j), PhaseShift(α·(π − x[i])(π − x[j])) on j, CNOT(i, j).
/// </summary>
/// <remarks>
/// <para>The phase gates are kept (rather than RZ/MultiRZ, which differ by a global phase) so statevectors match the
/// reference bit for bit. Up to global phase the single-qubit block is exp(−i(α/2)x[i]Z) and the pair block is
/// exp(−i(α/2)(π−x[i])(π−x[j]) Z⊗Z): the complex conjugate of the paper's exp(+iφ), which leaves fidelity kernels unchanged.</para>
/// <para>Qiskit's statevectors are bit-reversed against these because Qiskit's qubit 0 is the least significant bit.
/// This is <see cref="PauliFeatureMap"/> with Pauli words ["Z", "ZZ"], written out directly.</para>
/// </remarks>
public sealed class ZZFeatureMap : IEncoding
{
    private readonly (int First, int Second)[] _pairs;

    /// <summary>Creates a ZZ feature map of <paramref name="numQubits"/> features on as many wires.</summary>
    /// <param name="numQubits">Number of wires and of features (≥ 2: with one qubit there is no pair to entangle, as in Qiskit).</param>
    /// <param name="reps">Number of repetitions (≥ 1).</param>
    /// <param name="entanglement">Which pairs are coupled and in which order.</param>
    /// <param name="alpha">Scale of every phase angle (Qiskit's default 2).</param>
    /// <exception cref="ArgumentOutOfRangeException">When an argument is out of range.</exception>
    public ZZFeatureMap(int numQubits, int reps = 2, Entanglement entanglement = Entanglement.Full, double alpha = 2.0)
    {
        NumQubits = Require.Qubits(numQubits, "The ZZ feature map (it couples pairs of qubits)", minimum: 2);
        Reps = Require.AtLeastOne(reps, nameof(reps), "The number of repetitions");
        Entanglement = Require.Defined(entanglement, nameof(entanglement));
        Alpha = Require.Finite(alpha, nameof(alpha), "Alpha");
        _pairs = [.. EntanglerMap.Tuples(entanglement, numQubits, 2).Select(t => (t[0], t[1]))];
    }

    /// <inheritdoc />
    public string Name => "zz";

    /// <inheritdoc />
    public int NumQubits { get; }

    /// <inheritdoc />
    public int NumFeatures => NumQubits;

    /// <summary>Number of repetitions.</summary>
    public int Reps { get; }

    /// <summary>The entanglement pattern.</summary>
    public Entanglement Entanglement { get; }

    /// <summary>Scale of every phase angle.</summary>
    public double Alpha { get; }

    /// <summary>The coupled pairs (CNOT control, phase target) in the order they are applied within a repetition.</summary>
    public IReadOnlyList<(int First, int Second)> Pairs => _pairs;

    /// <inheritdoc />
    public void AppendTo(CircuitBuilder builder, int featureOffset = 0)
    {
        Require.Fits(builder, NumQubits, "The ZZ feature map");
        Require.Offset(featureOffset, nameof(featureOffset), "feature");
        for (int r = 0; r < Reps; r++)
        {
            for (int i = 0; i < NumQubits; i++) builder.H(i);
            for (int i = 0; i < NumQubits; i++) builder.Phase(i, ParameterExpression.Feature(featureOffset + i, Alpha));
            foreach (var (i, j) in _pairs)
            {
                builder.CNOT(i, j);
                builder.Phase(j, ParameterExpression.PiMinusFeatureProduct([featureOffset + i, featureOffset + j], Alpha));
                builder.CNOT(i, j);
            }
        }
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
    public override string ToString() => $"ZZFeatureMap({NumQubits} qubits, reps={Reps}, {Entanglement}, alpha={Alpha})";
}
