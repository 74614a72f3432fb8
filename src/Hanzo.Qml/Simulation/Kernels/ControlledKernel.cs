using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>
/// A dense 2×2 gate on bit <c>pos</c>, applied only where every control bit is 1 (CNOT, CY, CRX, CRY, CRot, Toffoli).
/// Only the controlled sub-space is read and written.
/// </summary>
internal static unsafe class ControlledKernel
{
    private struct Args
    {
        public double* State;
        public BitPositions Fixed;
        public long ControlMask;
        public int Pos;
        public Matrix2 M;
        public bool IsX;
    }

    public static void Apply(double* state, int n, long controlMask, int pos, in Matrix2 m, bool parallel)
    {
        var args = new Args { State = state, ControlMask = controlMask, Pos = pos, M = m };
        args.IsX = m.A == 0 && m.D == 0 && m.B == 1 && m.C == 1;
        for (int b = 0; b < n; b++) if ((controlMask >> b & 1) != 0) args.Fixed.Add(b);
        args.Fixed.Add(pos);
        long count = 1L << (n - args.Fixed.Count);
        if (VectorComplex.Enabled && args.Fixed.Lowest >= 2 && count >= 4)
        {
            KernelThreads.Run(&VectorBody, &args, count, 1024, parallel);
        }
        else if (VectorComplex.Enabled && n >= 3)
        {
            // A control or the target sits in the two lowest bits, inside one 4-amplitude vector: enumerate vectors
            // by their high bits and resolve the low bits with per-lane coefficients.
            args.Fixed = default;
            for (int b = 2; b < n; b++) if (((controlMask | (1L << pos)) >> b & 1) != 0) args.Fixed.Add(b - 2);
            KernelThreads.Run(&LowVectorBody, &args, 1L << (n - 2 - args.Fixed.Count), 256, parallel);
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
        long low = a.ControlMask & 3, highGroups = (a.ControlMask & ~3L) >> 2;
        var m = a.M;
        if (p >= 2)
        {
            // Pairs live in two vectors; lanes whose low control bits are not all set keep their old values.
            long stride = 1L << p;
            var keep = Vector512.Create(Lane(0, low), Lane(0, low), Lane(1, low), Lane(1, low), Lane(2, low), Lane(2, low), Lane(3, low), Lane(3, low));
            var vm = new VectorMatrix2(m);
            for (long g = g0; g < g1; g++)
            {
                long i0 = (a.Fixed.Insert(g) | highGroups) << 2;
                double* p0 = s + 2 * i0;
                double* p1 = p0 + 2 * stride;
                var v0 = Vector512.Load(p0);
                var v1 = Vector512.Load(p1);
                vm.Apply(v0, v1, out var r0, out var r1);
                Vector512.ConditionalSelect(keep, r0, v0).Store(p0);
                Vector512.ConditionalSelect(keep, r1, v1).Store(p1);
            }
            return;
        }
        // Target inside the vector: lane j pairs with lane j ^ (1 << p); controlled-off lanes get the identity.
        Span<System.Numerics.Complex> self = stackalloc System.Numerics.Complex[4];
        Span<System.Numerics.Complex> part = stackalloc System.Numerics.Complex[4];
        for (int j = 0; j < 4; j++)
        {
            bool on = (j & low) == low;
            bool one = ((j >> p) & 1) != 0;
            self[j] = on ? (one ? m.D : m.A) : 1;
            part[j] = on ? (one ? m.C : m.B) : 0;
        }
        var sr = VectorComplex.LaneRe(self[0], self[1], self[2], self[3]);
        var si = VectorComplex.LaneImSigned(self[0], self[1], self[2], self[3]);
        var pr = VectorComplex.LaneRe(part[0], part[1], part[2], part[3]);
        var pi = VectorComplex.LaneImSigned(part[0], part[1], part[2], part[3]);
        for (long g = g0; g < g1; g++)
        {
            double* q = s + 8 * (a.Fixed.Insert(g) | highGroups);
            var x = Vector512.Load(q);
            var y = p == 0 ? VectorComplex.SwapAdjacent(x) : VectorComplex.SwapHalves(x);
            VectorComplex.MulAdd(sr, si, x, VectorComplex.SwapReIm(x), VectorComplex.Mul(pr, pi, y, VectorComplex.SwapReIm(y))).Store(q);
        }
    }

    /// <summary>All-ones bits for a lane whose low control bits are set (blend mask), else zero.</summary>
    private static double Lane(int j, long low) => (j & low) == low ? BitConverter.Int64BitsToDouble(-1L) : 0.0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void VectorBody(void* pa, long k0, long k1)
    {
        ref Args a = ref *(Args*)pa;
        double* s = a.State;
        long stride = 1L << a.Pos;
        long cm = a.ControlMask;
        if (a.IsX)
        {
            for (long k = k0; k < k1; k += 4)
            {
                long i0 = a.Fixed.Insert(k) | cm;
                double* p0 = s + 2 * i0;
                double* p1 = p0 + 2 * stride;
                var v0 = Vector512.Load(p0);
                var v1 = Vector512.Load(p1);
                v1.Store(p0);
                v0.Store(p1);
            }
            return;
        }
        var m = new VectorMatrix2(a.M);
        for (long k = k0; k < k1; k += 4)
        {
            long i0 = a.Fixed.Insert(k) | cm;
            double* p0 = s + 2 * i0;
            double* p1 = p0 + 2 * stride;
            m.Apply(Vector512.Load(p0), Vector512.Load(p1), out var r0, out var r1);
            r0.Store(p0);
            r1.Store(p1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScalarBody(void* pa, long k0, long k1)
    {
        ref Args a = ref *(Args*)pa;
        double* s = a.State;
        long stride = 1L << a.Pos;
        long cm = a.ControlMask;
        if (a.IsX)
        {
            for (long k = k0; k < k1; k++)
            {
                long i0 = a.Fixed.Insert(k) | cm;
                var p0 = (Vector128<double>*)(s + 2 * i0);
                var p1 = (Vector128<double>*)(s + 2 * (i0 + stride));
                (*p0, *p1) = (*p1, *p0);
            }
            return;
        }
        double ar = a.M.A.Real, ai = a.M.A.Imaginary, br = a.M.B.Real, bi = a.M.B.Imaginary;
        double cr = a.M.C.Real, ci = a.M.C.Imaginary, dr = a.M.D.Real, di = a.M.D.Imaginary;
        for (long k = k0; k < k1; k++)
        {
            long i0 = a.Fixed.Insert(k) | cm;
            double* p0 = s + 2 * i0;
            double* p1 = s + 2 * (i0 + stride);
            double x0 = p0[0], y0 = p0[1], x1 = p1[0], y1 = p1[1];
            p0[0] = ar * x0 - ai * y0 + br * x1 - bi * y1;
            p0[1] = ar * y0 + ai * x0 + br * y1 + bi * x1;
            p1[0] = cr * x0 - ci * y0 + dr * x1 - di * y1;
            p1[1] = cr * y0 + ci * x0 + dr * y1 + di * x1;
        }
    }
}
