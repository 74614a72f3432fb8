using System.Numerics;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Simulation.Kernels;

namespace Hanzo.Qml.Simulation;

/// <summary>
/// Applies operations with concrete angles to a statevector, choosing the cheapest kernel for each gate: phase
/// multiplications for diagonal gates, sub-space updates for controlled gates, dense kernels otherwise.
/// </summary>
internal static unsafe class GateApplier
{
    /// <summary>Bit position of <paramref name="wire"/> in an n-qubit index (wire 0 = most significant).</summary>
    public static int Bit(int n, int wire) => n - 1 - wire;

    /// <summary>Applies <paramref name="op"/> (or its adjoint) with the evaluated <paramref name="angles"/>.</summary>
    public static void Apply(StateVector state, Operation op, ReadOnlySpan<double> angles, bool adjoint, bool parallel) =>
        Apply(state, op.Gate, op.Wires, angles, adjoint ^ op.IsAdjoint, parallel);

    /// <summary>Applies <paramref name="gate"/> (or its adjoint when <paramref name="dagger"/>) on <paramref name="w"/>.</summary>
    public static void Apply(StateVector state, GateKind gate, ReadOnlySpan<int> w, ReadOnlySpan<double> angles, bool dagger, bool parallel)
    {
        if (Lower(state.NumQubits, gate, w, angles, dagger, out var instruction))
            instruction.Execute(state.Data, state.NumQubits, parallel);
    }

