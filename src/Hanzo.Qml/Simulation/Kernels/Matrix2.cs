using System.Numerics;

namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>A 2×2 complex matrix [[a, b], [c, d]] held by value, so kernels can take it without allocation.</summary>
internal readonly struct Matrix2(Complex a, Complex b, Complex c, Complex d)
{
    public readonly Complex A = a, B = b, C = c, D = d;

    public static Matrix2 Identity => new(1, 0, 0, 1);

    public static Matrix2 From(ReadOnlySpan<Complex> m) => new(m[0], m[1], m[2], m[3]);

    /// <summary>this · other (apply <paramref name="other"/> first).</summary>
    public Matrix2 Times(in Matrix2 other) => Mul(this, other);

    private static Matrix2 Mul(in Matrix2 t, in Matrix2 o) => new(
        t.A * o.A + t.B * o.C, t.A * o.B + t.B * o.D,
        t.C * o.A + t.D * o.C, t.C * o.B + t.D * o.D);

    public bool IsDiagonal => B == Complex.Zero && C == Complex.Zero;
}
