using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>
/// exp(−iθ Z⊗…⊗Z/2) on the bits of <c>mask</c> (MultiRZ, IsingZZ, QAOA cost terms): every amplitude is multiplied by
/// e^{−iθ/2} when the parity of its masked bits is even and by e^{+iθ/2} when odd. One pass, no matrix.
/// </summary>
internal static unsafe class ParityPhaseKernel
{
    private struct Args
    {
        public double* State;
        public long Mask;
        public Complex Even, Odd;
    }

    public static void Apply(double* state, int n, long mask, Complex even, Complex odd, bool parallel)
    {
        var args = new Args { State = state, Mask = mask, Even = even, Odd = odd };
        long count = 1L << n;
        if (VectorComplex.Enabled && n >= 2)
            KernelThreads.Run(&VectorBody, &args, count / 4, 512, parallel);
        else
            KernelThreads.Run(&ScalarBody, &args, count, 2048, parallel);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void VectorBody(void* pa, long g0, long g1)
    {
        ref Args a = ref *(Args*)pa;
        double* s = a.State;
        long mask = a.Mask;
        // Lane j of a group has low bits j; its parity is that of the high bits xor that of (j & mask).
        Span<Complex> lane = stackalloc Complex[4];
        for (int j = 0; j < 4; j++) lane[j] = (BitOperations.PopCount((uint)(j & mask & 3)) & 1) == 0 ? a.Even : a.Odd;
        var er = VectorComplex.LaneRe(lane[0], lane[1], lane[2], lane[3]);
        var ei = VectorComplex.LaneImSigned(lane[0], lane[1], lane[2], lane[3]);
        for (int j = 0; j < 4; j++) lane[j] = (BitOperations.PopCount((uint)(j & mask & 3)) & 1) == 0 ? a.Odd : a.Even;
        var or = VectorComplex.LaneRe(lane[0], lane[1], lane[2], lane[3]);
        var oi = VectorComplex.LaneImSigned(lane[0], lane[1], lane[2], lane[3]);
        long high = mask & ~3L;
        for (long g = g0; g < g1; g++)
        {
            double* q = s + 8 * g;
            var v = Vector512.Load(q);
            bool odd = (BitOperations.PopCount((ulong)((g << 2) & high)) & 1) != 0;
            var r = odd ? VectorComplex.Mul(or, oi, v, VectorComplex.SwapReIm(v)) : VectorComplex.Mul(er, ei, v, VectorComplex.SwapReIm(v));
            r.Store(q);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScalarBody(void* pa, long i0, long i1)
    {
        ref Args a = ref *(Args*)pa;
        double* s = a.State;
        for (long i = i0; i < i1; i++)
        {
            var c = (BitOperations.PopCount((ulong)(i & a.Mask)) & 1) == 0 ? a.Even : a.Odd;
            double x = s[2 * i], y = s[2 * i + 1];
            s[2 * i] = c.Real * x - c.Imaginary * y;
            s[2 * i + 1] = c.Real * y + c.Imaginary * x;
        }
    }
}
