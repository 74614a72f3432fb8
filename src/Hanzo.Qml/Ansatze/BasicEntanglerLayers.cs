using Hanzo.Qml.Circuits;
using Hanzo.Qml.Encodings;

namespace Hanzo.Qml.Ansatze;

/// <summary>
/// PennyLane's <c>BasicEntanglerLayers</c>: each layer applies one rotation R(w[l, i]) on every wire i, then the CNOT
/// ring CNOT(i, i+1 mod n) for n &gt; 2, a single CNOT(0, 1) for n = 2, nothing for n = 1.
/// </summary>
/// <remarks>Weight shape [layers, wires]: w[l, i] is flat index l·n + i.</remarks>
public sealed class BasicEntanglerLayers : IAnsatz
{
    /// <summary>Creates the ansatz.</summary>
    /// <param name="numQubits">Number of wires (≥ 1).</param>
    /// <param name="numLayers">Number of layers (≥ 1).</param>
    /// <param name="rotation">The rotation of every wire (PennyLane's default RX).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a count is below 1 or the rotation is not defined.</exception>
    public BasicEntanglerLayers(int numQubits, int numLayers, AngleRotation rotation = AngleRotation.X)
    {
        NumQubits = Require.Qubits(numQubits, "Basic entangler layers");
        NumLayers = Require.AtLeastOne(numLayers, nameof(numLayers), "The number of layers");
        Rotation = Require.Defined(rotation, nameof(rotation));
        NumWeights = Require.Product("Basic entangler layers", numLayers, numQubits);
        WeightShape = Array.AsReadOnly([numLayers, numQubits]);
    }

    /// <inheritdoc />
    public string Name => "basic_entangler";

    /// <inheritdoc />
    public int NumQubits { get; }

    /// <inheritdoc />
    public int NumLayers { get; }

    /// <inheritdoc />
    public int NumWeights { get; }

    /// <inheritdoc />
    public IReadOnlyList<int> WeightShape { get; }

    /// <summary>The rotation of every wire.</summary>
    public AngleRotation Rotation { get; }

    /// <inheritdoc />
    public void AppendTo(CircuitBuilder builder, int weightOffset = 0)
    {
        Require.Fits(builder, NumQubits, "Basic entangler layers");
        Require.Offset(weightOffset, nameof(weightOffset), "weight");
        var gate = AngleEncoding.GateOf(Rotation);
        int n = NumQubits;
        for (int l = 0; l < NumLayers; l++)
        {
            for (int i = 0; i < n; i++) builder.Add(gate, [i], ParameterExpression.Weight(weightOffset + l * n + i));
            AnsatzRings.AppendRing(builder, n);
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
    public override string ToString() => $"BasicEntanglerLayers({NumQubits} qubits, {NumLayers} layers, R{Rotation})";
}
