using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Encodings;

/// <summary>
/// The "no-entanglement twin" of an encoding: the same circuit with every multi-qubit gate removed, together with the
/// single-qubit phases that only existed as the middle of a decomposed two-qubit interaction (angles that read a product
/// of several features, such as the ZZ map's P(2(π−xᵢ)(π−xⱼ)) between its two CNOTs). What is left prepares a product
/// state from the same per-feature rotations.
/// </summary>
/// <remarks>
/// Bowles, Ahmed and Schuld (2024) found that such "separable" twins often score as well as the entangling originals;
/// a claimed quantum advantage that the twin also achieves does not come from entanglement. Amplitude encoding is
/// refused: its entanglement lives in the state preparation, not in gates that can be dropped. An encoding that is
/// already a product (angle) comes back unchanged.
/// </remarks>
public sealed class SeparableEncoding : IEncoding
{
    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <exception cref="ArgumentException">When <paramref name="inner"/> prepares its state by amplitude encoding.</exception>
    public SeparableEncoding(IEncoding inner)
    {
        Inner = inner ?? throw new ArgumentNullException(nameof(inner));
        if (inner.ToCircuit().Preparation is not null)
            throw new ArgumentException($"The {inner.Name} encoding prepares its state directly (amplitude encoding); there are no entangling gates to remove.", nameof(inner));
    }

    /// <summary>The entangling encoding this twin is derived from.</summary>
    public IEncoding Inner { get; }

    /// <inheritdoc />
    public string Name => "separable_" + Inner.Name;

    /// <inheritdoc />
    public int NumQubits => Inner.NumQubits;

    /// <inheritdoc />
    public int NumFeatures => Inner.NumFeatures;

    /// <inheritdoc />
    public void AppendTo(CircuitBuilder builder, int featureOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var scratch = new CircuitBuilder(builder.NumQubits);
        Inner.AppendTo(scratch, featureOffset);
        foreach (var op in scratch.Build().Operations)
            if (Keeps(op)) builder.Add(op);
        // Declared even if every gate reading the last feature was dropped, so the feature count matches the inner encoding.
        builder.DeclareFeatures(featureOffset + NumFeatures);
    }

    /// <inheritdoc />
    public Circuit ToCircuit()
    {
        var builder = new CircuitBuilder(NumQubits);
        AppendTo(builder);
        return builder.Build();
    }

    /// <summary>True when the operation acts on one wire and reads at most one feature.</summary>
    internal static bool Keeps(Operation op)
    {
        if (op.Wires.Length > 1) return false;
        foreach (var p in op.Parameters)
            if (p.DependsOnFeatures && p.Indices.Length > 1) return false;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"SeparableEncoding({Inner})";
}
