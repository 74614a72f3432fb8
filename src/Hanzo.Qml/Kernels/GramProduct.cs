using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Hanzo.Qml.Simulation.Kernels;

namespace Hanzo.Qml.Kernels;

/// <summary>
/// K[i, j] = |⟨ψᵢ|ψⱼ⟩|² for the rows of one or two <see cref="StateMatrix"/>es: a blocked complex product G = Ψ_A Ψ_Bᴴ
/// followed by |·|². The output is cut into square tiles of <see cref="Blocking.TileSamples"/> samples; a tile's complex sums
/// stay in a per-thread accumulator while the amplitudes stream through in panels of <see cref="Blocking.PanelAmplitudes"/>
/// (the panel of 16 column samples, 32 KiB at 128 amplitudes, stays in L1 while every 4-row strip of the tile passes
/// over it; the tile's rows and columns of a panel stay in L2). Tiles are independent and are claimed
/// by the threads from a shared counter, largest first. The threads come from Parallel.For rather than the simulator's
/// KernelThreads team: a tile takes milliseconds, so the microseconds of dispatch do not matter (not measured: below
/// 0.1 % of a tile), while Parallel.For carries cancellation and exceptions, which a KernelThreads body must never throw. With one matrix only the upper triangle of tiles is computed
/// and mirrored, and inside a diagonal tile strips wholly below the diagonal are skipped: 4·N²·2ⁿ flop instead of 8.
/// <para>
/// The micro-kernel holds a 4 × 16 block of complex sums in 16 registers (real and imaginary planes for two 8-sample
/// column groups) and per amplitude does 32 FMAs against 4 vector loads and 8 scalar broadcasts:
/// Re += aᵣbᵣ + aᵢbᵢ, Im += aᵣbᵢ − aᵢbᵣ on split planes, so no shuffles sit in the loop. Each FMA is its own
/// statement with the accumulator as addend (and the broadcast second): nested FMA expressions made the JIT copy a
/// register before almost every FMA (28 copies per iteration instead of 5). A 6-row variant (24 accumulators) was no
/// faster and spilled its row pointers; a 4 × 24 variant (three column groups, 48 FMAs per 14 loads) measured the same
/// ≈ 75 % of the single-thread FMA peak as this one.
/// </para>
/// </summary>
internal static unsafe class GramProduct
{
    private const int Strip = 4;                 // rows per micro-kernel call
    private const int PanelGroups = 2;           // 8-sample column groups per micro-kernel call
    private const int PanelSamples = PanelGroups * StateMatrix.GroupSize;

    /// <summary>Tile edge in samples (a multiple of 16) and amplitudes per panel; tests pass small ones to cross tile boundaries.</summary>
    internal readonly record struct Blocking(int TileSamples, int PanelAmplitudes)
    {
        /// <summary>
        /// The default for <paramref name="rows"/> × <paramref name="columns"/> samples: <see cref="Default"/>, or smaller
        /// tiles when that would leave fewer than two tiles per thread (a small matrix would otherwise run on one core).
        /// </summary>
        public static Blocking For(int rows, int columns, bool symmetric)
        {
            int threads = Math.Max(1, Math.Min(Environment.ProcessorCount, MaxThreads));
            foreach (int t in (ReadOnlySpan<int>)[Default.TileSamples, 64, 48, 32, 16])
            {
                long r = (rows + t - 1) / t, c = (columns + t - 1) / t;
                long tiles = symmetric ? r * (r + 1) / 2 : r * c;
                if (tiles >= 2 * threads) return Default with { TileSamples = t };
            }
            return Default with { TileSamples = 16 };
        }

        /// <summary>
        /// 96-sample tiles, 128-amplitude panels: per panel a tile's rows and columns take 2 × 192 KiB and its sums
        /// 144 KiB, inside a 1 MiB L2. Measured single-threaded against the in-process FMA peak on the shared project
        /// machine: 64/64 ≈ 72 %, 64/128 ≈ 75 %, 96/128 and 128/128 ≈ 78–80 %; 96 keeps more tiles for two threads to share.
        /// </summary>
        public static Blocking Default { get; } = new(96, 128);
    }

    /// <summary>Largest number of threads the product may use (benchmarks set 1 to measure one core).</summary>
    internal static int MaxThreads { get; set; } = int.MaxValue;

    private readonly record struct Tile(int Row, int Column);

