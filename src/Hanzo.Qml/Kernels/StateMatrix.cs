using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Hanzo.Qml.Simulation;
using Hanzo.Qml.Simulation.Kernels;

namespace Hanzo.Qml.Kernels;

/// <summary>
/// The matrix Ψ of encoded states, one row per sample, stored for the Gram product: samples go in groups of
/// <see cref="GroupSize"/>, and within a group amplitude d occupies 16 consecutive doubles, the real parts of the eight
/// samples then their imaginary parts (split re/im planes, interleaved every 64 bytes). A 512-bit load at amplitude d
/// gives eight samples' real parts, the layout the micro-kernel broadcasts against; the same bytes give one sample's
/// scalar for the other operand, so Ψ needs no second packed copy.
/// </summary>
internal sealed unsafe class StateMatrix : IDisposable
{
    /// <summary>Samples per group (lanes of a 512-bit register of doubles).</summary>
    public const int GroupSize = 8;

    /// <summary>Groups are allocated in multiples of this, so a 16-sample column panel never runs off the end.</summary>
    public const int GroupAlignment = 2;

    private double* _data;

    private StateMatrix(int count, int numQubits)
    {
        Count = count;
        NumQubits = numQubits;
        Dimension = 1L << numQubits;
        int groups = (count + GroupSize - 1) / GroupSize;
        Groups = (groups + GroupAlignment - 1) / GroupAlignment * GroupAlignment;
        long bytes = BytesFor(count, numQubits);
        _data = (double*)NativeMemory.AlignedAlloc((nuint)bytes, 64);
        // Full groups are overwritten by StoreGroup; only the last partial group and the alignment groups are cleared,
        // so padding lanes read as zero amplitudes (deterministic, and contributing nothing to any overlap). Clearing
        // all of Ψ would be one more pass over half a gigabyte at 16 qubits and 500 samples.
        long groupBytes = 16L * Dimension * GroupSize;
        int firstPadded = count / GroupSize;
        NativeMemory.Clear((byte*)_data + firstPadded * groupBytes, (nuint)((Groups - firstPadded) * groupBytes));
        GC.AddMemoryPressure(bytes);
        ByteCount = bytes;
    }

    /// <summary>Number of samples (rows).</summary>
    public int Count { get; }

    /// <summary>Qubits of every state.</summary>
    public int NumQubits { get; }

    /// <summary>Amplitudes per state, 2ⁿ.</summary>
    public long Dimension { get; }

    /// <summary>Allocated groups (a multiple of <see cref="GroupAlignment"/>).</summary>
    public int Groups { get; }

    /// <summary>Bytes of storage.</summary>
    public long ByteCount { get; }

    /// <summary>Bytes a matrix of <paramref name="count"/> states of <paramref name="numQubits"/> qubits occupies.</summary>
    public static long BytesFor(int count, int numQubits)
    {
        long groups = (count + GroupSize - 1) / GroupSize;
        groups = (groups + GroupAlignment - 1) / GroupAlignment * GroupAlignment;
        return groups * (16L << numQubits) * GroupSize;
    }

    /// <summary>
    /// Allocates the matrix after checking it against the memory budget, with a message that says what to change.
    /// </summary>
    public static StateMatrix Allocate(int count, int numQubits, long extraBytes, SimulatorOptions options)
    {
        long bytes = BytesFor(count, numQubits);
        long budget = options.EffectiveMemoryBudget;
        if (numQubits > StateVector.MaxQubits || bytes + extraBytes > budget || bytes <= 0)
            throw new StateTooLargeException(
                $"The kernel matrix keeps every sample's encoded state: {count} states of {numQubits} qubits need " +
                $"{StateTooLargeException.Gib(bytes)} (16 bytes × 2^{numQubits} each, padded to groups of {GroupSize})" +
                (extraBytes > 0 ? $" plus {StateTooLargeException.Gib(extraBytes)} of working states" : "") +
                $"; the memory budget is {StateTooLargeException.Gib(budget)}. Use fewer samples or qubits (each qubit fewer halves it), " +
                "compute the matrix in blocks of rows, or raise SimulatorOptions.MemoryBudgetBytes if the machine has the memory.");
        return new StateMatrix(count, numQubits);
    }

    /// <summary>Start of group <paramref name="group"/>: amplitude d of lane l is at [16d + l] (re) and [16d + 8 + l] (im).</summary>
    public double* Group(int group)
    {
        if (_data == null) throw new ObjectDisposedException(nameof(StateMatrix));
        return _data + (long)group * Dimension * 2 * GroupSize;
    }

    /// <summary>Amplitude <paramref name="index"/> of sample <paramref name="sample"/> (tests and single entries).</summary>
    public System.Numerics.Complex Amplitude(int sample, long index)
    {
        double* g = Group(sample / GroupSize) + 16 * index + sample % GroupSize;
        return new System.Numerics.Complex(g[0], g[GroupSize]);
    }

