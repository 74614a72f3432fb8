namespace Hanzo.Qml.Circuits;

/// <summary>How a gate's parameters are differentiated by the parameter-shift rule.</summary>
public enum ShiftRule
{
    /// <summary>The gate has no parameter.</summary>
    None,
    /// <summary>Generator eigenvalues ±½ (one frequency): ∂f = ½[f(θ+π/2) − f(θ−π/2)].</summary>
    TwoTerm,
    /// <summary>Controlled rotations (frequencies ½ and 1): the four-term rule of Wierichs et al. / PennyLane.</summary>
    FourTerm,
}

/// <summary>Static facts about a <see cref="GateKind"/>: its arity, parameter count, structure and shift rule.</summary>
/// <param name="Kind">The gate.</param>
/// <param name="Name">PennyLane's name of the gate.</param>
/// <param name="NumWires">Number of wires, or 0 for gates that take any number (MultiRZ).</param>
/// <param name="NumParameters">Number of angles.</param>
/// <param name="IsDiagonal">True when the matrix is diagonal for every angle (applied as a phase multiplication).</param>
/// <param name="Shift">Parameter-shift recipe of every parameter.</param>
public sealed record GateInfo(GateKind Kind, string Name, int NumWires, int NumParameters, bool IsDiagonal, ShiftRule Shift)
{
    private static readonly GateInfo[] Table = Build();

    /// <summary>The facts about <paramref name="kind"/>.</summary>
    public static GateInfo Of(GateKind kind) => Table[(int)kind];

    /// <summary>Every gate the library knows, in <see cref="GateKind"/> order.</summary>
    public static IReadOnlyList<GateInfo> All => Table;

    /// <summary>Finds a gate by its PennyLane name (case-insensitive), or null.</summary>
    public static GateInfo? FindByName(string name) =>
        Array.Find(Table, g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));

    private static GateInfo[] Build()
    {
        var t = new GateInfo[Enum.GetValues<GateKind>().Length];
        void Add(GateKind k, string name, int wires, int pars, bool diag, ShiftRule rule) => t[(int)k] = new GateInfo(k, name, wires, pars, diag, rule);
        Add(GateKind.Identity, "Identity", 1, 0, true, ShiftRule.None);
        Add(GateKind.PauliX, "PauliX", 1, 0, false, ShiftRule.None);
        Add(GateKind.PauliY, "PauliY", 1, 0, false, ShiftRule.None);
        Add(GateKind.PauliZ, "PauliZ", 1, 0, true, ShiftRule.None);
        Add(GateKind.Hadamard, "Hadamard", 1, 0, false, ShiftRule.None);
        Add(GateKind.S, "S", 1, 0, true, ShiftRule.None);
        Add(GateKind.SAdjoint, "Adjoint(S)", 1, 0, true, ShiftRule.None);
        Add(GateKind.T, "T", 1, 0, true, ShiftRule.None);
        Add(GateKind.TAdjoint, "Adjoint(T)", 1, 0, true, ShiftRule.None);
        Add(GateKind.SX, "SX", 1, 0, false, ShiftRule.None);
        Add(GateKind.SXAdjoint, "Adjoint(SX)", 1, 0, false, ShiftRule.None);
        Add(GateKind.RX, "RX", 1, 1, false, ShiftRule.TwoTerm);
        Add(GateKind.RY, "RY", 1, 1, false, ShiftRule.TwoTerm);
        Add(GateKind.RZ, "RZ", 1, 1, true, ShiftRule.TwoTerm);
        Add(GateKind.PhaseShift, "PhaseShift", 1, 1, true, ShiftRule.TwoTerm);
        Add(GateKind.Rot, "Rot", 1, 3, false, ShiftRule.TwoTerm);
        Add(GateKind.U3, "U3", 1, 3, false, ShiftRule.TwoTerm);
        Add(GateKind.CNOT, "CNOT", 2, 0, false, ShiftRule.None);
        Add(GateKind.CZ, "CZ", 2, 0, true, ShiftRule.None);
        Add(GateKind.CY, "CY", 2, 0, false, ShiftRule.None);
        Add(GateKind.SWAP, "SWAP", 2, 0, false, ShiftRule.None);
        Add(GateKind.ISWAP, "ISWAP", 2, 0, false, ShiftRule.None);
        Add(GateKind.CRX, "CRX", 2, 1, false, ShiftRule.FourTerm);
        Add(GateKind.CRY, "CRY", 2, 1, false, ShiftRule.FourTerm);
        Add(GateKind.CRZ, "CRZ", 2, 1, true, ShiftRule.FourTerm);
        Add(GateKind.CRot, "CRot", 2, 3, false, ShiftRule.FourTerm);
        Add(GateKind.ControlledPhaseShift, "ControlledPhaseShift", 2, 1, true, ShiftRule.TwoTerm);
        Add(GateKind.IsingXX, "IsingXX", 2, 1, false, ShiftRule.TwoTerm);
        Add(GateKind.IsingYY, "IsingYY", 2, 1, false, ShiftRule.TwoTerm);
        Add(GateKind.IsingZZ, "IsingZZ", 2, 1, true, ShiftRule.TwoTerm);
        Add(GateKind.MultiRZ, "MultiRZ", 0, 1, true, ShiftRule.TwoTerm);
        Add(GateKind.Toffoli, "Toffoli", 3, 0, false, ShiftRule.None);
        return t;
    }
}
