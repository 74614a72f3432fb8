using System.Numerics;
using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Optimization.Problems;

/// <summary>
/// A classical Ising cost H(z) = c + Σᵢ hᵢ·zᵢ + Σ_{i&lt;j} J_ij·zᵢ·zⱼ over spins zᵢ = ±1, read as the diagonal operator
/// c·I + Σ hᵢZᵢ + Σ J_ij ZᵢZⱼ on n qubits. Spin i is wire i: zᵢ = +1 when wire i is |0⟩ and −1 when it is |1⟩ (the
/// eigenvalue of Zᵢ), and wire 0 is the most significant bit of a basis index, so bitstring character i is wire i.
/// </summary>
public sealed class IsingHamiltonian
{
    // Bits handled by a precomputed table in the diagonal: 2^12 doubles (32 KiB) stay in L1 while a block is written.
    private const int LowBits = 12;

    private readonly double[] _fields;
    private readonly IsingCoupling[] _couplings;

    /// <summary>Creates the Hamiltonian; couplings given twice (in either order) are added together.</summary>
    /// <param name="numSpins">n ≥ 1.</param>
    /// <param name="fields">hᵢ for i = 0..n−1, or null for none.</param>
    /// <param name="couplings">(i, j, J_ij) with i ≠ j, both in 0..n−1.</param>
    /// <param name="constant">c.</param>
    /// <exception cref="ArgumentException">For a bad size, index or non-finite coefficient (the message names it).</exception>
    public IsingHamiltonian(int numSpins, IReadOnlyList<double>? fields, IEnumerable<(int I, int J, double Value)> couplings, double constant = 0)
    {
        if (numSpins < 1) throw new ArgumentOutOfRangeException(nameof(numSpins), numSpins, "An Ising Hamiltonian needs at least one spin.");
        ArgumentNullException.ThrowIfNull(couplings);
        NumSpins = numSpins;
        _fields = new double[numSpins];
        if (fields is not null)
        {
            if (fields.Count != numSpins) throw new ArgumentException($"Expected {numSpins} fields hᵢ (one per spin); got {fields.Count}.", nameof(fields));
            for (int i = 0; i < numSpins; i++)
            {
                if (!double.IsFinite(fields[i])) throw new ArgumentException($"Field h[{i}] is {fields[i]}; coefficients must be finite.", nameof(fields));
                _fields[i] = fields[i];
            }
        }
        var merged = new SortedDictionary<(int, int), double>();
        foreach (var (i, j, v) in couplings)
        {
            if (i < 0 || i >= numSpins || j < 0 || j >= numSpins)
                throw new ArgumentException($"Coupling ({i}, {j}) names a spin outside 0..{numSpins - 1}.", nameof(couplings));
            if (i == j) throw new ArgumentException($"Coupling ({i}, {j}) couples a spin to itself; Zᵢ² = I belongs in the constant.", nameof(couplings));
            if (!double.IsFinite(v)) throw new ArgumentException($"Coupling ({i}, {j}) is {v}; coefficients must be finite.", nameof(couplings));
            var key = (Math.Min(i, j), Math.Max(i, j));
            merged[key] = merged.GetValueOrDefault(key) + v;
        }
        _couplings = merged.Where(kv => kv.Value != 0).Select(kv => new IsingCoupling(kv.Key.Item1, kv.Key.Item2, kv.Value)).ToArray();
        if (!double.IsFinite(constant)) throw new ArgumentException($"The constant is {constant}; it must be finite.", nameof(constant));
        Constant = constant;
    }

    /// <summary>Number of spins (qubits).</summary>
    public int NumSpins { get; }

    /// <summary>hᵢ, one per spin.</summary>
    public IReadOnlyList<double> Fields => _fields;

    /// <summary>The non-zero couplings, sorted by (I, J).</summary>
    public IReadOnlyList<IsingCoupling> Couplings => _couplings;

    /// <summary>The constant c (the identity term).</summary>
    public double Constant { get; }

    /// <summary>H at the basis state <paramref name="index"/> (wire 0 is the most significant bit).</summary>
    public double Energy(long index)
    {
        if (NumSpins < 63 && (index < 0 || index >= 1L << NumSpins))
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A basis index of {NumSpins} spins lies in 0..{(1L << NumSpins) - 1}.");
        double e = Constant;
        for (int i = 0; i < NumSpins; i++) e += _fields[i] * Spin(index, i);
        foreach (var c in _couplings) e += c.Value * Spin(index, c.I) * Spin(index, c.J);
        return e;
    }

