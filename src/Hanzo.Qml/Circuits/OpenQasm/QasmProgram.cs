namespace Hanzo.Qml.Circuits.OpenQasm;

/// <summary>
/// An imported OpenQASM 2.0 program. The circuit holds the unitary part; measurements are kept apart because this
/// library reads them as "measure at the end" (the importer refuses gates on a qubit after it was measured, so that
/// reading is exact).
/// </summary>
/// <param name="Circuit">The gates, with constant angles, on the concatenated quantum registers.</param>
/// <param name="QuantumRegisters">The <c>qreg</c>s in declaration order; the first one's element 0 is wire 0.</param>
/// <param name="ClassicalRegisters">The <c>creg</c>s in declaration order.</param>
/// <param name="Measurements">Every <c>measure</c>, in source order, broadcasts expanded.</param>
public sealed record QasmProgram(
    Circuit Circuit,
    IReadOnlyList<QasmRegister> QuantumRegisters,
    IReadOnlyList<QasmRegister> ClassicalRegisters,
    IReadOnlyList<QasmMeasurement> Measurements)
{
    /// <summary>Total number of classical bits.</summary>
    public int NumClassicalBits => ClassicalRegisters.Sum(r => r.Size);

    /// <summary>The distinct measured wires, ascending.</summary>
    public IReadOnlyList<int> MeasuredQubits => [.. Measurements.Select(m => m.Qubit).Distinct().Order()];

    /// <summary>True when every qubit of the circuit is measured at least once.</summary>
    public bool MeasuresAll => MeasuredQubits.Count == Circuit.NumQubits;
}
