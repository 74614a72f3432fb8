namespace Hanzo.Qml.Server.Storage;

/// <summary>A stored kernel definition: the encoding and its settings (the fidelity kernel has no other state).</summary>
public sealed class KernelDefinition
{
    /// <summary>Identifier, e.g. <c>k_3f…</c>.</summary>
    public required string Id { get; set; }

    /// <summary>Organisation that owns the kernel; other organisations never see it.</summary>
    public required string OrganisationId { get; set; }

    /// <summary>Encoding name, lower case (one of <see cref="Hanzo.Qml.Encodings.EncodingFactory.Names"/>).</summary>
    public required string Encoding { get; set; }

    /// <summary>Number of qubits.</summary>
    public int NumQubits { get; set; }

    /// <summary>Repetitions (IQP, ZZ, Pauli).</summary>
    public int Reps { get; set; }

    /// <summary>Angle-encoding rotation: x, y or z.</summary>
    public required string Rotation { get; set; }

    /// <summary>Entanglement of the ZZ and Pauli maps: linear, circular or full.</summary>
    public required string Entanglement { get; set; }

    /// <summary>Phase scale of the ZZ and Pauli maps.</summary>
    public double Alpha { get; set; }

    /// <summary>Pauli words of the Pauli map, comma-separated.</summary>
    public required string Paulis { get; set; }

    /// <summary>Padding value of the amplitude encoding.</summary>
    public double PadWith { get; set; }

    /// <summary>Feature count requested for the amplitude encoding; null for the default.</summary>
    public int? NumFeatures { get; set; }

    /// <summary>When the definition was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
