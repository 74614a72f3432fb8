using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>
/// The QAOA X mixer e^{−iβΣⱼXⱼ} = ⊗ⱼ RX(2β): the same RX on every qubit. The n gates commute, so they are applied in two
/// trips through memory whatever n is, instead of n. Trip one walks the state in blocks of 2^B amplitudes (512 KiB,
/// half a core's L2) and applies the RX on the B low bits to each block while it sits in cache, two bits per sweep;
/// trip two handles the n − B high bits by tiles: for a few consecutive low offsets it gathers the 2^(n−B) rows that
/// differ only in high bits (a tile of about 32 KiB, in L1) and applies every high-bit RX there. The cost layer
/// (a <see cref="DiagonalPhaseKernel"/> phase) is fused into the block trip and the expectation ⟨ψ|D|ψ⟩ into the last
/// trip, so a whole QAOA layer costs two passes. RX is symmetric ([[c, −is], [−is, c]]), so each half of a pair is
/// updated by the same formula and a bit inside one 512-bit vector (bits 0 and 1) needs only a lane swap.
/// Also computes Σⱼ⟨λ|Xⱼ|ψ⟩ for the adjoint gradient with respect to β. Partial sums are stored per block and per
/// tile and added in order, so results do not depend on the thread count.
/// </summary>
internal static unsafe class XMixerKernel
{
    /// <summary>Block size of the first trip in qubits (2^15 amplitudes = 512 KiB).</summary>
    public const int DefaultBlockQubits = 15;

    // A tile of the second trip holds about 2^11 amplitudes (32 KiB, L1) and at least 8 per row (two vectors).
    private const int TileQubits = 11;
    private const long MinTileWidth = 8;

    private struct Plan
    {
        public int B, H;
        public long Blocks, TileWidth, Tiles;
    }

    private static Plan MakePlan(int n, int blockQubits, bool parallel)
    {
        int b = Math.Min(blockQubits, n);
        // With one block there would be nothing to share between threads: move one bit to the tile trip.
        if (parallel && b == n && n > 4) b = n - 1;
        int h = n - b;
        long width = Math.Min(1L << b, Math.Max(MinTileWidth, (1L << TileQubits) >> h));
        return new Plan { B = b, H = h, Blocks = 1L << h, TileWidth = width, Tiles = (1L << b) / width };
    }

    /// <summary>Doubles of scratch that <see cref="Layer"/>, <see cref="Unlayer"/> and <see cref="XInner"/> need for partial sums.</summary>
    public static long PartialsLength(int n, int blockQubits = DefaultBlockQubits)
    {
        long most = 0;
        foreach (bool parallel in new[] { false, true })
        {
            var p = MakePlan(n, blockQubits, parallel);
            most = Math.Max(most, 2 * (p.Blocks + p.Tiles));
        }
        return most;
    }

    private struct Args
    {
        public double* S;
        public double* L;
        public Plan Plan;
        public double C, Sn;
        public DiagonalPhaseKernel.Phase Pre, Post;
        public DiagonalSource Expect;
        public bool HasPre, HasPost, HasExpect;
        public double* Partials;
    }

    /// <summary>
    /// ψ ← RX(θ)^⊗n · P·ψ with c = cos(θ/2), s = sin(θ/2) and P the optional phase <paramref name="pre"/>; returns
    /// ⟨ψ|D|ψ⟩ afterwards when <paramref name="expect"/> is given (else 0).
    /// </summary>
    public static double Layer(double* s, int n, DiagonalPhaseKernel.Phase* pre, double c, double sn, DiagonalSource* expect,
        double* partials, bool parallel, bool vector, int blockQubits = DefaultBlockQubits)
    {
        if (!vector || !VectorComplex.Enabled || n < 3)
        {
            if (pre != null) DiagonalPhaseKernel.ApplyRange(s, *pre, 0, 1L << n, false);
            ScalarRxAll(s, n, c, sn);
            return expect != null ? DiagonalPhaseKernel.ExpectationRange(s, *expect, 0, 1L << n, false) : 0;
        }
        var args = new Args { S = s, Plan = MakePlan(n, blockQubits, parallel), C = c, Sn = sn, Partials = partials };
        if (pre != null) { args.Pre = *pre; args.HasPre = true; }
        if (expect != null) { args.Expect = *expect; args.HasExpect = true; }
        KernelThreads.Run(&BlockBody, &args, args.Plan.Blocks, 1, parallel);
        if (args.Plan.H > 0) KernelThreads.Run(&TileBody, &args, args.Plan.Tiles, 1, parallel);
        if (expect == null) return 0;
        long parts = args.Plan.H > 0 ? args.Plan.Tiles : args.Plan.Blocks;
        double total = 0;
        for (long k = 0; k < parts; k++) total += partials[k];
        return total;
    }

