using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Encodings;

/// <summary>
/// IQP encoding, PennyLane's <c>IQPEmbedding</c> with its default all-pairs pattern. Each repeat applies, for every
/// wire i, H then RZ(x[i]); then MultiRZ(x[i]·x[j]) = exp(−i x[i]x[j] Z⊗Z/2) on [i, j] for every pair i &lt; j in
/// lexicographic order.
/// </summary>
/// <remarks>
/// <para>The default is <b>2 repeats</b>, as this project's specification asks; PennyLane's class default is
/// <c>n_repeats=1</c>, so pass <c>repeats: 1</c> to reproduce <c>qml.IQPEmbedding(x, wires)</c> called without it.</para>
/// <para>Unlike the ZZ feature map, the angles are x and x·x (not 2x and 2(π−x)(π−x)).</para>
/// </remarks>
public sealed class IqpEncoding : IEncoding
{
    /// <summary>Creates an IQP encoding of <paramref name="numQubits"/> features on as many wires.</summary>
    /// <param name="numQubits">Number of wires and of features (≥ 1).</param>
    /// <param name="repeats">How many times the H–RZ–MultiRZ layer is repeated (≥ 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="numQubits"/> or <paramref name="repeats"/> is below 1.</exception>
    public IqpEncoding(int numQubits, int repeats = 2)
    {
        NumQubits = Require.Qubits(numQubits, "IQP encoding");
        Repeats = Require.AtLeastOne(repeats, nameof(repeats), "The number of IQP repeats");
    }

    /// <inheritdoc />
    public string Name => "iqp";

    /// <inheritdoc />
    public int NumQubits { get; }

    /// <inheritdoc />
    public int NumFeatures => NumQubits;

    /// <summary>Number of repeats of the layer.</summary>
    public int Repeats { get; }

    /// <inheritdoc />
    public void AppendTo(CircuitBuilder builder, int featureOffset = 0)
    {
        Require.Fits(builder, NumQubits, "IQP encoding");
        Require.Offset(featureOffset, nameof(featureOffset), "feature");
        int n = NumQubits;
        for (int r = 0; r < Repeats; r++)
        {
            for (int i = 0; i < n; i++)
            {
                builder.H(i);
                builder.RZ(i, ParameterExpression.Feature(featureOffset + i));
            }
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                    builder.MultiRZ([i, j], ParameterExpression.FeatureProduct([featureOffset + i, featureOffset + j]));
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
    public override string ToString() => $"IqpEncoding({NumQubits} qubits, {Repeats} repeats)";
}
