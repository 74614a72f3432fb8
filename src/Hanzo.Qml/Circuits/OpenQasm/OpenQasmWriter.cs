using System.Globalization;
using System.Text;

namespace Hanzo.Qml.Circuits.OpenQasm;

/// <summary>
/// Exports a circuit as OpenQASM 2.0 on one register <c>q</c> (wire i is <c>q[i]</c>) with numeric angles. Every
/// gate becomes qelib1.inc gates with exactly the same matrix, global phase included, so an exported circuit, read back
/// by <see cref="OpenQasmParser"/>, gives the very same statevector: Rot and CRot become rz/ry/rz chains, MultiRZ a CNOT
/// parity ladder around rz, ISWAP an s/h/cx sequence, SX† is written as sx then x, and IsingYY as rx-conjugated rzz
/// (ryy is missing from Qiskit's qelib1.inc).
/// </summary>
public static class OpenQasmWriter
{
    /// <summary>Writes <paramref name="circuit"/> with its angles evaluated at the given weights and features.</summary>
    /// <param name="circuit">The circuit; it must start from |0…0⟩.</param>
    /// <param name="weights">Trainable weights the angles read.</param>
    /// <param name="features">Input features the angles read.</param>
    /// <param name="measureAll">Appends <c>measure q -> c;</c>.</param>
    /// <returns>The program, lines separated by '\n', numbers in invariant culture with round-trip precision.</returns>
    /// <exception cref="NotSupportedException">When the circuit starts from an amplitude-encoded state.</exception>
    /// <exception cref="ArgumentException">When <paramref name="weights"/> or <paramref name="features"/> are too short or not finite.</exception>
    public static string Write(Circuit circuit, ReadOnlySpan<double> weights = default, ReadOnlySpan<double> features = default, bool measureAll = false)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        if (circuit.Preparation is not null)
            throw new NotSupportedException(
                "This circuit starts from an amplitude-encoded state (StatePreparation), which OpenQASM 2.0 cannot express: it has no state-preparation " +
                "instruction and the encoded state depends on the input features. Export the circuit without the preparation, or replace it with gates.");
        circuit.ValidateInputs(weights, features);
        var sb = new StringBuilder();
        int n = circuit.NumQubits;
        sb.Append("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n");
        sb.Append(CultureInfo.InvariantCulture, $"qreg q[{n}];\ncreg c[{n}];\n");
        foreach (var op in circuit.Operations)
        {
            var closed = op;
            if (op.IsAdjoint)
            {
                // Write U† from the closed-form inverse where the gate set has one; only ISWAP† lacks one.
                closed = new Operation(op.Gate, op.Wires.ToArray(), op.Parameters.ToArray()).Adjoint();
                if (closed.IsAdjoint)
                {
                    if (op.Gate != GateKind.ISWAP)
                        throw new NotSupportedException($"{op} has no OpenQASM 2.0 form for its adjoint.");
                    ISwap(sb, op.Wires[0], op.Wires[1], inverse: true);
                    continue;
                }
            }
            var angles = new double[closed.Parameters.Length];
            for (int i = 0; i < angles.Length; i++) angles[i] = closed.Parameters[i].Evaluate(weights, features);
            WriteGate(sb, closed.Gate, angles, closed.Wires);
        }
        if (measureAll) sb.Append("measure q -> c;\n");
        return sb.ToString();
    }

    private static void WriteGate(StringBuilder sb, GateKind gate, double[] a, ReadOnlySpan<int> w)
    {
        switch (gate)
        {
            case GateKind.Identity: Line(sb, "id", [], w[0]); break;
            case GateKind.PauliX: Line(sb, "x", [], w[0]); break;
            case GateKind.PauliY: Line(sb, "y", [], w[0]); break;
            case GateKind.PauliZ: Line(sb, "z", [], w[0]); break;
            case GateKind.Hadamard: Line(sb, "h", [], w[0]); break;
            case GateKind.S: Line(sb, "s", [], w[0]); break;
            case GateKind.SAdjoint: Line(sb, "sdg", [], w[0]); break;
            case GateKind.T: Line(sb, "t", [], w[0]); break;
            case GateKind.TAdjoint: Line(sb, "tdg", [], w[0]); break;
            case GateKind.SX: Line(sb, "sx", [], w[0]); break;
            case GateKind.SXAdjoint:
                // SX² = X exactly, so SX⁴ = I and SX† = SX³ = X·SX: no phase correction needed.
                Line(sb, "sx", [], w[0]);
                Line(sb, "x", [], w[0]);
                break;
            case GateKind.RX: Line(sb, "rx", [Num(a[0])], w[0]); break;
            case GateKind.RY: Line(sb, "ry", [Num(a[0])], w[0]); break;
            case GateKind.RZ: Line(sb, "rz", [Num(a[0])], w[0]); break;
            case GateKind.PhaseShift: Line(sb, "p", [Num(a[0])], w[0]); break;
            case GateKind.Rot:
                // Rot(φ,θ,ω) = RZ(ω)·RY(θ)·RZ(φ): rz(φ) acts first.
                Line(sb, "rz", [Num(a[0])], w[0]);
                Line(sb, "ry", [Num(a[1])], w[0]);
                Line(sb, "rz", [Num(a[2])], w[0]);
                break;
            case GateKind.U3: Line(sb, "u3", [Num(a[0]), Num(a[1]), Num(a[2])], w[0]); break;
            case GateKind.CNOT: Line(sb, "cx", [], w[0], w[1]); break;
            case GateKind.CZ: Line(sb, "cz", [], w[0], w[1]); break;
            case GateKind.CY: Line(sb, "cy", [], w[0], w[1]); break;
            case GateKind.SWAP: Line(sb, "swap", [], w[0], w[1]); break;
            case GateKind.ISWAP: ISwap(sb, w[0], w[1], inverse: false); break;
            case GateKind.CRX: Line(sb, "crx", [Num(a[0])], w[0], w[1]); break;
            case GateKind.CRY: Line(sb, "cry", [Num(a[0])], w[0], w[1]); break;
            case GateKind.CRZ: Line(sb, "crz", [Num(a[0])], w[0], w[1]); break;
            case GateKind.CRot:
                // A controlled product is the product of the controlled factors.
                Line(sb, "crz", [Num(a[0])], w[0], w[1]);
                Line(sb, "cry", [Num(a[1])], w[0], w[1]);
                Line(sb, "crz", [Num(a[2])], w[0], w[1]);
                break;
            case GateKind.ControlledPhaseShift: Line(sb, "cp", [Num(a[0])], w[0], w[1]); break;
            case GateKind.IsingXX: Line(sb, "rxx", [Num(a[0])], w[0], w[1]); break;
            case GateKind.IsingYY:
                // RX(−π/2) Z RX(π/2) = Y on each wire, so conjugating exp(−iθZZ/2) gives exp(−iθYY/2) exactly.
                Line(sb, "rx", ["pi/2"], w[0]);
                Line(sb, "rx", ["pi/2"], w[1]);
                Line(sb, "cx", [], w[0], w[1]);
                Line(sb, "rz", [Num(a[0])], w[1]);
                Line(sb, "cx", [], w[0], w[1]);
                Line(sb, "rx", ["-pi/2"], w[0]);
                Line(sb, "rx", ["-pi/2"], w[1]);
                break;
            case GateKind.IsingZZ: Line(sb, "rzz", [Num(a[0])], w[0], w[1]); break;
            case GateKind.MultiRZ:
                // The CNOT ladder writes the parity of all wires into the last one, rz phases it, the ladder undoes it.
                for (int i = 0; i + 1 < w.Length; i++) Line(sb, "cx", [], w[i], w[i + 1]);
                Line(sb, "rz", [Num(a[0])], w[^1]);
                for (int i = w.Length - 2; i >= 0; i--) Line(sb, "cx", [], w[i], w[i + 1]);
                break;
            case GateKind.Toffoli: Line(sb, "ccx", [], w[0], w[1], w[2]); break;
            default:
                throw new NotSupportedException($"{GateInfo.Of(gate).Name} has no OpenQASM 2.0 export.");
        }
    }

    /// <summary>iSWAP = (I⊗H)·CX(b→a)·CX(a→b)·(H⊗I)·(S⊗S), exact with phase; the inverse runs it backwards with S†.</summary>
    private static void ISwap(StringBuilder sb, int a, int b, bool inverse)
    {
        if (!inverse)
        {
            Line(sb, "s", [], a);
            Line(sb, "s", [], b);
            Line(sb, "h", [], a);
            Line(sb, "cx", [], a, b);
            Line(sb, "cx", [], b, a);
            Line(sb, "h", [], b);
        }
        else
        {
            Line(sb, "h", [], b);
            Line(sb, "cx", [], b, a);
            Line(sb, "cx", [], a, b);
            Line(sb, "h", [], a);
            Line(sb, "sdg", [], b);
            Line(sb, "sdg", [], a);
        }
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder sb, string name, ReadOnlySpan<string> angles, params ReadOnlySpan<int> wires)
    {
        sb.Append(name);
        if (angles.Length > 0)
        {
            sb.Append('(');
            for (int i = 0; i < angles.Length; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(angles[i]);
            }
            sb.Append(')');
        }
        for (int i = 0; i < wires.Length; i++)
        {
            sb.Append(i == 0 ? " q[" : ",q[");
            sb.Append(wires[i].ToString(CultureInfo.InvariantCulture));
            sb.Append(']');
        }
        sb.Append(";\n");
    }
}