    /// <summary>ψ ← P·RX(θ)^⊗n·ψ with P the optional phase <paramref name="post"/> (undoing a layer uses −θ and −γ).</summary>
    public static void Unlayer(double* s, int n, double c, double sn, DiagonalPhaseKernel.Phase* post, bool parallel, bool vector,
        int blockQubits = DefaultBlockQubits)
    {
        if (!vector || !VectorComplex.Enabled || n < 3)
        {
            ScalarRxAll(s, n, c, sn);
            if (post != null) DiagonalPhaseKernel.ApplyRange(s, *post, 0, 1L << n, false);
            return;
        }
        var args = new Args { S = s, Plan = MakePlan(n, blockQubits, parallel), C = c, Sn = sn };
        if (post != null) { args.Post = *post; args.HasPost = true; }
        // The RX gates commute, so the high bits may go first and the phase can ride on the block trip.
        if (args.Plan.H > 0) KernelThreads.Run(&TileBody, &args, args.Plan.Tiles, 1, parallel);
        KernelThreads.Run(&BlockBody, &args, args.Plan.Blocks, 1, parallel);
    }

    /// <summary>Σⱼ ⟨λ|Xⱼ|ψ⟩ over all n qubits.</summary>
    public static Complex XInner(double* lambda, double* psi, int n, double* partials, bool parallel, bool vector,
        int blockQubits = DefaultBlockQubits)
    {
        if (!vector || !VectorComplex.Enabled || n < 3) return ScalarXInner(lambda, psi, n);
        var args = new Args { S = psi, L = lambda, Plan = MakePlan(n, blockQubits, parallel), Partials = partials };
        KernelThreads.Run(&InnerBlockBody, &args, args.Plan.Blocks, 1, parallel);
        if (args.Plan.H > 0) KernelThreads.Run(&InnerTileBody, &args, args.Plan.Tiles, 1, parallel);
        long parts = args.Plan.Blocks + (args.Plan.H > 0 ? args.Plan.Tiles : 0);
        double re = 0, im = 0;
        for (long k = 0; k < parts; k++) { re += partials[2 * k]; im += partials[2 * k + 1]; }
        return new Complex(re, im);
    }

