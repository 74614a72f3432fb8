namespace Hanzo.Qml.Circuits;

/// <summary>A single-qubit Pauli operator.</summary>
public enum Pauli
{
    /// <summary>Identity.</summary>
    I,
    /// <summary>Pauli X.</summary>
    X,
    /// <summary>Pauli Y.</summary>
    Y,
    /// <summary>Pauli Z.</summary>
    Z,
}