    /// <summary>Number of tiles a symmetric product of <paramref name="count"/> samples computes (for progress).</summary>
    public static int SymmetricTileCount(int count)
    {
        int tile = Blocking.For(count, count, symmetric: true).TileSamples;
        int t = (count + tile - 1) / tile;
        return t * (t + 1) / 2;
    }

    /// <summary>Number of tiles of a rows × columns product.</summary>
    public static int CrossTileCount(int rows, int columns)
    {
        int t = Blocking.For(rows, columns, symmetric: false).TileSamples;
        return ((rows + t - 1) / t) * ((columns + t - 1) / t);
    }

    /// <summary>
    /// Fills result[i, j] = |⟨ψᵢ|ψⱼ⟩|² for all i, j &lt; psi.Count, the diagonal included (as computed).
    /// </summary>
    public static void Symmetric(StateMatrix psi, double[,] result, Action? onTileDone, CancellationToken cancellationToken, Blocking? blocking = null)
    {
        var bl = blocking ?? Blocking.For(psi.Count, psi.Count, symmetric: true);
        int tiles = (psi.Count + bl.TileSamples - 1) / bl.TileSamples;
        var list = new List<Tile>();
        for (int r = 0; r < tiles; r++)
            for (int c = r; c < tiles; c++) list.Add(new Tile(r, c));
        Run(psi, psi, result, list, symmetric: true, bl, onTileDone, cancellationToken);
    }

    /// <summary>Fills result[i, j] = |⟨aᵢ|bⱼ⟩|² for i &lt; a.Count, j &lt; b.Count.</summary>
    public static void Cross(StateMatrix a, StateMatrix b, double[,] result, Action? onTileDone, CancellationToken cancellationToken, Blocking? blocking = null)
    {
        if (a.NumQubits != b.NumQubits) throw new ArgumentException("States of different sizes.", nameof(b));
        var bl = blocking ?? Blocking.For(a.Count, b.Count, symmetric: false);
        int rt = (a.Count + bl.TileSamples - 1) / bl.TileSamples, ct = (b.Count + bl.TileSamples - 1) / bl.TileSamples;
        var list = new List<Tile>();
        for (int r = 0; r < rt; r++)
            for (int c = 0; c < ct; c++) list.Add(new Tile(r, c));
        Run(a, b, result, list, symmetric: false, bl, onTileDone, cancellationToken);
    }

    private sealed class Job
    {
        public required StateMatrix A;
        public required StateMatrix B;
        public required double[,] Result;
        public required Tile[] Tiles;
        public required bool Symmetric;
        public required Action? OnTileDone;
        public required CancellationToken Token;
        public required Blocking Blocking;
        public int Next;
    }

