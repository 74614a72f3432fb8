namespace Hanzo.Qml.Data;

/// <summary>
/// A small, fully specified pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014) for shuffles, splits, data
/// generators and weight initialisation.
/// </summary>
/// <remarks>
/// <para>Why not <see cref="Random"/>: its seeded sequence is an implementation detail of the runtime (it has changed
/// before, and differs between <c>new Random()</c> and <c>new Random(seed)</c>), and a seed that does not give the same
/// folds on every machine and every .NET version is a seed that is not honoured. SplitMix64 is a few lines of integer
/// arithmetic, so the same seed gives the same stream everywhere, for ever. It passes BigCrush, which is plenty for
/// shuffling and sampling (it is not a cryptographic generator).</para>
/// <para>Derived streams (<see cref="Derive(long, long)"/>) let independent consumers (repeat r of a cross-validation,
/// the unitary versus the sampler of a data generator) draw from unrelated streams of one user seed.</para>
/// <para>Not thread-safe: give each thread its own instance.</para>
/// </remarks>
public sealed class SeededRandom
{
    private ulong _state;
    private double? _spareNormal;

    /// <summary>Starts the stream for <paramref name="seed"/>.</summary>
    public SeededRandom(long seed) => _state = unchecked((ulong)seed);

    /// <summary>Continues a stream saved with <see cref="GetState"/>: it draws exactly what the saved one would have drawn next.</summary>
    public SeededRandom(SeededRandomState state)
    {
        _state = state.Counter;
        _spareNormal = state.SpareNormal;
    }

    /// <summary>The stream's current position (see <see cref="SeededRandom(SeededRandomState)"/>).</summary>
    public SeededRandomState GetState() => new(_state, _spareNormal);

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double NextDouble(double min, double max)
    {
        if (!(max > min)) throw new ArgumentOutOfRangeException(nameof(max), max, $"The range [{min}, {max}) is empty.");
        double v = min + (max - min) * NextDouble();
        // Rounding can land exactly on max for wide ranges; the half-open contract matters for periodic features.
        return v < max ? v : Math.BitDecrement(max);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias (Lemire's method).</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound), bound, "The bound must be positive.");
        ulong b = (ulong)bound;
        while (true)
        {
            ulong hi = Math.BigMul(NextUInt64(), b, out ulong lo);
            if (lo >= b || lo >= (0UL - b) % b) return (int)hi;
        }
    }

    /// <summary>A standard normal deviate (Marsaglia's polar method; the second value of each pair is kept for the next call).</summary>
    public double NextNormal()
    {
        if (_spareNormal is double spare)
        {
            _spareNormal = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double f = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareNormal = v * f;
        return u * f;
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates, from the last element down).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A random permutation of 0..<paramref name="count"/>−1.</summary>
    public int[] Permutation(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var p = new int[count];
        for (int i = 0; i < count; i++) p[i] = i;
        Shuffle(p.AsSpan());
        return p;
    }

    /// <summary>
    /// A seed for an independent sub-stream <paramref name="stream"/> of <paramref name="seed"/>: the two numbers are
    /// mixed through SplitMix64's finaliser, so neighbouring seeds and neighbouring streams give unrelated sequences.
    /// </summary>
    public static long Derive(long seed, long stream)
    {
        var r = new SeededRandom(seed ^ unchecked((long)(0xD1B54A32D192ED03UL * (ulong)(stream + 1))));
        return unchecked((long)r.NextUInt64());
    }
}
