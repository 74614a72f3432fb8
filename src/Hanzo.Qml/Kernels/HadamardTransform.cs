using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Hanzo.Qml.Simulation.Kernels;

namespace Hanzo.Qml.Kernels;

/// <summary>
/// A layer of Hadamard gates on distinct wires as one in-place Walsh–Hadamard transform over their bits. Every
/// feature map starts its repeat with H on all wires; applied gate by gate that is n passes through the state, each
/// limited by L2 bandwidth. Here the bits below <see cref="BlockBits"/> are transformed block by block while a 32 KiB
/// block sits in L1, and the higher bits in groups of up to five, on column chunks of 64 amplitudes × 2^5 rows (again
/// 32 KiB): two trips through the state instead of n. A butterfly is (a + b)/√2, (a − b)/√2: additions only.
/// </summary>
internal static unsafe class HadamardTransform
{
    /// <summary>Low bits transformed inside one L1-resident block (2^11 amplitudes = 32 KiB).</summary>
    public const int BlockBits = 11;

    private const int GroupBits = 5;
    private const int ChunkAmplitudes = 64;

    /// <summary>Applies H to every bit position set in <paramref name="bits"/> of <paramref name="state"/> (wire w is bit n−1−w).</summary>
    public static void Apply(Simulation.StateVector state, long bits) => Apply(state.Data, state.NumQubits, bits);

    /// <summary>Applies H to every bit position set in <paramref name="bits"/> of the n-qubit state (wire w is bit n−1−w).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(double* state, int n, long bits)
    {
        if (bits == 0) return;
        if (!VectorComplex.Enabled || n < 3)
        {
            ApplyScalar(state, n, bits);
            return;
        }
        int b = Math.Min(n, BlockBits);
        long block = 1L << b, length = 1L << n;
        long low = bits & (block - 1);
        if (low != 0)
            for (long start = 0; start < length; start += block)
                for (long m = low; m != 0; m &= m - 1)
                    StageInBlock(state + 2 * start, block, BitOperations.TrailingZeroCount(m));
        long high = bits & ~(block - 1);
        long chunk = Math.Min(ChunkAmplitudes, block);
        while (high != 0)
        {
            // Take up to five high bits; their 2^5 rows of a 64-amplitude column chunk fit in L1 together.
            long group = 0;
            for (int k = 0; k < GroupBits && high != 0; k++)
            {
                long lowest = high & -high;
                group |= lowest;
                high &= high - 1;
            }
            for (long i = 0; i < length; i += chunk)
            {
                if ((i & group) != 0) continue;
                for (long g = group; g != 0; g &= g - 1)
                {
                    long bit = g & -g;
                    // Rows r ⊆ group with this bit clear, paired with r | bit.
                    long others = group & ~bit;
                    long r = 0;
                    do
                    {
                        Butterflies(state + 2 * (i + r), state + 2 * (i + r + bit), chunk);
                        r = (r - others) & others;
                    } while (r != 0);
                }
            }
        }
    }

    /// <summary>The butterflies of bit <paramref name="p"/> inside one block of <paramref name="block"/> amplitudes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StageInBlock(double* s, long block, int p)
    {
        var h = Vector512.Create(1 / Math.Sqrt(2));
        if (p == 0 || p == 1)
        {
            // Both partners share a vector of four amplitudes: exchange them with a lane shuffle, then
            // x·(±1/√2) + partner/√2 gives the sum in the lower partner and the difference in the upper one.
            var sign = p == 0
                ? Vector512.Create(1.0, 1.0, -1.0, -1.0, 1.0, 1.0, -1.0, -1.0)
                : Vector512.Create(1.0, 1.0, 1.0, 1.0, -1.0, -1.0, -1.0, -1.0);
            var hs = sign * h;
            for (long v = 0; v < block; v += 4)
            {
                var x = Vector512.Load(s + 2 * v);
                var partner = p == 0 ? VectorComplex.SwapAdjacent(x) : VectorComplex.SwapHalves(x);
                Vector512.FusedMultiplyAdd(x, hs, partner * h).Store(s + 2 * v);
            }
            return;
        }
        long half = 1L << p;
        for (long x = 0; x < block; x += 2 * half)
            Butterflies(s + 2 * x, s + 2 * (x + half), half);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterflies(double* x, double* y, long amplitudes)
    {
        var h = Vector512.Create(1 / Math.Sqrt(2));
        for (long v = 0; v < 2 * amplitudes; v += 8)
        {
            var a = Vector512.Load(x + v);
            var b = Vector512.Load(y + v);
            ((a + b) * h).Store(x + v);
            ((a - b) * h).Store(y + v);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ApplyScalar(double* s, int n, long bits)
    {
        double h = 1 / Math.Sqrt(2);
        long length = 1L << n;
        for (long m = bits; m != 0; m &= m - 1)
        {
            long bit = m & -m;
            for (long i = 0; i < length; i++)
            {
                if ((i & bit) != 0) continue;
                long j = i | bit;
                for (int c = 0; c < 2; c++)
                {
                    double a = s[2 * i + c], b = s[2 * j + c];
                    s[2 * i + c] = (a + b) * h;
                    s[2 * j + c] = (a - b) * h;
                }
            }
        }
    }
}
