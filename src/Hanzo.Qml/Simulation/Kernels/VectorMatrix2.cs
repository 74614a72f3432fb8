using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>A 2×2 matrix broadcast into 512-bit coefficient registers, applied to pairs of amplitude vectors.</summary>
internal readonly struct VectorMatrix2
{
    private readonly Vector512<double> _ar, _ai, _br, _bi, _cr, _ci, _dr, _di;

    public VectorMatrix2(in Matrix2 m)
    {
        _ar = VectorComplex.Re(m.A); _ai = VectorComplex.ImSigned(m.A);
        _br = VectorComplex.Re(m.B); _bi = VectorComplex.ImSigned(m.B);
        _cr = VectorComplex.Re(m.C); _ci = VectorComplex.ImSigned(m.C);
        _dr = VectorComplex.Re(m.D); _di = VectorComplex.ImSigned(m.D);
    }

    /// <summary>(r0, r1) = M·(v0, v1) lane by lane: v0 holds the |0⟩ halves of four pairs, v1 the |1⟩ halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply(Vector512<double> v0, Vector512<double> v1, out Vector512<double> r0, out Vector512<double> r1)
    {
        var w0 = VectorComplex.SwapReIm(v0);
        var w1 = VectorComplex.SwapReIm(v1);
        r0 = VectorComplex.MulAdd(_ar, _ai, v0, w0, VectorComplex.Mul(_br, _bi, v1, w1));
        r1 = VectorComplex.MulAdd(_cr, _ci, v0, w0, VectorComplex.Mul(_dr, _di, v1, w1));
    }
}