    /// <summary>
    /// Translates a gate into the cheapest kernel call: a phase multiplication for diagonal gates, a sub-space update
    /// for controlled gates, a dense kernel otherwise. Returns false for the identity (nothing to do).
    /// </summary>
    public static bool Lower(int n, GateKind gate, ReadOnlySpan<int> w, ReadOnlySpan<double> angles, bool dagger, out KernelInstruction instruction)
    {
        instruction = default;
        if (dagger)
        {
            switch (gate)
            {
                case GateKind.S: gate = GateKind.SAdjoint; dagger = false; break;
                case GateKind.SAdjoint: gate = GateKind.S; dagger = false; break;
                case GateKind.T: gate = GateKind.TAdjoint; dagger = false; break;
                case GateKind.TAdjoint: gate = GateKind.T; dagger = false; break;
                case GateKind.SX: gate = GateKind.SXAdjoint; dagger = false; break;
                case GateKind.SXAdjoint: gate = GateKind.SX; dagger = false; break;
                case GateKind.Rot or GateKind.U3 or GateKind.CRot or GateKind.ISWAP:
                    break; // conjugate-transposed below
                default:
                    if (angles.Length > 0)
                    {
                        // exp(−iθG)† = exp(+iθG): the same gate at the negated angle.
                        Span<double> neg = stackalloc double[angles.Length];
                        for (int i = 0; i < neg.Length; i++) neg[i] = -angles[i];
                        return Lower(n, gate, w, neg, false, out instruction);
                    }
                    dagger = false; // self-inverse
                    break;
            }
        }
        switch (gate)
        {
            case GateKind.Identity:
                return false;
            case GateKind.PauliZ or GateKind.S or GateKind.SAdjoint or GateKind.T or GateKind.TAdjoint or GateKind.PhaseShift:
            {
                Span<Complex> m = stackalloc Complex[4];
                GateMatrices.Fill(gate, angles, 1, m);
                int p = Bit(n, w[0]);
                instruction = KernelInstruction.Diagonal(1L << p, p, m[0], m[3]);
                return true;
            }
            case GateKind.RZ:
                instruction = KernelInstruction.Diagonal(0, Bit(n, w[0]), Complex.FromPolarCoordinates(1, -angles[0] / 2), Complex.FromPolarCoordinates(1, angles[0] / 2));
                return true;
            case GateKind.PauliX or GateKind.PauliY or GateKind.Hadamard or GateKind.SX or GateKind.SXAdjoint or GateKind.RX or GateKind.RY or GateKind.Rot or GateKind.U3:
            {
                Span<Complex> m = stackalloc Complex[4];
                GateMatrices.Fill(gate, angles, 1, m);
                if (dagger) GateMatrices.ConjugateTranspose(m, 2);
                instruction = KernelInstruction.Single(Bit(n, w[0]), Matrix2.From(m));
                return true;
            }
            case GateKind.CNOT:
                instruction = KernelInstruction.Controlled(1L << Bit(n, w[0]), Bit(n, w[1]), new Matrix2(0, 1, 1, 0));
                return true;
            case GateKind.Toffoli:
                instruction = KernelInstruction.Controlled((1L << Bit(n, w[0])) | (1L << Bit(n, w[1])), Bit(n, w[2]), new Matrix2(0, 1, 1, 0));
                return true;
            case GateKind.CY or GateKind.CRX or GateKind.CRY or GateKind.CRot:
            {
                Span<Complex> m = stackalloc Complex[4];
                var single = gate switch { GateKind.CY => GateKind.PauliY, GateKind.CRX => GateKind.RX, GateKind.CRY => GateKind.RY, _ => GateKind.Rot };
                GateMatrices.Fill(single, angles, 1, m);
                if (dagger) GateMatrices.ConjugateTranspose(m, 2);
                instruction = KernelInstruction.Controlled(1L << Bit(n, w[0]), Bit(n, w[1]), Matrix2.From(m));
                return true;
            }
            case GateKind.CRZ:
                instruction = KernelInstruction.Diagonal(1L << Bit(n, w[0]), Bit(n, w[1]),
                    Complex.FromPolarCoordinates(1, -angles[0] / 2), Complex.FromPolarCoordinates(1, angles[0] / 2));
                return true;
            case GateKind.CZ or GateKind.ControlledPhaseShift:
            {
                long mask = (1L << Bit(n, w[0])) | (1L << Bit(n, w[1]));
                var phase = gate == GateKind.CZ ? new Complex(-1, 0) : Complex.FromPolarCoordinates(1, angles[0]);
                instruction = KernelInstruction.Diagonal(mask, Bit(n, w[1]), phase, phase);
                return true;
            }
            case GateKind.IsingZZ or GateKind.MultiRZ:
            {
                long mask = 0;
                foreach (int wire in w) mask |= 1L << Bit(n, wire);
                instruction = KernelInstruction.Parity(mask, Complex.FromPolarCoordinates(1, -angles[0] / 2), Complex.FromPolarCoordinates(1, angles[0] / 2));
                return true;
            }
            case GateKind.SWAP or GateKind.ISWAP or GateKind.IsingXX or GateKind.IsingYY:
            {
                Span<Complex> m = stackalloc Complex[16];
                GateMatrices.Fill(gate, angles, 2, m);
                if (dagger) GateMatrices.ConjugateTranspose(m, 4);
                instruction = KernelInstruction.TwoQubit(Bit(n, w[0]), Bit(n, w[1]), m);
                return true;
            }
            default:
                throw new NotSupportedException($"No kernel for {GateInfo.Of(gate).Name}.");
        }
    }

    /// <summary>
    /// Applies an arbitrary dense matrix on the wires of <paramref name="op"/> (used for gate derivatives, which are not
    /// unitary). Diagonal derivatives of MultiRZ use the parity kernel.
    /// </summary>
    public static void ApplyDense(StateVector state, Operation op, ReadOnlySpan<Complex> m, bool parallel)
    {
        int n = state.NumQubits;
        var w = op.Wires;
        if (op.Gate == GateKind.MultiRZ)
        {
            long mask = 0;
            foreach (int wire in w) mask |= 1L << Bit(n, wire);
            int d = 1 << w.Length;
            // Index 0 has even parity, index 1 odd parity.
            ParityPhaseKernel.Apply(state.Data, n, mask, m[0], m[d + 1], parallel);
            return;
        }
        switch (w.Length)
        {
            case 1:
                SingleQubitKernel.Apply(state.Data, n, Bit(n, w[0]), Matrix2.From(m), parallel);
                return;
            case 2:
                TwoQubitKernel.Apply(state.Data, n, Bit(n, w[0]), Bit(n, w[1]), m, parallel);
                return;
            default:
                throw new NotSupportedException($"Dense application of {op.Info.Name} on {w.Length} wires is not supported.");
        }
    }
}
