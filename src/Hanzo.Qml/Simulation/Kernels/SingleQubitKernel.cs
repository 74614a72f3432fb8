using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>
/// A dense 2×2 gate on one qubit: one read and one write of every amplitude. Bit position p (= n − 1 − wire)
/// decides the memory pattern: for p ≥ 2 the two halves of each pair lie in different vectors; for p = 0, 1 both
/// halves share a vector and are paired by an in-register lane shuffle.
/// </summary>
internal static unsafe class SingleQubitKernel
{
    private struct Args
    {
        public double* State;
        public int Pos;
        public Matrix2 M;
    }

    /// <summary>Applies <paramref name="m"/> to bit position <paramref name="pos"/> of a 2^n state.</summary>
    public static void Apply(double* state, int n, int pos, in Matrix2 m, bool parallel)
    {
        var args = new Args { State = state, Pos = pos, M = m };
        long pairs = 1L << (n - 1);
        if (VectorComplex.Enabled && n >= 2)
        {
            if (pos >= 2)
                KernelThreads.Run(&HighBody, &args, pairs, pos >= 3 ? 1024 : 4, parallel);
            else
                KernelThreads.Run(&LowBody, &args, (1L << n) / 4, 512, parallel);
        }
        else
        {
            KernelThreads.Run(&ScalarBody, &args, pairs, 1024, parallel);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HighBody(void* pa, long k0, long k1)
    {
        ref Args a = ref *(Args*)pa;
        double* s = a.State;
        int p = a.Pos;
        long stride = 1L << p, low = stride - 1;
        var m = new VectorMatrix2(a.M);
        if (p >= 3)
        {
            // Two vector pairs per step: all four loads issue before any store, which keeps the two streams (2^p
            // amplitudes apart, often a multiple of 4 KiB) from stalling on store-to-load address aliasing.
            for (long k = k0; k < k1; k += 8)
            {
                long i0 = ((k & ~low) << 1) | (k & low);
                double* p0 = s + 2 * i0;
                double* p1 = p0 + 2 * stride;
                var a0 = Vector512.Load(p0);
                var b0 = Vector512.Load(p0 + 8);
                var a1 = Vector512.Load(p1);
                var b1 = Vector512.Load(p1 + 8);
                m.Apply(a0, a1, out var ra0, out var ra1);
                m.Apply(b0, b1, out var rb0, out var rb1);
                ra0.Store(p0);
                rb0.Store(p0 + 8);
                ra1.Store(p1);
                rb1.Store(p1 + 8);
            }
            return;
        }
        for (long k = k0; k < k1; k += 4)
        {
            long i0 = ((k & ~low) << 1) | (k & low);
            double* p0 = s + 2 * i0;
            double* p1 = p0 + 2 * stride;
            m.Apply(Vector512.Load(p0), Vector512.Load(p1), out var r0, out var r1);
            r0.Store(p0);
            r1.Store(p1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LowBody(void* pa, long v0i, long v1i)
    {
        ref Args a = ref *(Args*)pa;
        double* s = a.State;
        var m = a.M;
        // Lane j holds amplitude j of the group of four; its bit p selects the matrix row.
        Vector512<double> selfRe, selfIm, partRe, partIm;
        if (a.Pos == 0)
        {
            selfRe = VectorComplex.LaneRe(m.A, m.D, m.A, m.D); selfIm = VectorComplex.LaneImSigned(m.A, m.D, m.A, m.D);
            partRe = VectorComplex.LaneRe(m.B, m.C, m.B, m.C); partIm = VectorComplex.LaneImSigned(m.B, m.C, m.B, m.C);
            for (long v = v0i; v < v1i; v++)
            {
                double* p = s + 8 * v;
                var x = Vector512.Load(p);
                var y = VectorComplex.SwapAdjacent(x);
                var r = VectorComplex.MulAdd(selfRe, selfIm, x, VectorComplex.SwapReIm(x), VectorComplex.Mul(partRe, partIm, y, VectorComplex.SwapReIm(y)));
                r.Store(p);
            }
        }
        else
        {
            selfRe = VectorComplex.LaneRe(m.A, m.A, m.D, m.D); selfIm = VectorComplex.LaneImSigned(m.A, m.A, m.D, m.D);
            partRe = VectorComplex.LaneRe(m.B, m.B, m.C, m.C); partIm = VectorComplex.LaneImSigned(m.B, m.B, m.C, m.C);
            for (long v = v0i; v < v1i; v++)
            {
                double* p = s + 8 * v;
                var x = Vector512.Load(p);
                var y = VectorComplex.SwapHalves(x);
                var r = VectorComplex.MulAdd(selfRe, selfIm, x, VectorComplex.SwapReIm(x), VectorComplex.Mul(partRe, partIm, y, VectorComplex.SwapReIm(y)));
                r.Store(p);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScalarBody(void* pa, long k0, long k1)
    {
        ref Args a = ref *(Args*)pa;
        double* s = a.State;
        long stride = 1L << a.Pos, low = stride - 1;
        double ar = a.M.A.Real, ai = a.M.A.Imaginary, br = a.M.B.Real, bi = a.M.B.Imaginary;
        double cr = a.M.C.Real, ci = a.M.C.Imaginary, dr = a.M.D.Real, di = a.M.D.Imaginary;
        for (long k = k0; k < k1; k++)
        {
            long i0 = ((k & ~low) << 1) | (k & low);
            double* p0 = s + 2 * i0;
            double* p1 = p0 + 2 * stride;
            double x0 = p0[0], y0 = p0[1], x1 = p1[0], y1 = p1[1];
            p0[0] = ar * x0 - ai * y0 + br * x1 - bi * y1;
            p0[1] = ar * y0 + ai * x0 + br * y1 + bi * x1;
            p1[0] = cr * x0 - ci * y0 + dr * x1 - di * y1;
            p1[1] = cr * y0 + ci * x0 + dr * y1 + di * x1;
        }
    }
}
