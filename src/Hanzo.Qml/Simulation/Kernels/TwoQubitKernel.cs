using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>A dense 4×4 gate on bit positions (p0 = high bit of the gate index, p1 = low bit): SWAP, iSWAP, IsingXX, IsingYY.</summary>
internal static unsafe class TwoQubitKernel
{
    private struct Args
    {
        public double* State;
        public BitPositions Fixed;
        public long Stride0, Stride1;
        public fixed double M[32];
    }

    public static void Apply(double* state, int n, int p0, int p1, ReadOnlySpan<Complex> m, bool parallel)
    {
        var args = new Args { State = state, Stride0 = 1L << p0, Stride1 = 1L << p1 };
        for (int k = 0; k < 16; k++) { args.M[2 * k] = m[k].Real; args.M[2 * k + 1] = m[k].Imaginary; }
        args.Fixed.Add(p0);
        args.Fixed.Add(p1);
        long count = 1L << (n - 2);
        if (VectorComplex.Enabled && args.Fixed.Lowest >= 2 && count >= 4)
            KernelThreads.Run(&VectorBody, &args, count, 512, parallel);
        else
            KernelThreads.Run(&ScalarBody, &args, count, 512, parallel);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void VectorBody(void* pa, long k0, long k1)
    {
        Args* a = (Args*)pa;
        double* s = a->State;
        long s0 = a->Stride0, s1 = a->Stride1;
        var re = stackalloc Vector512<double>[16];
        var im = stackalloc Vector512<double>[16];
        for (int e = 0; e < 16; e++)
        {
            var c = new Complex(a->M[2 * e], a->M[2 * e + 1]);
            re[e] = VectorComplex.Re(c);
            im[e] = VectorComplex.ImSigned(c);
        }
        var ptr = stackalloc double*[4];
        var v = stackalloc Vector512<double>[4];
        var w = stackalloc Vector512<double>[4];
        for (long k = k0; k < k1; k += 4)
        {
            long i = a->Fixed.Insert(k);
            ptr[0] = s + 2 * i; ptr[1] = s + 2 * (i + s1); ptr[2] = s + 2 * (i + s0); ptr[3] = s + 2 * (i + s0 + s1);
            for (int c = 0; c < 4; c++) { v[c] = Vector512.Load(ptr[c]); w[c] = VectorComplex.SwapReIm(v[c]); }
            for (int r = 0; r < 4; r++)
            {
                var acc = VectorComplex.Mul(re[4 * r], im[4 * r], v[0], w[0]);
                acc = VectorComplex.MulAdd(re[4 * r + 1], im[4 * r + 1], v[1], w[1], acc);
                acc = VectorComplex.MulAdd(re[4 * r + 2], im[4 * r + 2], v[2], w[2], acc);
                acc = VectorComplex.MulAdd(re[4 * r + 3], im[4 * r + 3], v[3], w[3], acc);
                acc.Store(ptr[r]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScalarBody(void* pa, long k0, long k1)
    {
        Args* a = (Args*)pa;
        double* s = a->State;
        long s0 = a->Stride0, s1 = a->Stride1;
        var idx = stackalloc long[4];
        var x = stackalloc double[8];
        for (long k = k0; k < k1; k++)
        {
            long i = a->Fixed.Insert(k);
            idx[0] = i; idx[1] = i + s1; idx[2] = i + s0; idx[3] = i + s0 + s1;
            for (int c = 0; c < 4; c++) { x[2 * c] = s[2 * idx[c]]; x[2 * c + 1] = s[2 * idx[c] + 1]; }
            for (int r = 0; r < 4; r++)
            {
                double yr = 0, yi = 0;
                for (int c = 0; c < 4; c++)
                {
                    double mr = a->M[2 * (4 * r + c)], mi = a->M[2 * (4 * r + c) + 1];
                    yr += mr * x[2 * c] - mi * x[2 * c + 1];
                    yi += mr * x[2 * c + 1] + mi * x[2 * c];
                }
                s[2 * idx[r]] = yr;
                s[2 * idx[r] + 1] = yi;
            }
        }
    }
}
