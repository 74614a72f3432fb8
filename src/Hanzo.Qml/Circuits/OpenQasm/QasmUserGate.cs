namespace Hanzo.Qml.Circuits.OpenQasm;

/// <summary>
/// A <c>gate name(params) qubits { ... }</c> definition, kept as resolved calls and expanded (inlined) at every use:
/// the circuit model has no subroutines, and inlining keeps every operation a known <see cref="GateKind"/>.
/// </summary>
internal sealed class QasmUserGate(string name, int numParameters, int numQubits, IReadOnlyList<QasmUserGate.Call> body)
    : QasmGate(name, numParameters, numQubits)
{
    /// <summary>One statement of the body: a gate applied to formal qubits (indices into the gate's qubit list).</summary>
    public sealed record Call(QasmToken NameToken, QasmGate Gate, QasmExpression[] Arguments, int[] Qubits);

    public override int Nesting { get; } = 1 + body.Select(c => c.Gate.Nesting).DefaultIfEmpty(0).Max();

    public override void Emit(ReadOnlySpan<double> parameters, ReadOnlySpan<int> wires, List<Operation> output, QasmToken site, int maxOperations)
    {
        foreach (var call in body)
        {
            var values = new double[call.Arguments.Length];
            for (int i = 0; i < values.Length; i++) values[i] = call.Arguments[i].EvaluateFinite(parameters, $" (in gate '{Name}' applied at line {site.Line}, column {site.Column})");
            var actual = new int[call.Qubits.Length];
            for (int i = 0; i < actual.Length; i++) actual[i] = wires[call.Qubits[i]];
            call.Gate.Emit(values, actual, output, site, maxOperations);
            if (output.Count > maxOperations)
                throw new QasmParseException(site.Line, site.Column, $"expanding the user gates of this statement takes the program past {maxOperations} operations",
                    $"a program may expand to at most {maxOperations} operations; nest user gates less deeply or write a smaller circuit");
        }
    }
}
