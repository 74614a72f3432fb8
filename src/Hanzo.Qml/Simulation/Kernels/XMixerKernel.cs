using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>
/// The QAOA X mixer e^{−iβΣⱼXⱼ} = ⊗ⱼ RX(2β): the same RX on every qubit. The n gates commute, so they are applied in two
/// trips through memory whatever n is, instead of n. Trip one walks the state in blocks of 2^B amplitudes (512 KiB,
/// half a core's L2) and applies the RX on the B low bits to each block while it sits in cache, two bits per sweep;
/// trip two handles the n − B high bits by tiles: for a few consecutive low offsets it gathers the 2^(n−B) rows that
/// differ only in high bits (a tile of 128 KiB, copied to scratch) and applies every high-bit RX there. The cost layer
/// (a <see cref="DiagonalPhaseKernel"/> phase) rides on a trip and the expectation ⟨ψ|D|ψ⟩ on the last one, so a QAOA
/// layer costs two passes, and p layers in a row p + 1 (<see cref="Layers"/>). RX is symmetric ([[c, −is], [−is, c]]), so each half of a pair is
/// updated by the same formula and a bit inside one 512-bit vector (bits 0 and 1) needs only a lane swap.
/// Also computes Σⱼ⟨λ|Xⱼ|ψ⟩ for the adjoint gradient with respect to β. Partial sums are stored per block and per
/// tile and added in order, so results do not depend on the thread count.
/// </summary>
internal static unsafe class XMixerKernel
{
    /// <summary>Block size of the first trip in qubits (2^15 amplitudes = 512 KiB).</summary>
    public const int DefaultBlockQubits = 15;

    // A tile of the high-bit trip holds 2^13 amplitudes (128 KiB, in L2): 2^g rows of 2^13/2^g amplitudes. At most
    // five high bits go in one trip, so a row is at least 256 amplitudes (4 KiB) long and the hardware prefetcher
    // streams it; more high bits take another trip.
    private const int TileQubits = 13;
    private const int MaxGroupBits = 5;

    private struct Plan
    {
        public int B, H;
        public long Blocks;
    }

    private static Plan MakePlan(int n, int blockQubits, bool parallel)
    {
        int b = Math.Min(blockQubits, n);
        // With one block there would be nothing to share between threads: move one bit to the tile trip.
        if (parallel && b == n && n > 4) b = n - 1;
        return new Plan { B = b, H = n - b, Blocks = 1L << (n - b) };
    }

    /// <summary>Row width (amplitudes) and number of tiles of the high-bit trip over bits [shift, shift + g).</summary>
    private static (long Width, long Tiles) TileShape(int n, int shift, int g, int tileQubits)
    {
        long width = Math.Min(1L << shift, (1L << tileQubits) >> g);
        return (width, (1L << (n - g)) / width);
    }

    /// <summary>Doubles of scratch that <see cref="Layer"/>, <see cref="Unlayer"/> and <see cref="XInner"/> need for partial sums.</summary>
    public static long PartialsLength(int n, int blockQubits = DefaultBlockQubits)
    {
        long most = 0;
        foreach (bool parallel in new[] { false, true })
        foreach (int bq in new[] { blockQubits, Math.Max(3, blockQubits - 1) })
        {
            var p = MakePlan(n, bq, parallel);
            most = Math.Max(most, 2 * p.Blocks);
            for (int j0 = 0; j0 < p.H; j0 += MaxGroupBits)
            {
                int g = Math.Min(MaxGroupBits, p.H - j0);
                most = Math.Max(most, 2 * TileShape(n, p.B + j0, g, TileQubits).Tiles);
                most = Math.Max(most, 2 * TileShape(n, p.B + j0, g, TileQubits - 1).Tiles);
            }
        }
        return most;
    }

    /// <summary>One RX^⊗bits inside a trip, in the form its angle allows (see <see cref="IRxForm"/>).</summary>
    private struct RxPart
    {
        public bool Active, Tangent;
        public double C, Sn, Scale;
    }

