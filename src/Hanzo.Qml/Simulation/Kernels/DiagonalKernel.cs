using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>
/// Phase multiplication for diagonal gates: on every index whose bits in <c>onesMask</c> are all 1, multiply by d0 when
/// bit <c>pos</c> is 0 and by d1 when it is 1. Covers RZ (no mask), PhaseShift/S/T/Z (mask = the target, so only half the
/// state is touched), CZ and ControlledPhaseShift (a quarter of the state) and CRZ (controlled diagonal).
/// </summary>
internal static unsafe class DiagonalKernel
{
    private struct Args
    {
        public double* State;
        public BitPositions Ones;
        public long OnesMask;
        public int Pos;
        public Complex D0, D1;
    }

    public static void Apply(double* state, int n, long onesMask, int pos, Complex d0, Complex d1, bool parallel)
    {
        var args = new Args { State = state, OnesMask = onesMask, Pos = pos, D0 = d0, D1 = d1 };
        for (int b = 0; b < n; b++) if ((onesMask >> b & 1) != 0) args.Ones.Add(b);
        long count = 1L << (n - args.Ones.Count);
        if (VectorComplex.Enabled && args.Ones.Lowest >= 2 && count >= 4)
        {
            KernelThreads.Run(&VectorBody, &args, count, 1024, parallel);
        }
        else if (VectorComplex.Enabled && n >= 3)
        {
            // Some required-one bit is among the two lowest: enumerate whole vectors by their high bits and give the
            // lanes that do not qualify a coefficient of 1.
            args.Ones = default;
            for (int b = 2; b < n; b++) if ((onesMask >> b & 1) != 0) args.Ones.Add(b - 2);
            KernelThreads.Run(&LowVectorBody, &args, 1L << (n - 2 - args.Ones.Count), 256, parallel);
        }
        else
        {
            KernelThreads.Run(&ScalarBody, &args, count, 1024, parallel);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LowVectorBody(void* pa, long g0, long g1)
    {
        ref Args a = ref *(Args*)pa;
        double* s = a.State;
        int p = a.Pos;
        long low = a.OnesMask & 3, highGroups = (a.OnesMask & ~3L) >> 2;
        // Two lane patterns: for vectors whose target bit (if ≥ 2) is 0 and for those where it is 1.
        Span<Complex> c0 = stackalloc Complex[4];
        Span<Complex> c1 = stackalloc Complex[4];
        for (int j = 0; j < 4; j++)
        {
            bool on = (j & low) == low;
            c0[j] = !on ? Complex.One : p < 2 ? (((j >> p) & 1) != 0 ? a.D1 : a.D0) : a.D0;
            c1[j] = !on ? Complex.One : p < 2 ? (((j >> p) & 1) != 0 ? a.D1 : a.D0) : a.D1;
        }
        var r0 = VectorComplex.LaneRe(c0[0], c0[1], c0[2], c0[3]); var i0 = VectorComplex.LaneImSigned(c0[0], c0[1], c0[2], c0[3]);
        var r1 = VectorComplex.LaneRe(c1[0], c1[1], c1[2], c1[3]); var i1 = VectorComplex.LaneImSigned(c1[0], c1[1], c1[2], c1[3]);
        for (long g = g0; g < g1; g++)
        {
            long i = (a.Ones.Insert(g) | highGroups) << 2;
            double* q = s + 2 * i;
            var v = Vector512.Load(q);
            bool one = p >= 2 && ((i >> p) & 1) != 0;
            var r = one ? VectorComplex.Mul(r1, i1, v, VectorComplex.SwapReIm(v)) : VectorComplex.Mul(r0, i0, v, VectorComplex.SwapReIm(v));
            r.Store(q);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void VectorBody(void* pa, long k0, long k1)
    {
        ref Args a = ref *(Args*)pa;
        double* s = a.State;
        int p = a.Pos;
        var d0r = VectorComplex.Re(a.D0); var d0i = VectorComplex.ImSigned(a.D0);
        var d1r = VectorComplex.Re(a.D1); var d1i = VectorComplex.ImSigned(a.D1);
        if (p < 2)
        {
            // The target bit varies inside the vector: one fixed lane pattern.
            var c = p == 0 ? (a.D0, a.D1, a.D0, a.D1) : (a.D0, a.D0, a.D1, a.D1);
            d0r = VectorComplex.LaneRe(c.Item1, c.Item2, c.Item3, c.Item4);
            d0i = VectorComplex.LaneImSigned(c.Item1, c.Item2, c.Item3, c.Item4);
            d1r = d0r; d1i = d0i;
        }
        long onesMask = a.OnesMask;
        for (long k = k0; k < k1; k += 4)
        {
            long i = a.Ones.Insert(k) | onesMask;
            double* q = s + 2 * i;
            var v = Vector512.Load(q);
            bool one = p >= 2 && ((i >> p) & 1) != 0;
            var r = one ? VectorComplex.Mul(d1r, d1i, v, VectorComplex.SwapReIm(v)) : VectorComplex.Mul(d0r, d0i, v, VectorComplex.SwapReIm(v));
            r.Store(q);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScalarBody(void* pa, long k0, long k1)
    {
        ref Args a = ref *(Args*)pa;
        double* s = a.State;
        int p = a.Pos;
        double d0r = a.D0.Real, d0i = a.D0.Imaginary, d1r = a.D1.Real, d1i = a.D1.Imaginary;
        for (long k = k0; k < k1; k++)
        {
            long i = a.Ones.Insert(k) | a.OnesMask;
            double* q = s + 2 * i;
            double x = q[0], y = q[1];
            bool one = ((i >> p) & 1) != 0;
            double cr = one ? d1r : d0r, ci = one ? d1i : d0i;
            q[0] = cr * x - ci * y;
            q[1] = cr * y + ci * x;
        }
    }
}
