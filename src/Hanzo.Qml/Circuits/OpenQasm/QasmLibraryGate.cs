namespace Hanzo.Qml.Circuits.OpenQasm;

/// <summary>
/// A gate of OpenQASM 2.0 (<c>U</c>, <c>CX</c>) or of the qelib1.inc subset, mapped to one <see cref="GateKind"/>.
/// The mapping is by matrix, global phase included, following Qiskit's gate classes (whose qelib1 names they carry):
/// rz is exp(−iλZ/2), not qelib1.inc's phase-shifted u1 definition, because states are compared with their phase.
/// </summary>
internal sealed class QasmLibraryGate : QasmGate
{
    private readonly Func<double[], double[]>? _map;

    private QasmLibraryGate(string name, GateKind kind, int numParameters, bool needsInclude, Func<double[], double[]>? map = null)
        : base(name, numParameters, GateInfo.Of(kind).NumWires)
    {
        Kind = kind;
        NeedsInclude = needsInclude;
        _map = map;
    }

    public GateKind Kind { get; }

    /// <summary>False only for the language's two built-ins, which exist without <c>include "qelib1.inc";</c>.</summary>
    public bool NeedsInclude { get; }

    // Declared before the properties below: static initialisers run in textual order.
    private static readonly QasmLibraryGate[] Table = Build();

    /// <summary>The gates by OpenQASM name (case-sensitive, as in the language).</summary>
    public static IReadOnlyDictionary<string, QasmLibraryGate> All { get; } = Table.ToDictionary(g => g.Name, StringComparer.Ordinal);

    /// <summary>The names in table order (built-ins first, then qelib1 by family), for stable error messages.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Table.Select(g => g.Name)];

    public override void Emit(ReadOnlySpan<double> parameters, ReadOnlySpan<int> wires, List<Operation> output, QasmToken site, int maxOperations)
    {
        double[] angles = _map is null ? parameters.ToArray() : _map(parameters.ToArray());
        var expressions = new ParameterExpression[angles.Length];
        for (int i = 0; i < angles.Length; i++) expressions[i] = ParameterExpression.Constant(angles[i]);
        output.Add(new Operation(Kind, wires.ToArray(), expressions));
    }

    private static QasmLibraryGate[] Build()
    {
        var list = new List<QasmLibraryGate>();
        void Add(string name, GateKind kind, int pars = -1, Func<double[], double[]>? map = null, bool include = true) =>
            list.Add(new QasmLibraryGate(name, kind, pars < 0 ? GateInfo.Of(kind).NumParameters : pars, include, map));
        Add("U", GateKind.U3, include: false);
        Add("CX", GateKind.CNOT, include: false);
        Add("id", GateKind.Identity);
        Add("x", GateKind.PauliX);
        Add("y", GateKind.PauliY);
        Add("z", GateKind.PauliZ);
        Add("h", GateKind.Hadamard);
        Add("s", GateKind.S);
        Add("sdg", GateKind.SAdjoint);
        Add("t", GateKind.T);
        Add("tdg", GateKind.TAdjoint);
        Add("sx", GateKind.SX);
        Add("sxdg", GateKind.SXAdjoint);
        Add("rx", GateKind.RX);
        Add("ry", GateKind.RY);
        Add("rz", GateKind.RZ);
        Add("p", GateKind.PhaseShift);
        Add("u1", GateKind.PhaseShift);
        // u2(φ, λ) is U(π/2, φ, λ) exactly.
        Add("u2", GateKind.U3, 2, a => [Math.PI / 2, a[0], a[1]]);
        Add("u3", GateKind.U3);
        Add("u", GateKind.U3);
        Add("cx", GateKind.CNOT);
        Add("cy", GateKind.CY);
        Add("cz", GateKind.CZ);
        Add("swap", GateKind.SWAP);
        Add("crx", GateKind.CRX);
        Add("cry", GateKind.CRY);
        Add("crz", GateKind.CRZ);
        Add("cp", GateKind.ControlledPhaseShift);
        Add("cu1", GateKind.ControlledPhaseShift);
        Add("rxx", GateKind.IsingXX);
        Add("ryy", GateKind.IsingYY);
        Add("rzz", GateKind.IsingZZ);
        Add("ccx", GateKind.Toffoli);
        return [.. list];
    }
}