    /// <summary>The part for RX with c = cos(θ/2), s = sin(θ/2) on <paramref name="bits"/> bits: tangent form when |s| ≤ |c|.</summary>
    private static RxPart Part(double c, double sn, int bits) =>
        c != 0 && Math.Abs(sn) <= Math.Abs(c)
            ? new RxPart { Active = true, Tangent = true, C = 1, Sn = sn / c, Scale = Math.Pow(c, bits) }
            : new RxPart { Active = true, C = c, Sn = sn, Scale = 1 };

    /// <summary>
    /// What one trip does to each block or tile: an RX part, a phase, another RX part (each optional), then optionally
    /// the expectation. Either RX part may belong to a different QAOA layer than the other: see <see cref="Layers"/>.
    /// </summary>
    private struct Args
    {
        public double* S;
        public double* L;
        public Plan Plan;
        public int N, Shift, Group;
        public long Width;
        public RxPart First, Second;
        public DiagonalPhaseKernel.Phase Phase;
        public DiagonalSource Expect;
        public bool HasPhase, HasExpect;
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
        var args = new Args { S = s, Plan = MakePlan(n, blockQubits, parallel), Partials = partials, N = n };
        if (expect != null) args.Expect = *expect;
        long parts = BlockTrip(ref args, default, pre, Part(c, sn, args.Plan.B), expect != null && args.Plan.H == 0, parallel);
        for (int j0 = 0; j0 < args.Plan.H; j0 += MaxGroupBits)
        {
            int g = Math.Min(MaxGroupBits, args.Plan.H - j0);
            parts = TileTrip(ref args, args.Plan.B + j0, g, Part(c, sn, g), null, default, expect != null && j0 + g == args.Plan.H, parallel);
        }
        return expect != null ? Sum(partials, parts) : 0;
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
        var args = new Args { S = s, Plan = MakePlan(n, blockQubits, parallel), N = n };
        // The RX gates commute, so the high bits may go first and the phase can ride on the block trip.
        for (int j0 = 0; j0 < args.Plan.H; j0 += MaxGroupBits)
        {
            int g = Math.Min(MaxGroupBits, args.Plan.H - j0);
            TileTrip(ref args, args.Plan.B + j0, g, Part(c, sn, g), null, default, false, parallel);
        }
        BlockTrip(ref args, Part(c, sn, args.Plan.B), post, default, false, parallel);
    }

    /// <summary>
    /// p whole QAOA layers, ψ ← Πₖ RX(θₖ)^⊗n·Pₖ·ψ, returning ⟨ψ|D|ψ⟩ at the end when <paramref name="expect"/> is given.
    /// A layer's RX splits into L (low bits, block trip) and H (high bits, tile trip), which commute; so layers can
    /// alternate the order, P₀L₀H₀ · P₁H₁L₁ · P₂L₂H₂ …, and neighbouring trips of the same kind merge:
    /// [P₀ L₀] [H₀ P₁ H₁] [L₁ P₂ L₂] … — p + 1 trips for p layers instead of 2p. Used when the high bits fit one tile
    /// trip; otherwise the layers run one by one.
    /// </summary>
    public static double Layers(double* s, int n, DiagonalPhaseKernel.Phase* phases, double* cs, double* sns, int p, DiagonalSource* expect,
        double* partials, bool parallel, bool vector, int blockQubits = DefaultBlockQubits)
    {
        var plan = MakePlan(n, blockQubits, parallel);
        if (!vector || !VectorComplex.Enabled || n < 3 || plan.H == 0 || plan.H > MaxGroupBits)
        {
            double e = 0;
            for (int k = 0; k < p; k++)
                e = Layer(s, n, phases + k, cs[k], sns[k], k == p - 1 ? expect : null, partials, parallel, vector, blockQubits);
            return e;
        }
        var args = new Args { S = s, Plan = plan, Partials = partials, N = n };
        if (expect != null) args.Expect = *expect;
        int b = plan.B, h = plan.H;
        long parts = BlockTrip(ref args, default, phases, Part(cs[0], sns[0], b), false, parallel);
        for (int j = 1; j <= p; j++)
        {
            bool last = j == p;
            DiagonalPhaseKernel.Phase* phase = last ? null : phases + j;
            bool measure = last && expect != null;
            parts = j % 2 == 1
                ? TileTrip(ref args, b, h, Part(cs[j - 1], sns[j - 1], h), phase, last ? default : Part(cs[j], sns[j], h), measure, parallel)
                : BlockTrip(ref args, Part(cs[j - 1], sns[j - 1], b), phase, last ? default : Part(cs[j], sns[j], b), measure, parallel);
        }
        return expect != null ? Sum(partials, parts) : 0;
    }

