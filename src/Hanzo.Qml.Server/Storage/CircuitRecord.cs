namespace Hanzo.Qml.Server.Storage;

/// <summary>A stored circuit: its definition as submitted (structural JSON or OpenQASM 2.0) and its validated shape.</summary>
public sealed class CircuitRecord
{
    /// <summary>Identifier, e.g. <c>c_3f…</c>.</summary>
    public required string Id { get; set; }

    /// <summary>Owner.</summary>
    public required string OrganisationId { get; set; }

    /// <summary>"structural" or "qasm".</summary>
    public required string Format { get; set; }

    /// <summary>
    /// The definition as JSON, the normalised body of <c>POST /v1/circuits</c>: the structural object, or
    /// <c>{"qasm": source, "observables": […]}</c> (JSON for both forms, so a QASM circuit keeps its default observables).
    /// </summary>
    public required string Definition { get; set; }

    /// <summary>Number of qubits.</summary>
    public int NumQubits { get; set; }

    /// <summary>Number of trainable weights the circuit reads.</summary>
    public int NumWeights { get; set; }

    /// <summary>Number of features the circuit reads.</summary>
    public int NumFeatures { get; set; }

    /// <summary>Circuit depth (layers of gates on disjoint wires).</summary>
    public int Depth { get; set; }

    /// <summary>Number of gates.</summary>
    public int NumGates { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