    /// <summary>Writes <paramref name="count"/> ≤ 8 states as the lanes of group <paramref name="group"/> (see the pointer overload).</summary>
    public void StoreGroup(int group, StateVector[] states, int count)
    {
        Span<nint> pointers = stackalloc nint[GroupSize];
        for (int i = 0; i < count; i++)
        {
            if (states[i].NumQubits != NumQubits) throw new ArgumentException($"A {states[i].NumQubits}-qubit state in a matrix of {NumQubits}-qubit states.", nameof(states));
            pointers[i] = (nint)states[i].Data;
        }
        StoreGroup(group, pointers, count);
    }

    /// <summary>
    /// Writes <paramref name="count"/> ≤ 8 interleaved states (re, im, re, im, …) as the lanes of group
    /// <paramref name="group"/>; missing lanes stay zero. Eight states at once make the scatter an 8×8 transpose of
    /// whole cache lines instead of 16-byte writes into every line of the group.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void StoreGroup(int group, ReadOnlySpan<nint> states, int count)
    {
        if ((uint)count > GroupSize) throw new ArgumentOutOfRangeException(nameof(count));
        double* dst = Group(group);
        long dim = Dimension;
        if (count == GroupSize && dim >= 4 && VectorComplex.Enabled)
        {
            double* s0 = (double*)states[0], s1 = (double*)states[1], s2 = (double*)states[2], s3 = (double*)states[3];
            double* s4 = (double*)states[4], s5 = (double*)states[5], s6 = (double*)states[6], s7 = (double*)states[7];
            for (long d = 0; d < dim; d += 4)
                Transpose8(s0 + 2 * d, s1 + 2 * d, s2 + 2 * d, s3 + 2 * d, s4 + 2 * d, s5 + 2 * d, s6 + 2 * d, s7 + 2 * d, dst + 16 * d);
            return;
        }
        for (int lane = 0; lane < count; lane++)
        {
            double* s = (double*)states[lane];
            for (long d = 0; d < dim; d++)
            {
                dst[16 * d + lane] = s[2 * d];
                dst[16 * d + GroupSize + lane] = s[2 * d + 1];
            }
        }
    }

    /// <summary>
    /// Rows r0..r7 hold four amplitudes of eight samples (re0 im0 re1 im1 …); the transpose's row c is column c across
    /// the samples, which is exactly the group layout of amplitudes d..d+3 written contiguously.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8(double* p0, double* p1, double* p2, double* p3, double* p4, double* p5, double* p6, double* p7, double* dst)
    {
        var r0 = Vector512.Load(p0); var r1 = Vector512.Load(p1); var r2 = Vector512.Load(p2); var r3 = Vector512.Load(p3);
        var r4 = Vector512.Load(p4); var r5 = Vector512.Load(p5); var r6 = Vector512.Load(p6); var r7 = Vector512.Load(p7);
        var t0 = Avx512F.UnpackLow(r0, r1); var t1 = Avx512F.UnpackHigh(r0, r1);
        var t2 = Avx512F.UnpackLow(r2, r3); var t3 = Avx512F.UnpackHigh(r2, r3);
        var t4 = Avx512F.UnpackLow(r4, r5); var t5 = Avx512F.UnpackHigh(r4, r5);
        var t6 = Avx512F.UnpackLow(r6, r7); var t7 = Avx512F.UnpackHigh(r6, r7);
        const byte Even = 0b10_00_10_00, Odd = 0b11_01_11_01;
        var u0 = Avx512F.Shuffle4x128(t0, t2, Even); var u1 = Avx512F.Shuffle4x128(t0, t2, Odd);
        var u2 = Avx512F.Shuffle4x128(t1, t3, Even); var u3 = Avx512F.Shuffle4x128(t1, t3, Odd);
        var u4 = Avx512F.Shuffle4x128(t4, t6, Even); var u5 = Avx512F.Shuffle4x128(t4, t6, Odd);
        var u6 = Avx512F.Shuffle4x128(t5, t7, Even); var u7 = Avx512F.Shuffle4x128(t5, t7, Odd);
        Avx512F.Shuffle4x128(u0, u4, Even).Store(dst);
        Avx512F.Shuffle4x128(u2, u6, Even).Store(dst + 8);
        Avx512F.Shuffle4x128(u1, u5, Even).Store(dst + 16);
        Avx512F.Shuffle4x128(u3, u7, Even).Store(dst + 24);
        Avx512F.Shuffle4x128(u0, u4, Odd).Store(dst + 32);
        Avx512F.Shuffle4x128(u2, u6, Odd).Store(dst + 40);
        Avx512F.Shuffle4x128(u1, u5, Odd).Store(dst + 48);
        Avx512F.Shuffle4x128(u3, u7, Odd).Store(dst + 56);
    }

    /// <summary>Frees the storage.</summary>
    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the storage if the owner forgot to dispose.</summary>
    ~StateMatrix() => Free();

    private void Free()
    {
        var p = _data;
        _data = null;
        if (p != null)
        {
            NativeMemory.AlignedFree(p);
            GC.RemoveMemoryPressure(ByteCount);
        }
    }
}
