using System.Collections.ObjectModel;
using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Encodings;

/// <summary>
/// Qiskit's <c>PauliFeatureMap</c> in PennyLane's wire order. Each repetition applies H on every wire, then for every
/// Pauli word (in the given order) and every wire tuple of the word's length (in <see cref="TuplesFor"/> order) the
/// evolution block: basis change (X → H, Y → RX(π/2)), a CNOT chain along the tuple, PhaseShift(α·φ_S) on the tuple's
/// last wire, the chain reversed, the basis change undone (X → H, Y → RX(−π/2)). Qiskit's default data map gives
/// φ_S = x[i] for a one-wire tuple and φ_S = Π_{j∈S}(π − x[j]) otherwise.
/// </summary>
/// <remarks>
/// <para><b>Word orientation.</b> Like Qiskit, a word is reversed before it is laid on its tuple: its <i>last</i>
/// letter acts on the tuple's <i>first</i> wire. In "ZY" on wires (0, 1), Y acts on wire 0 and Z on wire 1.</para>
/// <para><b>Tuples.</b> One-letter words act on every wire. For two letters the pairs come from <see cref="Encodings.Entanglement"/>;
/// for k ≥ 3 letters Full takes every k-subset, Linear the consecutive windows, and Circular the wrap-around tuple
/// (n−k+1, …, n−1, 0) followed by the windows — exactly Qiskit's <c>get_entangler_map</c>.</para>
/// <para>Up to global phase each block is exp(−i(α/2)φ_S P_S): the complex conjugate of the documented exp(+iφ_S P_S).
/// Qiskit's SX/SX† basis change for Y differs from RX(±π/2) only by phases that cancel inside a block. Identity
/// letters ("I") are not supported. With words ["Z", "ZZ"] this is exactly <see cref="ZZFeatureMap"/>.</para>
/// </remarks>
public sealed class PauliFeatureMap : IEncoding
{
    private static readonly string[] DefaultPaulis = ["Z", "ZZ"];
    private readonly string[] _paulis;
    private readonly int[][][] _tuples;

    /// <summary>Creates a Pauli feature map of <paramref name="numQubits"/> features on as many wires.</summary>
    /// <param name="numQubits">Number of wires and of features (≥ 1, and at least the longest word's length).</param>
    /// <param name="paulis">Pauli words over X, Y, Z (case-insensitive); null for Qiskit's default ["Z", "ZZ"].</param>
    /// <param name="reps">Number of repetitions (≥ 1).</param>
    /// <param name="entanglement">Which tuples multi-wire words act on.</param>
    /// <param name="alpha">Scale of every phase angle (Qiskit's default 2).</param>
    /// <exception cref="ArgumentException">When a word is empty, holds a letter other than X, Y, Z, or is longer than the register.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a count or alpha is out of range.</exception>
    public PauliFeatureMap(int numQubits, IReadOnlyList<string>? paulis = null, int reps = 2, Entanglement entanglement = Entanglement.Full, double alpha = 2.0)
    {
        NumQubits = Require.Qubits(numQubits, "A Pauli feature map");
        Reps = Require.AtLeastOne(reps, nameof(reps), "The number of repetitions");
        Entanglement = Require.Defined(entanglement, nameof(entanglement));
        Alpha = Require.Finite(alpha, nameof(alpha), "Alpha");
        paulis ??= DefaultPaulis;
        if (paulis.Count == 0) throw new ArgumentException("A Pauli feature map needs at least one Pauli word, e.g. [\"Z\", \"ZZ\"].", nameof(paulis));
        _paulis = new string[paulis.Count];
        _tuples = new int[paulis.Count][][];
        for (int p = 0; p < paulis.Count; p++)
        {
            string word = (paulis[p] ?? throw new ArgumentException($"Pauli word {p} is null.", nameof(paulis))).ToUpperInvariant();
            if (word.Length == 0) throw new ArgumentException($"Pauli word {p} is empty; use letters X, Y, Z such as \"Z\" or \"ZZ\".", nameof(paulis));
            foreach (char c in word)
                if (c is not ('X' or 'Y' or 'Z'))
                    throw new ArgumentException($"Pauli word \"{paulis[p]}\" holds '{c}'; only X, Y and Z are allowed (identities are not supported).", nameof(paulis));
            if (word.Length > numQubits)
                throw new ArgumentException($"Pauli word \"{word}\" acts on {word.Length} wires but the map has only {numQubits} qubit(s).", nameof(paulis));
            _paulis[p] = word;
            _tuples[p] = EntanglerMap.Tuples(entanglement, numQubits, word.Length);
        }
        Paulis = Array.AsReadOnly(_paulis);
    }

