using System.Collections.ObjectModel;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Encodings;

namespace Hanzo.Qml.Ansatze;

/// <summary>
/// PennyLane's <c>StronglyEntanglingLayers</c> with CNOT entanglers: layer l applies Rot(w[l,i,0], w[l,i,1], w[l,i,2])
/// on every wire i, then CNOT(i, (i + r_l) mod n) for i = 0 … n−1. The default range is r_l = (l mod (n−1)) + 1, so
/// successive layers couple wires further apart. On two wires a layer has two CNOTs, (0→1) and (1→0); on one wire none.
/// </summary>
/// <remarks>Weight shape [layers, wires, 3] with the last axis (φ, θ, ω) of Rot = RZ(ω)·RY(θ)·RZ(φ): w[l, i, k] is flat index (l·n + i)·3 + k.</remarks>
public sealed class StronglyEntanglingLayers : IAnsatz
{
    private readonly int[] _ranges;

    /// <summary>Creates the ansatz.</summary>
    /// <param name="numQubits">Number of wires (≥ 1).</param>
    /// <param name="numLayers">Number of layers (≥ 1).</param>
    /// <param name="ranges">The range r_l of every layer (one per layer, none ≡ 0 mod n); null for PennyLane's default. Ignored on one wire, which has no entanglers.</param>
    /// <exception cref="ArgumentException">When <paramref name="ranges"/> has the wrong length or a range is a multiple of the wire count (a CNOT from a wire to itself).</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a count is below 1.</exception>
    public StronglyEntanglingLayers(int numQubits, int numLayers, IReadOnlyList<int>? ranges = null)
    {
        NumQubits = Require.Qubits(numQubits, "Strongly entangling layers");
        NumLayers = Require.AtLeastOne(numLayers, nameof(numLayers), "The number of layers");
        NumWeights = Require.Product("Strongly entangling layers", numLayers, numQubits, 3);
        WeightShape = Array.AsReadOnly([numLayers, numQubits, 3]);
        if (ranges is null)
        {
            _ranges = new int[numLayers];
            for (int l = 0; l < numLayers; l++) _ranges[l] = numQubits > 1 ? l % (numQubits - 1) + 1 : 0;
        }
        else
        {
            if (ranges.Count != numLayers)
                throw new ArgumentException($"Strongly entangling layers need one range per layer: {numLayers} expected, {ranges.Count} given.", nameof(ranges));
            _ranges = [.. ranges];
            if (numQubits > 1)
                foreach (int r in _ranges)
                    if (r % numQubits == 0)
                        throw new ArgumentException($"Range {r} is a multiple of the wire count {numQubits}, which would put a CNOT's control and target on the same wire; use a range not divisible by {numQubits}.", nameof(ranges));
        }
        Ranges = Array.AsReadOnly(_ranges);
    }

    /// <inheritdoc />
    public string Name => "strongly_entangling";

    /// <inheritdoc />
    public int NumQubits { get; }

    /// <inheritdoc />
    public int NumLayers { get; }

    /// <inheritdoc />
    public int NumWeights { get; }

    /// <inheritdoc />
    public IReadOnlyList<int> WeightShape { get; }

    /// <summary>The CNOT range of every layer.</summary>
    public ReadOnlyCollection<int> Ranges { get; }

    /// <inheritdoc />
    public void AppendTo(CircuitBuilder builder, int weightOffset = 0)
    {
        Require.Fits(builder, NumQubits, "Strongly entangling layers");
        Require.Offset(weightOffset, nameof(weightOffset), "weight");
        int n = NumQubits;
        for (int l = 0; l < NumLayers; l++)
        {
            for (int i = 0; i < n; i++)
            {
                int w = weightOffset + (l * n + i) * 3;
                builder.Rot(i, ParameterExpression.Weight(w), ParameterExpression.Weight(w + 1), ParameterExpression.Weight(w + 2));
            }
            if (n == 1) continue;
            // Negative ranges wrap like Python's modulo, which PennyLane's periodic wire subset uses.
            for (int i = 0; i < n; i++) builder.CNOT(i, ((i + _ranges[l]) % n + n) % n);
        }
        builder.DeclareWeights(weightOffset + NumWeights);
    }

    /// <inheritdoc />
    public Circuit ToCircuit()
    {
        var builder = new CircuitBuilder(NumQubits);
        AppendTo(builder);
        return builder.Build();
    }

    /// <inheritdoc />
    public override string ToString() => $"StronglyEntanglingLayers({NumQubits} qubits, {NumLayers} layers, ranges [{string.Join(", ", _ranges)}])";
}
