using Hanzo.Qml.Circuits;
using Hanzo.Qml.Encodings;

namespace Hanzo.Qml.Ansatze;

/// <summary>
/// A hardware-efficient ansatz: each layer applies RX, RY, RZ (in that order) on every wire, then a CNOT ring
/// CNOT(i, i+1 mod n) for i = 0 … n−1. On two wires the ring is the single CNOT(0, 1) (the closing CNOT(1, 0) would only
/// undo part of the entanglement); on one wire there is none.
/// </summary>
/// <remarks>Weight shape [layers, wires, 3] with the last axis (rx, ry, rz): w[l, i, k] is flat index (l·n + i)·3 + k.</remarks>
public sealed class HardwareEfficientAnsatz : IAnsatz
{
    /// <summary>Creates the ansatz.</summary>
    /// <param name="numQubits">Number of wires (≥ 1).</param>
    /// <param name="numLayers">Number of layers (≥ 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a count is below 1 or the weight count overflows.</exception>
    public HardwareEfficientAnsatz(int numQubits, int numLayers)
    {
        NumQubits = Require.Qubits(numQubits, "The hardware-efficient ansatz");
        NumLayers = Require.AtLeastOne(numLayers, nameof(numLayers), "The number of layers");
        NumWeights = Require.Product("The hardware-efficient ansatz", numLayers, numQubits, 3);
        WeightShape = Array.AsReadOnly([numLayers, numQubits, 3]);
    }

    /// <inheritdoc />
    public string Name => "hardware_efficient";

    /// <inheritdoc />
    public int NumQubits { get; }

    /// <inheritdoc />
    public int NumLayers { get; }

    /// <inheritdoc />
    public int NumWeights { get; }

    /// <inheritdoc />
    public IReadOnlyList<int> WeightShape { get; }

    /// <inheritdoc />
    public void AppendTo(CircuitBuilder builder, int weightOffset = 0)
    {
        Require.Fits(builder, NumQubits, "The hardware-efficient ansatz");
        Require.Offset(weightOffset, nameof(weightOffset), "weight");
        int n = NumQubits;
        for (int l = 0; l < NumLayers; l++)
        {
            for (int i = 0; i < n; i++)
            {
                int w = weightOffset + (l * n + i) * 3;
                builder.RX(i, ParameterExpression.Weight(w));
                builder.RY(i, ParameterExpression.Weight(w + 1));
                builder.RZ(i, ParameterExpression.Weight(w + 2));
            }
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
    public override string ToString() => $"HardwareEfficientAnsatz({NumQubits} qubits, {NumLayers} layers)";
}