    /// <summary>H at a bitstring: character i is wire i, '0' ↦ zᵢ = +1, '1' ↦ zᵢ = −1.</summary>
    public double Energy(string bitstring) => Energy(ParseBitstring(bitstring, NumSpins));

    /// <summary>
    /// All 2ⁿ values of H in basis-index order, the diagonal of the operator. Computed block by block on every core:
    /// terms among the low 12 bits come from one precomputed table, terms among the high bits are a constant per block,
    /// and the mixed terms act as fields on the low bits, summed by doubling; about three additions per entry.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Above 30 spins (the array would exceed 8 GiB).</exception>
    public double[] Diagonal()
    {
        if (NumSpins > 30)
            throw new ArgumentOutOfRangeException(nameof(NumSpins), NumSpins, $"The diagonal of {NumSpins} spins has 2^{NumSpins} entries; at most 30 spins (8 GiB) are supported.");
        var diagonal = GC.AllocateUninitializedArray<double>(1 << NumSpins);
        FillDiagonal(diagonal);
        return diagonal;
    }

    /// <summary>Writes the diagonal into <paramref name="diagonal"/> (length 2ⁿ).</summary>
    internal void FillDiagonal(double[] diagonal)
    {
        int n = NumSpins;
        int low = Math.Min(n, LowBits);
        int blocks = 1 << (n - low);
        int blockLength = 1 << low;
        var lowTable = new double[blockLength];
        // Classify terms by the bit positions (n − 1 − wire) of their spins.
        var lowFields = new List<(int Bit, double H)>();
        var highFields = new List<(int Bit, double H)>();
        for (int w = 0; w < n; w++)
        {
            if (_fields[w] == 0) continue;
            int bit = n - 1 - w;
            if (bit < low) lowFields.Add((bit, _fields[w]));
            else highFields.Add((bit - low, _fields[w]));
        }
        var lowPairs = new List<(int A, int B, double J)>();
        var highPairs = new List<(int A, int B, double J)>();
        var mixed = new List<(int LowBit, int HighBit, double J)>();
        foreach (var c in _couplings)
        {
            int a = n - 1 - c.I, b = n - 1 - c.J;
            if (a < low && b < low) lowPairs.Add((a, b, c.Value));
            else if (a >= low && b >= low) highPairs.Add((a - low, b - low, c.Value));
            else mixed.Add(a < low ? (a, b - low, c.Value) : (b, a - low, c.Value));
        }
        for (int lo = 0; lo < blockLength; lo++)
        {
            double e = 0;
            foreach (var (bit, h) in lowFields) e += h * SpinOfBit(lo, bit);
            foreach (var (a, b, j) in lowPairs) e += j * SpinOfBit(lo, a) * SpinOfBit(lo, b);
            lowTable[lo] = e;
        }
        double constant = Constant;
        void Block(int hi, double[] sums, double[] field)
        {
            double shift = constant;
            foreach (var (bit, h) in highFields) shift += h * SpinOfBit(hi, bit);
            foreach (var (a, b, j) in highPairs) shift += j * SpinOfBit(hi, a) * SpinOfBit(hi, b);
            Array.Clear(field);
            foreach (var (lb, hb, j) in mixed) field[lb] += j * SpinOfBit(hi, hb);
            // S(lo) = Σ_q field_q·(1 − 2·bit_q(lo)), doubled one bit at a time.
            double s0 = 0;
            for (int q = 0; q < low; q++) s0 += field[q];
            sums[0] = s0 + shift;
            for (int q = 0; q < low; q++)
            {
                int half = 1 << q;
                double d = -2 * field[q];
                for (int j = 0; j < half; j++) sums[half + j] = sums[j] + d;
            }
            var target = diagonal.AsSpan(hi * blockLength, blockLength);
            int k = 0;
            if (Vector.IsHardwareAccelerated)
            {
                int width = Vector<double>.Count;
                for (; k + width <= blockLength; k += width)
                    (new Vector<double>(sums, k) + new Vector<double>(lowTable, k)).CopyTo(target[k..]);
            }
            for (; k < blockLength; k++) target[k] = sums[k] + lowTable[k];
        }
        if (blocks == 1)
        {
            Block(0, new double[blockLength], new double[low]);
            return;
        }
        Parallel.For(0, blocks, () => (new double[blockLength], new double[low]),
            (hi, _, scratch) => { Block(hi, scratch.Item1, scratch.Item2); return scratch; }, _ => { });
    }

