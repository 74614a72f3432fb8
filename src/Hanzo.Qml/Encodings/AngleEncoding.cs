using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Encodings;

/// <summary>
/// Angle encoding, PennyLane's <c>AngleEmbedding</c>: feature x[i] is the angle of one rotation R(x[i]) on wire i.
/// A product state, cheap to prepare; with <see cref="AngleRotation.Z"/> on |0…0⟩ it only changes the global phase,
/// which is why it is usually preceded by Hadamards or followed by an ansatz.
/// </summary>
public sealed class AngleEncoding : IEncoding
{
    /// <summary>Creates an angle encoding of <paramref name="numQubits"/> features on as many wires.</summary>
    /// <param name="numQubits">Number of wires and of features (≥ 1).</param>
    /// <param name="rotation">Which rotation carries the feature.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="numQubits"/> &lt; 1 or the rotation is not defined.</exception>
    public AngleEncoding(int numQubits, AngleRotation rotation = AngleRotation.X)
    {
        NumQubits = Require.Qubits(numQubits, "Angle encoding");
        Rotation = Require.Defined(rotation, nameof(rotation));
    }

    /// <inheritdoc />
    public string Name => "angle";

    /// <inheritdoc />
    public int NumQubits { get; }

    /// <inheritdoc />
    public int NumFeatures => NumQubits;

    /// <summary>The rotation that carries each feature.</summary>
    public AngleRotation Rotation { get; }

    /// <inheritdoc />
    public void AppendTo(CircuitBuilder builder, int featureOffset = 0)
    {
        Require.Fits(builder, NumQubits, "Angle encoding");
        Require.Offset(featureOffset, nameof(featureOffset), "feature");
        var gate = GateOf(Rotation);
        for (int i = 0; i < NumQubits; i++)
            builder.Add(gate, [i], ParameterExpression.Feature(featureOffset + i));
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
    public override string ToString() => $"AngleEncoding({NumQubits} qubits, R{Rotation})";

    internal static GateKind GateOf(AngleRotation rotation) => rotation switch
    {
        AngleRotation.X => GateKind.RX,
        AngleRotation.Y => GateKind.RY,
        AngleRotation.Z => GateKind.RZ,
        _ => throw new ArgumentOutOfRangeException(nameof(rotation), rotation, "Rotation must be X, Y or Z."),
    };
}