    private static void Run(StateMatrix a, StateMatrix b, double[,] result, List<Tile> tiles, bool symmetric, Blocking blocking, Action? onTileDone, CancellationToken token)
    {
        if (tiles.Count == 0) return;
        if (blocking.TileSamples % PanelSamples != 0 || blocking.TileSamples <= 0 || blocking.PanelAmplitudes <= 0)
            throw new ArgumentException($"Tiles must be a positive multiple of {PanelSamples} samples and panels at least one amplitude.", nameof(blocking));
        // Largest tiles first, diagonal (half-cost) tiles last, so the threads finish together.
        var job = new Job
        {
            A = a, B = b, Result = result, Symmetric = symmetric, OnTileDone = onTileDone, Token = token, Blocking = blocking,
            Tiles = [.. tiles.OrderByDescending(t => Cost(a, b, t, symmetric, blocking.TileSamples))],
        };
        int threads = Math.Max(1, Math.Min(Math.Min(Environment.ProcessorCount, MaxThreads), tiles.Count));
        if (threads == 1) Worker(job);
        else Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => Worker(job));
        token.ThrowIfCancellationRequested();
    }

    private static long Cost(StateMatrix a, StateMatrix b, Tile t, bool symmetric, int tileSamples)
    {
        long rows = Math.Min(tileSamples, a.Count - t.Row * tileSamples);
        long cols = Math.Min(tileSamples, b.Count - t.Column * tileSamples);
        return symmetric && t.Row == t.Column ? rows * cols / 2 : rows * cols;
    }

    private static void Worker(Job job)
    {
        int t = job.Blocking.TileSamples;
        long accDoubles = (long)t * t * 2;
        double* acc = (double*)NativeMemory.AlignedAlloc((nuint)(accDoubles * 8), 64);
        try
        {
            while (!job.Token.IsCancellationRequested)
            {
                int index = Interlocked.Increment(ref job.Next) - 1;
                if (index >= job.Tiles.Length) break;
                ComputeTile(job, job.Tiles[index], acc);
                job.OnTileDone?.Invoke();
            }
        }
        finally
        {
            NativeMemory.AlignedFree(acc);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ComputeTile(Job job, Tile tile, double* acc)
    {
        var a = job.A;
        var b = job.B;
        int t = job.Blocking.TileSamples;
        int r0 = tile.Row * t, r1 = Math.Min(r0 + t, a.Count);
        int c0 = tile.Column * t, c1 = Math.Min(c0 + t, b.Count);
        bool diagonal = job.Symmetric && tile.Row == tile.Column;
        int groupsPerTile = t / StateMatrix.GroupSize;
        long rowStride = groupsPerTile * 16L;     // doubles per accumulator row: (re 8 + im 8) per column group
        int rowsUsed = (r1 - r0 + Strip - 1) / Strip * Strip;
        NativeMemory.Clear(acc, (nuint)(rowsUsed * rowStride * 8));
        long dim = a.Dimension;
        int kc = job.Blocking.PanelAmplitudes;
        bool vector = VectorComplex.Enabled;
        for (long k0 = 0; k0 < dim; k0 += kc)
        {
            long len = Math.Min(kc, dim - k0);
            for (int j = c0; j < c1; j += PanelSamples)
            {
                double* b0 = b.Group(j / StateMatrix.GroupSize) + 16 * k0;
                double* b1 = b0 + dim * 16;
                for (int i = r0; i < r1; i += Strip)
                {
                    // In a diagonal tile a panel wholly left of the strip holds only pairs below the diagonal.
                    if (diagonal && j + PanelSamples <= i) continue;
                    double* ai = a.Group(i / StateMatrix.GroupSize) + 16 * k0 + i % StateMatrix.GroupSize;
                    double* c = acc + (i - r0) * rowStride + (j - c0) / StateMatrix.GroupSize * 16;
                    if (vector) Micro4x16(ai, b0, b1, len, c, rowStride);
                    else MicroScalar(ai, b0, b1, len, c, rowStride);
                }
            }
        }
        var result = job.Result;
        for (int i = r0; i < r1; i++)
        {
            double* row = acc + (i - r0) * rowStride;
            int jStart = diagonal ? i : c0;
            for (int j = jStart; j < c1; j++)
            {
                int lj = j - c0;
                double* g = row + lj / StateMatrix.GroupSize * 16 + lj % StateMatrix.GroupSize;
                double re = g[0], im = g[StateMatrix.GroupSize];
                // |⟨a|b⟩|² ≤ 1 for normalised states; rounding can overshoot by an ulp for (near-)duplicates.
                double k = Math.Min(1.0, re * re + im * im);
                result[i, j] = k;
                if (job.Symmetric && j != i) result[j, i] = k;
            }
        }
    }

    /// <summary>
    /// c[r] += Σₖ conj(a_r[k])·b[k] for 4 rows r (scalars at a + 16k + r, imaginary parts 8 further) and the 16 columns
    /// of two groups (vectors at b0/b1 + 16k, imaginary parts 8 further); c rows are <paramref name="stride"/> apart,
    /// each (re 8, im 8) for group 0 then group 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Micro4x16(double* a, double* b0, double* b1, long len, double* c, long stride)
    {
        double* c1 = c + stride, c2 = c + 2 * stride, c3 = c + 3 * stride;
        var r00 = Vector512.Load(c); var i00 = Vector512.Load(c + 8); var r01 = Vector512.Load(c + 16); var i01 = Vector512.Load(c + 24);
        var r10 = Vector512.Load(c1); var i10 = Vector512.Load(c1 + 8); var r11 = Vector512.Load(c1 + 16); var i11 = Vector512.Load(c1 + 24);
        var r20 = Vector512.Load(c2); var i20 = Vector512.Load(c2 + 8); var r21 = Vector512.Load(c2 + 16); var i21 = Vector512.Load(c2 + 24);
        var r30 = Vector512.Load(c3); var i30 = Vector512.Load(c3 + 8); var r31 = Vector512.Load(c3 + 16); var i31 = Vector512.Load(c3 + 24);
        double* end = a + 16 * len;
        for (; a < end; a += 16, b0 += 16, b1 += 16)
        {
            var br0 = Vector512.Load(b0); var bi0 = Vector512.Load(b0 + 8);
            var br1 = Vector512.Load(b1); var bi1 = Vector512.Load(b1 + 8);

            var ar = Vector512.Create(a[0]); var ai = Vector512.Create(a[8]);
            r00 = Avx512F.FusedMultiplyAdd(br0, ar, r00); r00 = Avx512F.FusedMultiplyAdd(bi0, ai, r00);
            i00 = Avx512F.FusedMultiplyAdd(bi0, ar, i00); i00 = Avx512F.FusedMultiplyAddNegated(br0, ai, i00);
            r01 = Avx512F.FusedMultiplyAdd(br1, ar, r01); r01 = Avx512F.FusedMultiplyAdd(bi1, ai, r01);
            i01 = Avx512F.FusedMultiplyAdd(bi1, ar, i01); i01 = Avx512F.FusedMultiplyAddNegated(br1, ai, i01);

            ar = Vector512.Create(a[1]); ai = Vector512.Create(a[9]);
            r10 = Avx512F.FusedMultiplyAdd(br0, ar, r10); r10 = Avx512F.FusedMultiplyAdd(bi0, ai, r10);
            i10 = Avx512F.FusedMultiplyAdd(bi0, ar, i10); i10 = Avx512F.FusedMultiplyAddNegated(br0, ai, i10);
            r11 = Avx512F.FusedMultiplyAdd(br1, ar, r11); r11 = Avx512F.FusedMultiplyAdd(bi1, ai, r11);
            i11 = Avx512F.FusedMultiplyAdd(bi1, ar, i11); i11 = Avx512F.FusedMultiplyAddNegated(br1, ai, i11);

            ar = Vector512.Create(a[2]); ai = Vector512.Create(a[10]);
            r20 = Avx512F.FusedMultiplyAdd(br0, ar, r20); r20 = Avx512F.FusedMultiplyAdd(bi0, ai, r20);
            i20 = Avx512F.FusedMultiplyAdd(bi0, ar, i20); i20 = Avx512F.FusedMultiplyAddNegated(br0, ai, i20);
            r21 = Avx512F.FusedMultiplyAdd(br1, ar, r21); r21 = Avx512F.FusedMultiplyAdd(bi1, ai, r21);
            i21 = Avx512F.FusedMultiplyAdd(bi1, ar, i21); i21 = Avx512F.FusedMultiplyAddNegated(br1, ai, i21);

            ar = Vector512.Create(a[3]); ai = Vector512.Create(a[11]);
            r30 = Avx512F.FusedMultiplyAdd(br0, ar, r30); r30 = Avx512F.FusedMultiplyAdd(bi0, ai, r30);
            i30 = Avx512F.FusedMultiplyAdd(bi0, ar, i30); i30 = Avx512F.FusedMultiplyAddNegated(br0, ai, i30);
            r31 = Avx512F.FusedMultiplyAdd(br1, ar, r31); r31 = Avx512F.FusedMultiplyAdd(bi1, ai, r31);
            i31 = Avx512F.FusedMultiplyAdd(bi1, ar, i31); i31 = Avx512F.FusedMultiplyAddNegated(br1, ai, i31);
        }
        r00.Store(c); i00.Store(c + 8); r01.Store(c + 16); i01.Store(c + 24);
        r10.Store(c1); i10.Store(c1 + 8); r11.Store(c1 + 16); i11.Store(c1 + 24);
        r20.Store(c2); i20.Store(c2 + 8); r21.Store(c2 + 16); i21.Store(c2 + 24);
        r30.Store(c3); i30.Store(c3 + 8); r31.Store(c3 + 16); i31.Store(c3 + 24);
    }

    /// <summary>The same sums without SIMD, for processors without AVX-512.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MicroScalar(double* a, double* b0, double* b1, long len, double* c, long stride)
    {
        for (int r = 0; r < Strip; r++)
        {
            double* cr = c + r * stride;
            for (int g = 0; g < PanelGroups; g++)
            {
                double* b = g == 0 ? b0 : b1;
                double* cg = cr + 16 * g;
                for (int lane = 0; lane < StateMatrix.GroupSize; lane++)
                {
                    double re = 0, im = 0;
                    for (long k = 0; k < len; k++)
                    {
                        double ar = a[16 * k + r], ai = a[16 * k + 8 + r];
                        double br = b[16 * k + lane], bi = b[16 * k + 8 + lane];
                        re += ar * br + ai * bi;
                        im += ar * bi - ai * br;
                    }
                    cg[lane] += re;
                    cg[8 + lane] += im;
                }
            }
        }
    }
}
