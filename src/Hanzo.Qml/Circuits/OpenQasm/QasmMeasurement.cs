namespace Hanzo.Qml.Circuits.OpenQasm;

/// <summary>One <c>measure</c> of a qubit into a classical bit, both as flat indices (see <see cref="QasmRegister.Offset"/>).</summary>
/// <param name="Qubit">The measured circuit wire.</param>
/// <param name="ClassicalBit">The classical bit that receives the outcome.</param>
public readonly record struct QasmMeasurement(int Qubit, int ClassicalBit);