    /// <inheritdoc />
    public string Name => "pauli";

    /// <inheritdoc />
    public int NumQubits { get; }

    /// <inheritdoc />
    public int NumFeatures => NumQubits;

    /// <summary>The Pauli words, upper-case, in the order their blocks are applied.</summary>
    public ReadOnlyCollection<string> Paulis { get; }

    /// <summary>Number of repetitions.</summary>
    public int Reps { get; }

    /// <summary>The entanglement pattern of multi-wire words.</summary>
    public Entanglement Entanglement { get; }

    /// <summary>Scale of every phase angle.</summary>
    public double Alpha { get; }

    /// <summary>The wire tuples word <paramref name="wordIndex"/> acts on, in application order.</summary>
    public IReadOnlyList<IReadOnlyList<int>> TuplesFor(int wordIndex)
    {
        if ((uint)wordIndex >= (uint)_paulis.Length)
            throw new ArgumentOutOfRangeException(nameof(wordIndex), wordIndex, $"There are {_paulis.Length} Pauli word(s); the index must be 0..{_paulis.Length - 1}.");
        return [.. _tuples[wordIndex].Select(t => (IReadOnlyList<int>)Array.AsReadOnly(t))];
    }

    /// <inheritdoc />
    public void AppendTo(CircuitBuilder builder, int featureOffset = 0)
    {
        Require.Fits(builder, NumQubits, "The Pauli feature map");
        Require.Offset(featureOffset, nameof(featureOffset), "feature");
        for (int r = 0; r < Reps; r++)
        {
            for (int i = 0; i < NumQubits; i++) builder.H(i);
            for (int p = 0; p < _paulis.Length; p++)
                foreach (var tuple in _tuples[p])
                    AppendBlock(builder, _paulis[p], tuple, featureOffset);
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
    public override string ToString() => $"PauliFeatureMap({NumQubits} qubits, [{string.Join(", ", _paulis)}], reps={Reps}, {Entanglement}, alpha={Alpha})";

    private void AppendBlock(CircuitBuilder builder, string word, int[] tuple, int featureOffset)
    {
        int k = tuple.Length;
        // Qiskit reverses the word, so letter word[k-1-m] acts on tuple[m].
        for (int m = 0; m < k; m++) ChangeBasis(builder, word[k - 1 - m], tuple[m], undo: false);
        for (int m = 0; m < k - 1; m++) builder.CNOT(tuple[m], tuple[m + 1]);
        var angle = k == 1
            ? ParameterExpression.Feature(featureOffset + tuple[0], Alpha)
            : ParameterExpression.PiMinusFeatureProduct([.. tuple.Select(w => featureOffset + w)], Alpha);
        builder.Phase(tuple[k - 1], angle);
        for (int m = k - 2; m >= 0; m--) builder.CNOT(tuple[m], tuple[m + 1]);
        for (int m = 0; m < k; m++) ChangeBasis(builder, word[k - 1 - m], tuple[m], undo: true);
    }

    private static void ChangeBasis(CircuitBuilder builder, char letter, int wire, bool undo)
    {
        // H maps X to Z; RX(π/2) maps Y to Z (RX(π/2)·Y·RX(−π/2) = Z), and RX(−π/2) maps it back.
        if (letter == 'X') builder.H(wire);
        else if (letter == 'Y') builder.RX(wire, undo ? -Math.PI / 2 : Math.PI / 2);
    }
}
