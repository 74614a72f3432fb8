using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>
/// A diagonal operator D given by its 2ⁿ values (a QAOA cost Hamiltonian): either a small-integer level per amplitude
/// into a table of values (MaxCut and integer-weighted problems take few distinct values, so a 2-byte level replaces
/// an 8-byte value and the phase e^{−iγv} is looked up instead of computed), or one double per amplitude.
/// </summary>
internal unsafe struct DiagonalSource
{
    /// <summary>Level of each amplitude, or null for raw values.</summary>
    public ushort* Levels;

    /// <summary>The value of each level (levels path) or of each amplitude (raw path).</summary>
    public double* Values;
}

/// <summary>
/// Cost layers and cost-weighted reductions for a diagonal operator D (<see cref="DiagonalSource"/>): the phase
/// ψᵢ ← e^{−iγ·dᵢ}·ψᵢ, the expectation Σ|ψᵢ|²dᵢ, the weighted overlap Σ conj(λᵢ)·dᵢ·ψᵢ and the product λ = Dψ.
/// The range functions work on any run of amplitudes (whole states or cache blocks); the drivers split a whole state
/// over the kernel threads and sum reductions in fixed chunks, in order, so results do not depend on the thread count.
/// </summary>
internal static unsafe class DiagonalPhaseKernel
{
    /// <summary>Amplitudes per reduction chunk: partial sums are kept per chunk and added in chunk order.</summary>
    public const int ChunkQubits = 12;

    /// <summary>What one phase pass multiplies by.</summary>
    public struct Phase
    {
        public DiagonalSource Source;

        /// <summary>Levels path: per level (cos θ, cos θ, −sin θ, sin θ) with θ = −γ·value, the coefficient layout of <see cref="VectorComplex"/>.</summary>
        public double* Table;

        /// <summary>Raw path: γ.</summary>
        public double Angle;
    }

    /// <summary>Fills <paramref name="table"/> (4 doubles per level) for e^{−iγ·value}.</summary>
    public static void FillTable(double* values, int levels, double gamma, double* table)
    {
        for (int k = 0; k < levels; k++)
        {
            var (s, c) = Math.SinCos(-gamma * values[k]);
            table[4 * k] = c;
            table[4 * k + 1] = c;
            table[4 * k + 2] = -s;
            table[4 * k + 3] = s;
        }
    }

    // ---------------------------------------------------------------- range functions

    /// <summary>
    /// ψᵢ ← e^{−iγdᵢ}ψᵢ for i in [start, start + count); <paramref name="s"/> points at amplitude <paramref name="start"/>
    /// (so a copy of a run of amplitudes can be processed where it lies).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ApplyRange(double* s, in Phase ph, long start, long count, bool vector)
    {
        s -= 2 * start;
        long i = start, end = start + count;
        if (vector && VectorComplex.Enabled)
        {
            if (ph.Source.Levels != null)
            {
                ushort* lv = ph.Source.Levels;
                double* t = ph.Table;
                for (; i + 4 <= end; i += 4)
                {
                    double* a = t + 4 * lv[i], b = t + 4 * lv[i + 1], c = t + 4 * lv[i + 2], d = t + 4 * lv[i + 3];
                    var re = Vector512.Create(Vector256.Create(Vector128.Load(a), Vector128.Load(b)), Vector256.Create(Vector128.Load(c), Vector128.Load(d)));
                    var im = Vector512.Create(Vector256.Create(Vector128.Load(a + 2), Vector128.Load(b + 2)), Vector256.Create(Vector128.Load(c + 2), Vector128.Load(d + 2)));
                    double* q = s + 2 * i;
                    var v = Vector512.Load(q);
                    VectorComplex.Mul(re, im, v, VectorComplex.SwapReIm(v)).Store(q);
                }
            }
            else
            {
                var scale = Vector512.Create(-ph.Angle);
                var lowIdx = Vector512.Create(0L, 0, 1, 1, 2, 2, 3, 3);
                var highIdx = Vector512.Create(4L, 4, 5, 5, 6, 6, 7, 7);
                var signs = Vector512.Create(-1.0, 1, -1, 1, -1, 1, -1, 1);
                for (; i + 8 <= end; i += 8)
                {
                    var (sin, cos) = Vector512.SinCos(Vector512.Load(ph.Source.Values + i) * scale);
                    double* q = s + 2 * i;
                    var v0 = Vector512.Load(q);
                    var v1 = Vector512.Load(q + 8);
                    var re0 = Avx512F.PermuteVar8x64(cos, lowIdx);
                    var im0 = Avx512F.PermuteVar8x64(sin, lowIdx) * signs;
                    var re1 = Avx512F.PermuteVar8x64(cos, highIdx);
                    var im1 = Avx512F.PermuteVar8x64(sin, highIdx) * signs;
                    VectorComplex.Mul(re0, im0, v0, VectorComplex.SwapReIm(v0)).Store(q);
                    VectorComplex.Mul(re1, im1, v1, VectorComplex.SwapReIm(v1)).Store(q + 8);
                }
            }
        }
        for (; i < end; i++)
        {
            double c, sn;
            if (ph.Source.Levels != null)
            {
                double* t = ph.Table + 4 * ph.Source.Levels[i];
                c = t[0];
                sn = t[3];
            }
            else
            {
                (sn, c) = Math.SinCos(-ph.Angle * ph.Source.Values[i]);
            }
            double x = s[2 * i], y = s[2 * i + 1];
            s[2 * i] = c * x - sn * y;
            s[2 * i + 1] = c * y + sn * x;
        }
    }

