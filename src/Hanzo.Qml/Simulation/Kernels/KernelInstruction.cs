using System.Numerics;

namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>Which kernel an instruction runs.</summary>
internal enum KernelKind : byte
{
    Single,
    Diagonal,
    Controlled,
    TwoQubit,
    Parity,
}

/// <summary>
/// One kernel call with concrete matrices and bit positions, free of managed references so a list of them can be
/// replayed on sub-blocks of the state (cache blocking) from any thread.
/// </summary>
internal unsafe struct KernelInstruction
{
    public KernelKind Kind;
    public int Pos;
    public int Pos2;
    public long Mask;
    public Matrix2 M;
    public Complex D0, D1;
    public fixed double M4[32];

    /// <summary>Highest bit position the instruction reads or writes.</summary>
    public readonly int HighestBit => Kind switch
    {
        KernelKind.Single => Pos,
        KernelKind.TwoQubit => Math.Max(Pos, Pos2),
        KernelKind.Parity => 63 - BitOperations.LeadingZeroCount((ulong)Mask),
        _ => Math.Max(Pos, 63 - BitOperations.LeadingZeroCount((ulong)Mask | 1UL)),
    };

    public static KernelInstruction Single(int pos, in Matrix2 m) => new() { Kind = KernelKind.Single, Pos = pos, M = m };

    public static KernelInstruction Diagonal(long onesMask, int pos, Complex d0, Complex d1) =>
        new() { Kind = KernelKind.Diagonal, Mask = onesMask, Pos = pos, D0 = d0, D1 = d1 };

    public static KernelInstruction Controlled(long controlMask, int pos, in Matrix2 m) =>
        new() { Kind = KernelKind.Controlled, Mask = controlMask, Pos = pos, M = m };

    public static KernelInstruction Parity(long mask, Complex even, Complex odd) =>
        new() { Kind = KernelKind.Parity, Mask = mask, D0 = even, D1 = odd };

    public static KernelInstruction TwoQubit(int p0, int p1, ReadOnlySpan<Complex> m)
    {
        var k = new KernelInstruction { Kind = KernelKind.TwoQubit, Pos = p0, Pos2 = p1 };
        for (int e = 0; e < 16; e++) { k.M4[2 * e] = m[e].Real; k.M4[2 * e + 1] = m[e].Imaginary; }
        return k;
    }

    /// <summary>Runs the instruction on an n-qubit state (or an n-qubit block of a larger one).</summary>
    public void Execute(double* s, int n, bool parallel)
    {
        switch (Kind)
        {
            case KernelKind.Single:
                SingleQubitKernel.Apply(s, n, Pos, M, parallel);
                break;
            case KernelKind.Diagonal:
                DiagonalKernel.Apply(s, n, Mask, Pos, D0, D1, parallel);
                break;
            case KernelKind.Controlled:
                ControlledKernel.Apply(s, n, Mask, Pos, M, parallel);
                break;
            case KernelKind.Parity:
                ParityPhaseKernel.Apply(s, n, Mask, D0, D1, parallel);
                break;
            default:
            {
                Span<Complex> m = stackalloc Complex[16];
                for (int e = 0; e < 16; e++) m[e] = new Complex(M4[2 * e], M4[2 * e + 1]);
                TwoQubitKernel.Apply(s, n, Pos, Pos2, m, parallel);
                break;
            }
        }
    }
}
