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
            KernelThreads.Run(&VectorBody, &args, count, 1024, parallel);
        else
            KernelThreads.Run(&ScalarBody, &args, count, 1024, parallel);
    }

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
        var ar = VectorComplex.Re(a.M.A); var ai = VectorComplex.ImSigned(a.M.A);
        var br = VectorComplex.Re(a.M.B); var bi = VectorComplex.ImSigned(a.M.B);
        var cr = VectorComplex.Re(a.M.C); var ci = VectorComplex.ImSigned(a.M.C);
        var dr = VectorComplex.Re(a.M.D); var di = VectorComplex.ImSigned(a.M.D);
        for (long k = k0; k < k1; k += 4)
        {
            long i0 = a.Fixed.Insert(k) | cm;
            double* p0 = s + 2 * i0;
            double* p1 = p0 + 2 * stride;
            var v0 = Vector512.Load(p0);
            var v1 = Vector512.Load(p1);
            var w0 = VectorComplex.SwapReIm(v0);
            var w1 = VectorComplex.SwapReIm(v1);
            VectorComplex.MulAdd(ar, ai, v0, w0, VectorComplex.Mul(br, bi, v1, w1)).Store(p0);
            VectorComplex.MulAdd(cr, ci, v0, w0, VectorComplex.Mul(dr, di, v1, w1)).Store(p1);
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
