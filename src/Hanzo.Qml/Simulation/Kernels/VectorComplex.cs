using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>
/// Complex arithmetic on interleaved (re, im) doubles held in 512-bit registers: four amplitudes per vector.
/// A coefficient c is stored as two vectors, Re = (cr, cr, …) and ImSigned = (−ci, ci, …), so that
/// c·v = Re·v + ImSigned·swap(v) with swap exchanging re and im in each 128-bit lane.
/// </summary>
internal static class VectorComplex
{
    /// <summary>True when the 512-bit kernels can run on this processor.</summary>
    public static bool Enabled { get; set; } = Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> SwapReIm(Vector512<double> v) => Avx512F.Shuffle(v, v, 0x55);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Re(Complex c) => Vector512.Create(c.Real);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> ImSigned(Complex c) => Vector512.Create(-c.Imaginary, c.Imaginary, -c.Imaginary, c.Imaginary, -c.Imaginary, c.Imaginary, -c.Imaginary, c.Imaginary);

    /// <summary>Per-lane coefficients (c0, c1, c2, c3) for the four amplitudes of a vector.</summary>
    public static Vector512<double> LaneRe(Complex c0, Complex c1, Complex c2, Complex c3) =>
        Vector512.Create(c0.Real, c0.Real, c1.Real, c1.Real, c2.Real, c2.Real, c3.Real, c3.Real);

    /// <summary>Per-lane signed imaginary parts matching <see cref="LaneRe"/>.</summary>
    public static Vector512<double> LaneImSigned(Complex c0, Complex c1, Complex c2, Complex c3) =>
        Vector512.Create(-c0.Imaginary, c0.Imaginary, -c1.Imaginary, c1.Imaginary, -c2.Imaginary, c2.Imaginary, -c3.Imaginary, c3.Imaginary);

    /// <summary>c·v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Mul(Vector512<double> re, Vector512<double> imSigned, Vector512<double> v, Vector512<double> swapped) =>
        Vector512.FusedMultiplyAdd(re, v, imSigned * swapped);

    /// <summary>acc + c·v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> MulAdd(Vector512<double> re, Vector512<double> imSigned, Vector512<double> v, Vector512<double> swapped, Vector512<double> acc) =>
        Vector512.FusedMultiplyAdd(re, v, Vector512.FusedMultiplyAdd(imSigned, swapped, acc));

    /// <summary>Exchanges neighbouring amplitudes (0↔1, 2↔3) of a vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> SwapAdjacent(Vector512<double> v) => Avx512F.Shuffle4x128(v, v, 0b10_11_00_01);

    /// <summary>Exchanges the amplitude pairs (0,1)↔(2,3) of a vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> SwapHalves(Vector512<double> v) => Avx512F.Shuffle4x128(v, v, 0b01_00_11_10);
}
