namespace Hanzo.Qml.Circuits.OpenQasm;

/// <summary>
/// A <c>qreg</c> or <c>creg</c> of an OpenQASM program and where it sits in the flat numbering: registers of a kind are
/// concatenated in declaration order, so element <c>name[i]</c> is qubit (or classical bit) <c>Offset + i</c>.
/// </summary>
/// <param name="Name">The register's name in the source.</param>
/// <param name="Size">Number of qubits or bits.</param>
/// <param name="Offset">Flat index of element 0: the circuit wire for a qreg, the classical bit for a creg.</param>
public sealed record QasmRegister(string Name, int Size, int Offset);