    /// <summary>Eight diagonal values starting at amplitude i, duplicated into the (re, im) lanes of two vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Weights(in DiagonalSource src, long i, out Vector512<double> w0, out Vector512<double> w1)
    {
        Vector512<double> w;
        if (src.Levels != null)
        {
            ushort* l = src.Levels + i;
            double* v = src.Values;
            w = Vector512.Create(v[l[0]], v[l[1]], v[l[2]], v[l[3]], v[l[4]], v[l[5]], v[l[6]], v[l[7]]);
        }
        else
        {
            w = Vector512.Load(src.Values + i);
        }
        w0 = Avx512F.PermuteVar8x64(w, Vector512.Create(0L, 0, 1, 1, 2, 2, 3, 3));
        w1 = Avx512F.PermuteVar8x64(w, Vector512.Create(4L, 4, 5, 5, 6, 6, 7, 7));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Value(in DiagonalSource src, long i) => src.Levels != null ? src.Values[src.Levels[i]] : src.Values[i];

    /// <summary>Σ |ψᵢ|²·dᵢ over [start, start + count); <paramref name="s"/> points at amplitude <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double ExpectationRange(double* s, in DiagonalSource src, long start, long count, bool vector)
    {
        s -= 2 * start;
        long i = start, end = start + count;
        double total = 0;
        if (vector && VectorComplex.Enabled)
        {
            var acc0 = Vector512<double>.Zero;
            var acc1 = Vector512<double>.Zero;
            for (; i + 8 <= end; i += 8)
            {
                Weights(src, i, out var w0, out var w1);
                var v0 = Vector512.Load(s + 2 * i);
                var v1 = Vector512.Load(s + 2 * i + 8);
                acc0 = Vector512.FusedMultiplyAdd(v0 * v0, w0, acc0);
                acc1 = Vector512.FusedMultiplyAdd(v1 * v1, w1, acc1);
            }
            total = Vector512.Sum(acc0 + acc1);
        }
        for (; i < end; i++) total += (s[2 * i] * s[2 * i] + s[2 * i + 1] * s[2 * i + 1]) * Value(src, i);
        return total;
    }

    /// <summary>Σ conj(λᵢ)·dᵢ·ψᵢ over [start, start + count); the pointers point at amplitude <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Complex InnerRange(double* lambda, double* psi, in DiagonalSource src, long start, long count, bool vector)
    {
        lambda -= 2 * start;
        psi -= 2 * start;
        long i = start, end = start + count;
        double re = 0, im = 0;
        if (vector && VectorComplex.Enabled)
        {
            var accRe = Vector512<double>.Zero;
            var accIm = Vector512<double>.Zero;
            for (; i + 8 <= end; i += 8)
            {
                Weights(src, i, out var w0, out var w1);
                var l0 = Vector512.Load(lambda + 2 * i);
                var l1 = Vector512.Load(lambda + 2 * i + 8);
                var p0 = Vector512.Load(psi + 2 * i);
                var p1 = Vector512.Load(psi + 2 * i + 8);
                // conj(l)·p = (lr·pr + li·pi) + i(lr·pi − li·pr): lanes of l·p sum to the real part, lanes of
                // l·swap(p) give lr·pi (even) and li·pr (odd).
                accRe = Vector512.FusedMultiplyAdd(l0 * p0, w0, Vector512.FusedMultiplyAdd(l1 * p1, w1, accRe));
                accIm = Vector512.FusedMultiplyAdd(l0 * VectorComplex.SwapReIm(p0), w0, Vector512.FusedMultiplyAdd(l1 * VectorComplex.SwapReIm(p1), w1, accIm));
            }
            re = Vector512.Sum(accRe);
            im = Vector512.Sum(accIm * Vector512.Create(1.0, -1, 1, -1, 1, -1, 1, -1));
        }
        for (; i < end; i++)
        {
            double d = Value(src, i);
            double lr = lambda[2 * i], li = lambda[2 * i + 1], pr = psi[2 * i], pi = psi[2 * i + 1];
            re += d * (lr * pr + li * pi);
            im += d * (lr * pi - li * pr);
        }
        return new Complex(re, im);
    }

    /// <summary>dstᵢ = dᵢ·srcᵢ over [start, start + count); the pointers point at amplitude <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyRange(double* src, double* dst, in DiagonalSource d, long start, long count, bool vector)
    {
        src -= 2 * start;
        dst -= 2 * start;
        long i = start, end = start + count;
        if (vector && VectorComplex.Enabled)
        {
            for (; i + 8 <= end; i += 8)
            {
                Weights(d, i, out var w0, out var w1);
                (Vector512.Load(src + 2 * i) * w0).Store(dst + 2 * i);
                (Vector512.Load(src + 2 * i + 8) * w1).Store(dst + 2 * i + 8);
            }
        }
        for (; i < end; i++)
        {
            double v = Value(d, i);
            dst[2 * i] = v * src[2 * i];
            dst[2 * i + 1] = v * src[2 * i + 1];
        }
    }

    // ---------------------------------------------------------------- whole-state drivers

    private struct Args
    {
        public double* A;
        public double* B;
        public Phase Phase;
        public double* Partials;
        public long Length;
        public bool Vector;
        public int Op;
    }

    private static long Chunk(long length) => Math.Min(length, 1L << ChunkQubits);

    /// <summary>ψ ← e^{−iγD}ψ on the whole state.</summary>
    public static void Apply(double* s, int n, in Phase phase, bool parallel, bool vector)
    {
        var args = new Args { A = s, Phase = phase, Length = 1L << n, Vector = vector, Op = 0 };
        KernelThreads.Run(&Body, &args, (1L << n) / Chunk(1L << n), 1, parallel);
    }

    /// <summary>λ ← Dψ on the whole state.</summary>
    public static void Multiply(double* psi, double* lambda, int n, in DiagonalSource d, bool parallel, bool vector)
    {
        var args = new Args { A = psi, B = lambda, Phase = new Phase { Source = d }, Length = 1L << n, Vector = vector, Op = 1 };
        KernelThreads.Run(&Body, &args, (1L << n) / Chunk(1L << n), 1, parallel);
    }

    /// <summary>⟨ψ|D|ψ⟩; <paramref name="partials"/> holds one double per chunk.</summary>
    public static double Expectation(double* s, int n, in DiagonalSource d, double* partials, bool parallel, bool vector)
    {
        long chunks = (1L << n) / Chunk(1L << n);
        var args = new Args { A = s, Phase = new Phase { Source = d }, Partials = partials, Length = 1L << n, Vector = vector, Op = 2 };
        KernelThreads.Run(&Body, &args, chunks, 1, parallel);
        double total = 0;
        for (long c = 0; c < chunks; c++) total += partials[c];
        return total;
    }

    /// <summary>⟨λ|D|ψ⟩; <paramref name="partials"/> holds two doubles per chunk.</summary>
    public static Complex Inner(double* lambda, double* psi, int n, in DiagonalSource d, double* partials, bool parallel, bool vector)
    {
        long chunks = (1L << n) / Chunk(1L << n);
        var args = new Args { A = lambda, B = psi, Phase = new Phase { Source = d }, Partials = partials, Length = 1L << n, Vector = vector, Op = 3 };
        KernelThreads.Run(&Body, &args, chunks, 1, parallel);
        double re = 0, im = 0;
        for (long c = 0; c < chunks; c++) { re += partials[2 * c]; im += partials[2 * c + 1]; }
        return new Complex(re, im);
    }

    private static void Body(void* pa, long c0, long c1)
    {
        ref Args a = ref *(Args*)pa;
        long chunk = Chunk(a.Length);
        for (long c = c0; c < c1; c++)
        {
            long start = c * chunk;
            switch (a.Op)
            {
                case 0:
                    ApplyRange(a.A + 2 * start, a.Phase, start, chunk, a.Vector);
                    break;
                case 1:
                    MultiplyRange(a.A + 2 * start, a.B + 2 * start, a.Phase.Source, start, chunk, a.Vector);
                    break;
                case 2:
                    a.Partials[c] = ExpectationRange(a.A + 2 * start, a.Phase.Source, start, chunk, a.Vector);
                    break;
                default:
                    var z = InnerRange(a.A + 2 * start, a.B + 2 * start, a.Phase.Source, start, chunk, a.Vector);
                    a.Partials[2 * c] = z.Real;
                    a.Partials[2 * c + 1] = z.Imaginary;
                    break;
            }
        }
    }
}
