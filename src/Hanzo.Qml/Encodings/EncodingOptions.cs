namespace Hanzo.Qml.Encodings;

/// <summary>
/// Settings for <see cref="EncodingFactory"/>; each encoding reads only the settings it has. Immutable: derive
/// variants with <c>with</c>, e.g. <c>EncodingOptions.Default with { Reps = 1 }</c>.
/// </summary>
public sealed record EncodingOptions
{
    private static readonly string[] DefaultPaulis = ["Z", "ZZ"];
    private readonly IReadOnlyList<string> _paulis = Array.AsReadOnly(DefaultPaulis);

    /// <summary>Every setting at its default.</summary>
    public static EncodingOptions Default { get; } = new();

    /// <summary>Repetitions of the IQP, ZZ and Pauli maps (default 2; note PennyLane's IQPEmbedding defaults to 1).</summary>
    public int Reps { get; init; } = 2;

    /// <summary>Rotation of the angle encoding (default X).</summary>
    public AngleRotation Rotation { get; init; } = AngleRotation.X;

    /// <summary>Entanglement pattern of the ZZ and Pauli maps (default Full, Qiskit's default).</summary>
    public Entanglement Entanglement { get; init; } = Entanglement.Full;

    /// <summary>Phase scale of the ZZ and Pauli maps (default 2, Qiskit's default).</summary>
    public double Alpha { get; init; } = 2.0;

    /// <summary>Pauli words of the Pauli map (default ["Z", "ZZ"]); the list is copied, so later changes to the caller's list do not leak in.</summary>
    public IReadOnlyList<string> Paulis
    {
        get => _paulis;
        init => _paulis = Array.AsReadOnly((value ?? throw new ArgumentNullException(nameof(value), "Paulis cannot be null; leave it unset for [\"Z\", \"ZZ\"].")).ToArray());
    }

    /// <summary>Padding value of the amplitude encoding (default 0).</summary>
    public double PadWith { get; init; }

    /// <summary>Number of features of the amplitude encoding; null for 2ⁿ (no padding).</summary>
    public int? NumFeatures { get; init; }

    /// <summary>Value equality, comparing the Pauli words element by element.</summary>
    public bool Equals(EncodingOptions? other) =>
        other is not null && Reps == other.Reps && Rotation == other.Rotation && Entanglement == other.Entanglement
        && Alpha.Equals(other.Alpha) && PadWith.Equals(other.PadWith) && NumFeatures == other.NumFeatures
        && _paulis.SequenceEqual(other._paulis, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Reps);
        hash.Add(Rotation);
        hash.Add(Entanglement);
        hash.Add(Alpha);
        hash.Add(PadWith);
        hash.Add(NumFeatures);
        foreach (string p in _paulis) hash.Add(p, StringComparer.Ordinal);
        return hash.ToHashCode();
    }
}