    private static double Sum(double* partials, long count)
    {
        double total = 0;
        for (long k = 0; k < count; k++) total += partials[k];
        return total;
    }

    /// <summary>One trip over the blocks: First, phase, Second, expectation. Returns the number of partial sums written.</summary>
    private static long BlockTrip(ref Args args, RxPart first, DiagonalPhaseKernel.Phase* phase, RxPart second, bool expect, bool parallel)
    {
        args.First = first;
        args.Second = second;
        args.HasPhase = phase != null;
        if (phase != null) args.Phase = *phase;
        args.HasExpect = expect;
        fixed (Args* pa = &args) KernelThreads.Run(&BlockBody, pa, args.Plan.Blocks, 1, parallel);
        return args.Plan.Blocks;
    }

    /// <summary>One trip over tiles of the high bits [shift, shift + g): First, phase, Second, expectation. Returns the tile count.</summary>
    private static long TileTrip(ref Args args, int shift, int g, RxPart first, DiagonalPhaseKernel.Phase* phase, RxPart second, bool expect, bool parallel)
    {
        args.Shift = shift;
        args.Group = g;
        (args.Width, long tiles) = TileShape(args.N, shift, g, TileQubits);
        args.First = first;
        args.Second = second;
        args.HasPhase = phase != null;
        if (phase != null) args.Phase = *phase;
        args.HasExpect = expect;
        fixed (Args* pa = &args) KernelThreads.Run(&TileBody, pa, tiles, 1, parallel);
        return tiles;
    }

    /// <summary>Σⱼ ⟨λ|Xⱼ|ψ⟩ over all n qubits.</summary>
    public static Complex XInner(double* lambda, double* psi, int n, double* partials, bool parallel, bool vector,
        int blockQubits = DefaultBlockQubits)
    {
        if (!vector || !VectorComplex.Enabled || n < 3) return ScalarXInner(lambda, psi, n);
        // Both states are read, so blocks are half as large to keep the pair in L2.
        var args = new Args { S = psi, L = lambda, Plan = MakePlan(n, Math.Max(3, blockQubits - 1), parallel), Partials = partials, N = n };
        KernelThreads.Run(&InnerBlockBody, &args, args.Plan.Blocks, 1, parallel);
        double re = 0, im = 0;
        for (long k = 0; k < args.Plan.Blocks; k++) { re += partials[2 * k]; im += partials[2 * k + 1]; }
        for (int j0 = 0; j0 < args.Plan.H; j0 += MaxGroupBits)
        {
            args.Shift = args.Plan.B + j0;
            args.Group = Math.Min(MaxGroupBits, args.Plan.H - j0);
            (args.Width, long tiles) = TileShape(n, args.Shift, args.Group, TileQubits - 1);
            KernelThreads.Run(&InnerTileBody, &args, tiles, 1, parallel);
            for (long k = 0; k < tiles; k++) { re += partials[2 * k]; im += partials[2 * k + 1]; }
        }
        return new Complex(re, im);
    }

    // ---------------------------------------------------------------- RX on vectors

    /// <summary>
    /// Either way of writing one RX update y = c·x − is·partner: <see cref="General"/> as is, or <see cref="Tangent"/> as
    /// x − it·partner with t = s/c, the common factor c taken out of all n gates and applied once as cⁿ. The tangent form
    /// saves a multiplication per vector and gate; it is used when |t| ≤ 1, so nothing grows.
    /// </summary>
    private interface IRxForm
    {
        /// <summary>The updated vector, given its partner; <paramref name="c"/> and <paramref name="sS"/> are the form's coefficients.</summary>
        static abstract Vector512<double> Update(Vector512<double> self, Vector512<double> partner, Vector512<double> c, Vector512<double> sS);
    }