    /// <summary>
    /// The exact minimum by enumeration: the diagonal (8·2ⁿ bytes) is computed and scanned on every core.
    /// Takes well under a second up to about 24 spins.
    /// </summary>
    /// <param name="maxIndices">How many minimising indices to return (the lowest ones).</param>
    public IsingMinimum FindMinimum(int maxIndices = 64)
    {
        var diagonal = Diagonal();
        return MinimumOf(diagonal, maxIndices);
    }

    /// <summary>Minimum of an explicit diagonal, scanned in parallel chunks merged in index order.</summary>
    internal static IsingMinimum MinimumOf(double[] diagonal, int maxIndices)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxIndices);
        const int Chunk = 1 << 16;
        int chunks = (diagonal.Length + Chunk - 1) / Chunk;
        var mins = new double[chunks];
        Parallel.For(0, chunks, c =>
        {
            var span = diagonal.AsSpan(c * Chunk, Math.Min(Chunk, diagonal.Length - c * Chunk));
            double m = double.PositiveInfinity;
            foreach (double v in span) m = Math.Min(m, v);
            mins[c] = m;
        });
        double min = mins.Min();
        var counts = new long[chunks];
        Parallel.For(0, chunks, c =>
        {
            if (mins[c] != min) return;
            var span = diagonal.AsSpan(c * Chunk, Math.Min(Chunk, diagonal.Length - c * Chunk));
            long k = 0;
            foreach (double v in span) if (v == min) k++;
            counts[c] = k;
        });
        var indices = new List<long>();
        for (int c = 0; c < chunks && indices.Count < maxIndices; c++)
        {
            if (counts[c] == 0) continue;
            int end = Math.Min(diagonal.Length, (c + 1) * Chunk);
            for (int i = c * Chunk; i < end && indices.Count < maxIndices; i++)
                if (diagonal[i] == min) indices.Add(i);
        }
        return new IsingMinimum(min, [.. indices], counts.Sum());
    }

    /// <summary>The same operator as a sum of Pauli strings: c·I + Σ hᵢ·Zᵢ + Σ J_ij·ZᵢZⱼ (zero terms omitted).</summary>
    public Hamiltonian ToPauli()
    {
        var terms = new List<PauliString>();
        if (Constant != 0) terms.Add(new PauliString([], Constant));
        for (int i = 0; i < NumSpins; i++)
            if (_fields[i] != 0) terms.Add(new PauliString([(i, Pauli.Z)], _fields[i]));
        foreach (var c in _couplings) terms.Add(new PauliString([(c.I, Pauli.Z), (c.J, Pauli.Z)], c.Value));
        if (terms.Count == 0) terms.Add(new PauliString([], 0));
        return new Hamiltonian(terms);
    }

    /// <summary>zᵢ = ±1 of wire <paramref name="wire"/> in basis state <paramref name="index"/>.</summary>
    private double Spin(long index, int wire) => ((index >> (NumSpins - 1 - wire)) & 1) == 0 ? 1.0 : -1.0;

    private static double SpinOfBit(long value, int bit) => ((value >> bit) & 1) == 0 ? 1.0 : -1.0;

    /// <summary>Reads a bitstring of <paramref name="length"/> '0'/'1' characters (character i = wire i) as a basis index.</summary>
    internal static long ParseBitstring(string bitstring, int length)
    {
        ArgumentNullException.ThrowIfNull(bitstring);
        if (bitstring.Length != length)
            throw new ArgumentException($"Expected a bitstring of {length} characters (one per wire); got {bitstring.Length} ('{bitstring}').", nameof(bitstring));
        long index = 0;
        for (int i = 0; i < length; i++)
        {
            char ch = bitstring[i];
            if (ch is not ('0' or '1'))
                throw new ArgumentException($"Bitstring '{bitstring}' has '{ch}' at position {i}; only '0' and '1' are allowed.", nameof(bitstring));
            index = (index << 1) | (long)(ch - '0');
        }
        return index;
    }
}