    // ---------------------------------------------------------------- RX on vectors

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rx(ref Vector512<double> x0, ref Vector512<double> x1, Vector512<double> c, Vector512<double> sSigned)
    {
        // −is·(a + ib) = s·b − i·s·a: the partner swapped (re ↔ im) times (s, −s).
        var y0 = Vector512.FusedMultiplyAdd(c, x0, sSigned * VectorComplex.SwapReIm(x1));
        var y1 = Vector512.FusedMultiplyAdd(c, x1, sSigned * VectorComplex.SwapReIm(x0));
        x0 = y0;
        x1 = y1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> RxLowBits(Vector512<double> v, Vector512<double> c, Vector512<double> sSigned)
    {
        v = Vector512.FusedMultiplyAdd(c, v, sSigned * VectorComplex.SwapReIm(VectorComplex.SwapAdjacent(v)));
        return Vector512.FusedMultiplyAdd(c, v, sSigned * VectorComplex.SwapReIm(VectorComplex.SwapHalves(v)));
    }

    /// <summary>RX on all <paramref name="bits"/> bits of the contiguous block at <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RxBlock(double* p, int bits, Vector512<double> c, Vector512<double> sS)
    {
        long len = 1L << bits;
        for (long i = 0; i < len; i += 4) RxLowBits(Vector512.Load(p + 2 * i), c, sS).Store(p + 2 * i);
        int q = 2;
        for (; q + 1 < bits; q += 2)
        {
            long s1 = 1L << q, s2 = s1 << 1;
            for (long b = 0; b < len; b += 2 * s2)
                for (long k = 0; k < s1; k += 4)
                {
                    double* a0 = p + 2 * (b + k), a1 = a0 + 2 * s1, a2 = a0 + 2 * s2, a3 = a2 + 2 * s1;
                    var x0 = Vector512.Load(a0); var x1 = Vector512.Load(a1); var x2 = Vector512.Load(a2); var x3 = Vector512.Load(a3);
                    Rx(ref x0, ref x1, c, sS);
                    Rx(ref x2, ref x3, c, sS);
                    Rx(ref x0, ref x2, c, sS);
                    Rx(ref x1, ref x3, c, sS);
                    x0.Store(a0); x1.Store(a1); x2.Store(a2); x3.Store(a3);
                }
        }
        if (q < bits)
        {
            long s1 = 1L << q;
            for (long b = 0; b < len; b += 2 * s1)
                for (long k = 0; k < s1; k += 4)
                {
                    double* a0 = p + 2 * (b + k), a1 = a0 + 2 * s1;
                    var x0 = Vector512.Load(a0); var x1 = Vector512.Load(a1);
                    Rx(ref x0, ref x1, c, sS);
                    x0.Store(a0); x1.Store(a1);
                }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BlockBody(void* pa, long k0, long k1)
    {
        ref Args a = ref *(Args*)pa;
        int bits = a.Plan.B;
        long len = 1L << bits;
        var c = Vector512.Create(a.C);
        var sS = SignedSine(a.Sn);
        for (long k = k0; k < k1; k++)
        {
            long start = k << bits;
            if (a.HasPre) DiagonalPhaseKernel.ApplyRange(a.S, a.Pre, start, len, true);
            RxBlock(a.S + 2 * start, bits, c, sS);
            if (a.HasPost) DiagonalPhaseKernel.ApplyRange(a.S, a.Post, start, len, true);
            if (a.HasExpect && a.Plan.H == 0) a.Partials[k] = DiagonalPhaseKernel.ExpectationRange(a.S, a.Expect, start, len, true);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TileBody(void* pa, long t0, long t1)
    {
        ref Args a = ref *(Args*)pa;
        int bits = a.Plan.B, h = a.Plan.H;
        long width = a.Plan.TileWidth, rows = 1L << h;
        var c = Vector512.Create(a.C);
        var sS = SignedSine(a.Sn);
        double* s = a.S;
        for (long t = t0; t < t1; t++)
        {
            long o = t * width;
            int j = 0;
            for (; j + 1 < h; j += 2)
            {
                long r1 = 1L << j, r2 = r1 << 1;
                for (long r = 0; r < rows; r++)
                {
                    if ((r & (r1 | r2)) != 0) continue;
                    double* a0 = s + 2 * ((r << bits) + o), a1 = s + 2 * (((r + r1) << bits) + o);
                    double* a2 = s + 2 * (((r + r2) << bits) + o), a3 = s + 2 * (((r + r1 + r2) << bits) + o);
                    for (long k = 0; k < 2 * width; k += 8)
                    {
                        var x0 = Vector512.Load(a0 + k); var x1 = Vector512.Load(a1 + k); var x2 = Vector512.Load(a2 + k); var x3 = Vector512.Load(a3 + k);
                        Rx(ref x0, ref x1, c, sS);
                        Rx(ref x2, ref x3, c, sS);
                        Rx(ref x0, ref x2, c, sS);
                        Rx(ref x1, ref x3, c, sS);
                        x0.Store(a0 + k); x1.Store(a1 + k); x2.Store(a2 + k); x3.Store(a3 + k);
                    }
                }
            }
            if (j < h)
            {
                long r1 = 1L << j;
                for (long r = 0; r < rows; r++)
                {
                    if ((r & r1) != 0) continue;
                    double* a0 = s + 2 * ((r << bits) + o), a1 = s + 2 * (((r + r1) << bits) + o);
                    for (long k = 0; k < 2 * width; k += 8)
                    {
                        var x0 = Vector512.Load(a0 + k); var x1 = Vector512.Load(a1 + k);
                        Rx(ref x0, ref x1, c, sS);
                        x0.Store(a0 + k); x1.Store(a1 + k);
                    }
                }
            }
            if (a.HasExpect)
            {
                double sum = 0;
                for (long r = 0; r < rows; r++) sum += DiagonalPhaseKernel.ExpectationRange(s, a.Expect, (r << bits) + o, width, true);
                a.Partials[t] = sum;
            }
        }
    }

    private static Vector512<double> SignedSine(double sn) => Vector512.Create(sn, -sn, sn, -sn, sn, -sn, sn, -sn);

    // ---------------------------------------------------------------- Σⱼ⟨λ|Xⱼ|ψ⟩

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(Vector512<double> l, Vector512<double> partner, ref Vector512<double> re, ref Vector512<double> im)
    {
        re = Vector512.FusedMultiplyAdd(l, partner, re);
        im = Vector512.FusedMultiplyAdd(l, VectorComplex.SwapReIm(partner), im);
    }

    private static readonly Vector512<double> ImSigns = Vector512.Create(1.0, -1, 1, -1, 1, -1, 1, -1);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InnerBlockBody(void* pa, long k0, long k1)
    {
        ref Args a = ref *(Args*)pa;
        int bits = a.Plan.B;
        long len = 1L << bits;
        for (long k = k0; k < k1; k++)
        {
            double* l = a.L + 2 * (k << bits), p = a.S + 2 * (k << bits);
            var re = Vector512<double>.Zero;
            var im = Vector512<double>.Zero;
            for (long i = 0; i < 2 * len; i += 8)
            {
                var lv = Vector512.Load(l + i);
                var pv = Vector512.Load(p + i);
                Accumulate(lv, VectorComplex.SwapAdjacent(pv), ref re, ref im);
                Accumulate(lv, VectorComplex.SwapHalves(pv), ref re, ref im);
            }
            for (int q = 2; q < bits; q++)
            {
                long s1 = 1L << q;
                for (long b = 0; b < len; b += 2 * s1)
                    for (long i = 0; i < s1; i += 4)
                    {
                        long i0 = 2 * (b + i), i1 = i0 + 2 * s1;
                        var l0 = Vector512.Load(l + i0); var l1 = Vector512.Load(l + i1);
                        var p0 = Vector512.Load(p + i0); var p1 = Vector512.Load(p + i1);
                        Accumulate(l0, p1, ref re, ref im);
                        Accumulate(l1, p0, ref re, ref im);
                    }
            }
            a.Partials[2 * k] = Vector512.Sum(re);
            a.Partials[2 * k + 1] = Vector512.Sum(im * ImSigns);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InnerTileBody(void* pa, long t0, long t1)
    {
        ref Args a = ref *(Args*)pa;
        int bits = a.Plan.B, h = a.Plan.H;
        long width = a.Plan.TileWidth, rows = 1L << h;
        for (long t = t0; t < t1; t++)
        {
            long o = t * width;
            var re = Vector512<double>.Zero;
            var im = Vector512<double>.Zero;
            for (int j = 0; j < h; j++)
            {
                long r1 = 1L << j;
                for (long r = 0; r < rows; r++)
                {
                    if ((r & r1) != 0) continue;
                    long i0 = 2 * ((r << bits) + o), i1 = 2 * (((r + r1) << bits) + o);
                    for (long k = 0; k < 2 * width; k += 8)
                    {
                        var l0 = Vector512.Load(a.L + i0 + k); var l1 = Vector512.Load(a.L + i1 + k);
                        var p0 = Vector512.Load(a.S + i0 + k); var p1 = Vector512.Load(a.S + i1 + k);
                        Accumulate(l0, p1, ref re, ref im);
                        Accumulate(l1, p0, ref re, ref im);
                    }
                }
            }
            long slot = a.Plan.Blocks + t;
            a.Partials[2 * slot] = Vector512.Sum(re);
            a.Partials[2 * slot + 1] = Vector512.Sum(im * ImSigns);
        }
    }

    // ---------------------------------------------------------------- scalar paths (small n, no AVX-512)

    private static void ScalarRxAll(double* s, int n, double c, double sn)
    {
        long len = 1L << n;
        for (int q = 0; q < n; q++)
        {
            long stride = 1L << q;
            for (long b = 0; b < len; b += 2 * stride)
                for (long k = b; k < b + stride; k++)
                {
                    double* p0 = s + 2 * k, p1 = p0 + 2 * stride;
                    double ar = p0[0], ai = p0[1], br = p1[0], bi = p1[1];
                    p0[0] = c * ar + sn * bi;
                    p0[1] = c * ai - sn * br;
                    p1[0] = c * br + sn * ai;
                    p1[1] = c * bi - sn * ar;
                }
        }
    }

    private static Complex ScalarXInner(double* l, double* p, int n)
    {
        long len = 1L << n;
        double re = 0, im = 0;
        for (int q = 0; q < n; q++)
        {
            long stride = 1L << q;
            for (long i = 0; i < len; i++)
            {
                long j = i ^ stride;
                double lr = l[2 * i], li = l[2 * i + 1], pr = p[2 * j], pi = p[2 * j + 1];
                re += lr * pr + li * pi;
                im += lr * pi - li * pr;
            }
        }
        return new Complex(re, im);
    }
}