    private readonly struct General : IRxForm
    {
        // −is·(a + ib) = s·b − i·s·a: the partner swapped (re ↔ im) times (s, −s).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Update(Vector512<double> self, Vector512<double> partner, Vector512<double> c, Vector512<double> sS) =>
            Vector512.FusedMultiplyAdd(c, self, sS * VectorComplex.SwapReIm(partner));
    }

    private readonly struct Tangent : IRxForm
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Update(Vector512<double> self, Vector512<double> partner, Vector512<double> c, Vector512<double> tS) =>
            Vector512.FusedMultiplyAdd(tS, VectorComplex.SwapReIm(partner), self);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rx<T>(ref Vector512<double> x0, ref Vector512<double> x1, Vector512<double> c, Vector512<double> sS) where T : struct, IRxForm
    {
        var y0 = T.Update(x0, x1, c, sS);
        x1 = T.Update(x1, x0, c, sS);
        x0 = y0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> RxLowBits<T>(Vector512<double> v, Vector512<double> c, Vector512<double> sS) where T : struct, IRxForm
    {
        v = T.Update(v, VectorComplex.SwapAdjacent(v), c, sS);
        return T.Update(v, VectorComplex.SwapHalves(v), c, sS);
    }

    // Bits below this are applied per sub-block of 2^10 amplitudes (16 KiB, in L1) before the rest of the block's bits.
    private const int L1Qubits = 10;

    /// <summary>RX on all <paramref name="bits"/> bits of the contiguous block at <paramref name="p"/>: low bits per L1 sub-block, then the rest.</summary>
    private static void RxBlock<T>(double* p, int bits, Vector512<double> c, Vector512<double> sS, Vector512<double> scale) where T : struct, IRxForm
    {
        if (bits <= L1Qubits)
        {
            RxBits<T>(p, 1L << bits, 0, bits, c, sS, scale);
            return;
        }
        long sub = 1L << L1Qubits;
        for (long o = 0; o < 1L << bits; o += sub) RxBits<T>(p + 2 * o, sub, 0, L1Qubits, c, sS, scale);
        RxBits<T>(p, 1L << bits, L1Qubits, bits, c, sS, scale);
    }

    /// <summary>
    /// RX on bits [from, to) of the contiguous run of <paramref name="len"/> amplitudes at <paramref name="p"/>, two bits per
    /// sweep; the sweep that starts at bit 0 also multiplies by <paramref name="scale"/> (cⁿ of the tangent form), once per amplitude.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RxBits<T>(double* p, long len, int from, int to, Vector512<double> c, Vector512<double> sS, Vector512<double> scale) where T : struct, IRxForm
    {
        int q = from;
        if (q == 0)
        {
            for (long i = 0; i < len; i += 4) (RxLowBits<T>(Vector512.Load(p + 2 * i), c, sS) * scale).Store(p + 2 * i);
            q = 2;
        }
        for (; q + 1 < to; q += 2)
        {
            long s1 = 1L << q, s2 = s1 << 1;
            for (long b = 0; b < len; b += 2 * s2)
                for (long k = 0; k < s1; k += 4)
                {
                    double* a0 = p + 2 * (b + k), a1 = a0 + 2 * s1, a2 = a0 + 2 * s2, a3 = a2 + 2 * s1;
                    var x0 = Vector512.Load(a0); var x1 = Vector512.Load(a1); var x2 = Vector512.Load(a2); var x3 = Vector512.Load(a3);
                    Rx<T>(ref x0, ref x1, c, sS);
                    Rx<T>(ref x2, ref x3, c, sS);
                    Rx<T>(ref x0, ref x2, c, sS);
                    Rx<T>(ref x1, ref x3, c, sS);
                    x0.Store(a0); x1.Store(a1); x2.Store(a2); x3.Store(a3);
                }
        }
        if (q < to)
        {
            long s1 = 1L << q;
            for (long b = 0; b < len; b += 2 * s1)
                for (long k = 0; k < s1; k += 4)
                {
                    double* a0 = p + 2 * (b + k), a1 = a0 + 2 * s1;
                    var x0 = Vector512.Load(a0); var x1 = Vector512.Load(a1);
                    Rx<T>(ref x0, ref x1, c, sS);
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
        for (long k = k0; k < k1; k++)
        {
            long start = k << bits;
            double* p = a.S + 2 * start;
            if (a.First.Active) RxBlockPart(p, bits, a.First);
            if (a.HasPhase) DiagonalPhaseKernel.ApplyRange(p, a.Phase, start, len, true);
            if (a.Second.Active) RxBlockPart(p, bits, a.Second);
            if (a.HasExpect) a.Partials[k] = DiagonalPhaseKernel.ExpectationRange(p, a.Expect, start, len, true);
        }
    }

    private static void RxBlockPart(double* p, int bits, in RxPart part)
    {
        var c = Vector512.Create(part.C);
        var sS = SignedSine(part.Sn);
        var scale = Vector512.Create(part.Scale);
        if (part.Tangent) RxBlock<Tangent>(p, bits, c, sS, scale);
        else RxBlock<General>(p, bits, c, sS, scale);
    }

    private static void RxRowsPart(double* tile, int h, long width, in RxPart part)
    {
        var c = Vector512.Create(part.C);
        var sS = SignedSine(part.Sn);
        var scale = Vector512.Create(part.Scale);
        if (part.Tangent) RxRows<Tangent>(tile, h, width, c, sS, scale);
        else RxRows<General>(tile, h, width, c, sS, scale);
    }

    /// <summary>
    /// Rows of a tile lie a power of two apart, which maps them onto the same few cache sets: updated in place they
    /// would evict each other. So each tile is copied into a contiguous scratch buffer (rows one after another),
    /// updated there, and copied back; long rows keep the copies streaming.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static void TileBody(void* pa, long t0, long t1)
    {
        ref Args a = ref *(Args*)pa;
        int shift = a.Shift, g = a.Group;
        long width = a.Width, rows = 1L << g, rowBytes = 16 * width;
        long perLow = (1L << shift) / width;
        byte* raw = stackalloc byte[(int)(rows * rowBytes) + 64];
        double* scratch = (double*)(((nuint)raw + 63) & ~(nuint)63);
        double* s = a.S;
        for (long t = t0; t < t1; t++)
        {
            long first = ((t / perLow) << (shift + g)) + (t % perLow) * width;
            for (long r = 0; r < rows; r++) Buffer.MemoryCopy(s + 2 * (first + (r << shift)), scratch + 2 * r * width, rowBytes, rowBytes);
            if (a.First.Active) RxRowsPart(scratch, g, width, a.First);
            if (a.HasPhase)
                for (long r = 0; r < rows; r++) DiagonalPhaseKernel.ApplyRange(scratch + 2 * r * width, a.Phase, first + (r << shift), width, true);
            if (a.Second.Active) RxRowsPart(scratch, g, width, a.Second);
            if (a.HasExpect)
            {
                double sum = 0;
                for (long r = 0; r < rows; r++) sum += DiagonalPhaseKernel.ExpectationRange(scratch + 2 * r * width, a.Expect, first + (r << shift), width, true);
                a.Partials[t] = sum;
            }
            for (long r = 0; r < rows; r++) Buffer.MemoryCopy(scratch + 2 * r * width, s + 2 * (first + (r << shift)), rowBytes, rowBytes);
        }
    }

    /// <summary>RX on the h row bits of a contiguous tile of 2^h rows × <paramref name="width"/> amplitudes, two bits per sweep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RxRows<T>(double* tile, int h, long width, Vector512<double> c, Vector512<double> sS, Vector512<double> scale) where T : struct, IRxForm
    {
        long rows = 1L << h, rowDoubles = 2 * width;
        // The first sweep touches every amplitude once, so it also applies the tangent form's factor.
        var one = Vector512.Create(1.0);
        int j = 0;
        for (; j + 1 < h; j += 2)
        {
            var m = j == 0 ? scale : one;
            long r1 = 1L << j, r2 = r1 << 1;
            for (long r = 0; r < rows; r++)
            {
                if ((r & (r1 | r2)) != 0) continue;
                double* a0 = tile + r * rowDoubles, a1 = a0 + r1 * rowDoubles, a2 = a0 + r2 * rowDoubles, a3 = a2 + r1 * rowDoubles;
                for (long k = 0; k < rowDoubles; k += 8)
                {
                    var x0 = Vector512.Load(a0 + k); var x1 = Vector512.Load(a1 + k); var x2 = Vector512.Load(a2 + k); var x3 = Vector512.Load(a3 + k);
                    Rx<T>(ref x0, ref x1, c, sS);
                    Rx<T>(ref x2, ref x3, c, sS);
                    Rx<T>(ref x0, ref x2, c, sS);
                    Rx<T>(ref x1, ref x3, c, sS);
                    (x0 * m).Store(a0 + k); (x1 * m).Store(a1 + k); (x2 * m).Store(a2 + k); (x3 * m).Store(a3 + k);
                }
            }
        }
        if (j < h)
        {
            var m = j == 0 ? scale : one;
            long r1 = 1L << j;
            for (long r = 0; r < rows; r++)
            {
                if ((r & r1) != 0) continue;
                double* a0 = tile + r * rowDoubles, a1 = a0 + r1 * rowDoubles;
                for (long k = 0; k < rowDoubles; k += 8)
                {
                    var x0 = Vector512.Load(a0 + k); var x1 = Vector512.Load(a1 + k);
                    Rx<T>(ref x0, ref x1, c, sS);
                    (x0 * m).Store(a0 + k); (x1 * m).Store(a1 + k);
                }
            }
        }
    }

    private static Vector512<double> SignedSine(double sn) => Vector512.Create(sn, -sn, sn, -sn, sn, -sn, sn, -sn);

    // ---------------------------------------------------------------- Σⱼ⟨λ|Xⱼ|ψ⟩

    private static readonly Vector512<double> ImSigns = Vector512.Create(1.0, -1, 1, -1, 1, -1, 1, -1);

    /// <summary>
    /// Σ over the block's bits of ⟨λ|Xⱼ|ψ⟩. Two bits per sweep: for the four vectors v₀…v₃ of a quadruple the pairs are
    /// (0,1), (2,3) for the lower bit and (0,2), (1,3) for the upper, and
    /// Σ conj(l)·partner = (l₀ + l₃)·(p₁ + p₂) + (l₁ + l₂)·(p₀ + p₃): two products instead of eight, added to the running
    /// sums once per quadruple so the loop is not held up by the latency of a chain of fused multiply-adds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InnerBlockBody(void* pa, long k0, long k1)
    {
        ref Args a = ref *(Args*)pa;
        int bits = a.Plan.B;
        long len = 1L << bits;
        for (long k = k0; k < k1; k++)
        {
            double* l = a.L + 2 * (k << bits), p = a.S + 2 * (k << bits);
            var re0 = Vector512<double>.Zero; var im0 = Vector512<double>.Zero;
            var re1 = Vector512<double>.Zero; var im1 = Vector512<double>.Zero;
            for (long i = 0; i < 2 * len; i += 16)
            {
                var p0 = Vector512.Load(p + i); var p1 = Vector512.Load(p + i + 8);
                var s0 = VectorComplex.SwapAdjacent(p0) + VectorComplex.SwapHalves(p0);
                var s1 = VectorComplex.SwapAdjacent(p1) + VectorComplex.SwapHalves(p1);
                var l0 = Vector512.Load(l + i); var l1 = Vector512.Load(l + i + 8);
                re0 = Vector512.FusedMultiplyAdd(l0, s0, re0);
                im0 = Vector512.FusedMultiplyAdd(l0, VectorComplex.SwapReIm(s0), im0);
                re1 = Vector512.FusedMultiplyAdd(l1, s1, re1);
                im1 = Vector512.FusedMultiplyAdd(l1, VectorComplex.SwapReIm(s1), im1);
            }
            int q = 2;
            for (; q + 1 < bits; q += 2)
            {
                long s1 = 1L << q, s2 = s1 << 1;
                for (long b = 0; b < len; b += 2 * s2)
                    for (long i = 0; i < s1; i += 4)
                    {
                        long i0 = 2 * (b + i), i1 = i0 + 2 * s1, i2 = i0 + 2 * s2, i3 = i2 + 2 * s1;
                        var pa12 = Vector512.Load(p + i1) + Vector512.Load(p + i2);
                        var pb03 = Vector512.Load(p + i0) + Vector512.Load(p + i3);
                        var la03 = Vector512.Load(l + i0) + Vector512.Load(l + i3);
                        var lb12 = Vector512.Load(l + i1) + Vector512.Load(l + i2);
                        re0 += Vector512.FusedMultiplyAdd(la03, pa12, lb12 * pb03);
                        im1 += Vector512.FusedMultiplyAdd(la03, VectorComplex.SwapReIm(pa12), lb12 * VectorComplex.SwapReIm(pb03));
                    }
            }
            if (q < bits)
            {
                long s1 = 1L << q;
                for (long b = 0; b < len; b += 2 * s1)
                    for (long i = 0; i < s1; i += 4)
                    {
                        long i0 = 2 * (b + i), i1 = i0 + 2 * s1;
                        var l0 = Vector512.Load(l + i0); var l1 = Vector512.Load(l + i1);
                        var p0 = Vector512.Load(p + i0); var p1 = Vector512.Load(p + i1);
                        re1 += Vector512.FusedMultiplyAdd(l0, p1, l1 * p0);
                        im0 += Vector512.FusedMultiplyAdd(l0, VectorComplex.SwapReIm(p1), l1 * VectorComplex.SwapReIm(p0));
                    }
            }
            a.Partials[2 * k] = Vector512.Sum(re0 + re1);
            a.Partials[2 * k + 1] = Vector512.Sum((im0 + im1) * ImSigns);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static void InnerTileBody(void* pa, long t0, long t1)
    {
        ref Args a = ref *(Args*)pa;
        int shift = a.Shift, g = a.Group;
        long width = a.Width, rows = 1L << g, rowBytes = 16 * width, rowDoubles = 2 * width;
        long perLow = (1L << shift) / width;
        byte* raw = stackalloc byte[(int)(2 * rows * rowBytes) + 64];
        double* lt = (double*)(((nuint)raw + 63) & ~(nuint)63);
        double* pt = lt + rows * rowDoubles;
        for (long t = t0; t < t1; t++)
        {
            long first = ((t / perLow) << (shift + g)) + (t % perLow) * width;
            for (long r = 0; r < rows; r++)
            {
                Buffer.MemoryCopy(a.L + 2 * (first + (r << shift)), lt + r * rowDoubles, rowBytes, rowBytes);
                Buffer.MemoryCopy(a.S + 2 * (first + (r << shift)), pt + r * rowDoubles, rowBytes, rowBytes);
            }
            var re = Vector512<double>.Zero;
            var im = Vector512<double>.Zero;
            for (int j = 0; j < g; j++)
            {
                long r1 = 1L << j;
                for (long r = 0; r < rows; r++)
                {
                    if ((r & r1) != 0) continue;
                    double* l0 = lt + r * rowDoubles, l1 = l0 + r1 * rowDoubles, p0 = pt + r * rowDoubles, p1 = p0 + r1 * rowDoubles;
                    for (long k = 0; k < rowDoubles; k += 8)
                    {
                        var x0 = Vector512.Load(l0 + k); var x1 = Vector512.Load(l1 + k);
                        var y0 = Vector512.Load(p0 + k); var y1 = Vector512.Load(p1 + k);
                        re += Vector512.FusedMultiplyAdd(x0, y1, x1 * y0);
                        im += Vector512.FusedMultiplyAdd(x0, VectorComplex.SwapReIm(y1), x1 * VectorComplex.SwapReIm(y0));
                    }
                }
            }
            a.Partials[2 * t] = Vector512.Sum(re);
            a.Partials[2 * t + 1] = Vector512.Sum(im * ImSigns);
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
