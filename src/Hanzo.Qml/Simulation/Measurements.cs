using System.Numerics;
using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Simulation;

/// <summary>Expectation values, probabilities and samples of a statevector (PennyLane's index order).</summary>
public static unsafe class Measurements
{
    // Reductions are summed in fixed blocks and the blocks in order, so results do not depend on the thread count.
    private const int BlockQubits = 14;

    /// <summary>⟨ψ|P|ψ⟩ for one Pauli string (coefficient included).</summary>
    public static double Expectation(StateVector state, PauliString term)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(term);
        int n = state.NumQubits;
        if (term.Factors.Count == 0) return term.Coefficient * state.NormSquared();
        var (flip, sign, phase) = term.BasisAction(n);
        // P|j⟩ = i^{#Y} (−1)^{popcount(j & sign)} |j ⊕ flip⟩, so ⟨ψ|P|ψ⟩ = i^{#Y} Σ_j conj(ψ[j⊕flip]) (−1)^{…} ψ[j].
        Complex sum = PauliSum(state, flip, sign);
        return (phase * sum).Real;
    }

    /// <summary>⟨ψ|H|ψ⟩ for a sum of Pauli strings.</summary>
    public static double Expectation(StateVector state, Hamiltonian observable)
    {
        ArgumentNullException.ThrowIfNull(observable);
        double total = 0;
        foreach (var t in observable.Terms) total += Expectation(state, t);
        return total;
    }

    /// <summary>|ψᵢ|² for every basis state, index i in PennyLane's order (wire 0 = most significant bit).</summary>
    public static double[] Probabilities(StateVector state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var p = new double[state.Length];
        double* s = state.Data;
        for (long i = 0; i < p.LongLength; i++) p[i] = s[2 * i] * s[2 * i] + s[2 * i + 1] * s[2 * i + 1];
        return p;
    }

    /// <summary>
    /// Marginal probabilities of the listed wires, in their order (the first listed wire is the most significant bit).
    /// </summary>
    public static double[] Probabilities(StateVector state, IReadOnlyList<int> wires)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(wires);
        int n = state.NumQubits;
        foreach (int w in wires)
            if (w < 0 || w >= n) throw new ArgumentOutOfRangeException(nameof(wires), $"Wire {w} is outside the {n}-qubit register.");
        var p = new double[1L << wires.Count];
        double* s = state.Data;
        for (long i = 0; i < state.Length; i++)
        {
            long k = 0;
            for (int j = 0; j < wires.Count; j++) k = (k << 1) | ((i >> (n - 1 - wires[j])) & 1);
            p[k] += s[2 * i] * s[2 * i] + s[2 * i + 1] * s[2 * i + 1];
        }
        return p;
    }

    /// <summary>
    /// Draws <paramref name="shots"/> computational-basis samples with a seeded generator and returns the count of
    /// each observed basis index (unobserved indices are absent). The same seed gives the same counts.
    /// </summary>
    public static SortedDictionary<long, int> Sample(StateVector state, int shots, int seed)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (shots < 1) throw new ArgumentOutOfRangeException(nameof(shots), shots, "The number of shots must be at least 1.");
        var rng = new Random(seed);
        var u = new double[shots];
        for (int i = 0; i < shots; i++) u[i] = rng.NextDouble();
        Array.Sort(u);
        double* s = state.Data;
        double total = state.NormSquared();
        var counts = new SortedDictionary<long, int>();
        // One sweep over the cumulative distribution with the sorted uniforms: O(2ⁿ + shots log shots), no 2ⁿ buffer.
        double cumulative = 0;
        int next = 0;
        long last = -1;
        for (long i = 0; i < state.Length && next < shots; i++)
        {
            double p = (s[2 * i] * s[2 * i] + s[2 * i + 1] * s[2 * i + 1]) / total;
            if (p == 0) continue;
            last = i;
            cumulative += p;
            int c = 0;
            while (next < shots && u[next] < cumulative) { next++; c++; }
            if (c > 0) counts[i] = c;
        }
        // Rounding can leave the last uniforms above the final cumulative sum: they belong to the last non-zero state.
        if (next < shots && last >= 0) counts[last] = counts.GetValueOrDefault(last) + (shots - next);
        return counts;
    }

    /// <summary>The bitstring of basis index <paramref name="index"/>: character k is wire k.</summary>
    public static string Bitstring(long index, int numQubits)
    {
        var c = new char[numQubits];
        for (int k = 0; k < numQubits; k++) c[k] = ((index >> (numQubits - 1 - k)) & 1) != 0 ? '1' : '0';
        return new string(c);
    }

    private struct SumArgs
    {
        public double* State;
        public long Flip, Sign, Length;
        public double* Partials; // (re, im) per block
    }

    /// <summary>Σ_j conj(ψ[j⊕flip]) (−1)^popcount(j &amp; sign) ψ[j], summed per fixed block and the blocks in order.</summary>
    private static Complex PauliSum(StateVector state, long flip, long sign)
    {
        long length = state.Length;
        long block = Math.Min(length, 1L << BlockQubits);
        long blocks = length / block;
        var partials = blocks <= 64 ? stackalloc double[(int)(2 * blocks)] : new double[2 * blocks];
        fixed (double* p = partials)
        {
            var args = new SumArgs { State = state.Data, Flip = flip, Sign = sign, Length = block, Partials = p };
            Simulation.Kernels.KernelThreads.Run(&PauliSumBody, &args, blocks, 1, parallel: blocks > 1);
        }
        Complex total = Complex.Zero;
        for (long b = 0; b < blocks; b++) total += new Complex(partials[(int)(2 * b)], partials[(int)(2 * b + 1)]);
        return total;
    }

    private static void PauliSumBody(void* pa, long b0, long b1)
    {
        var a = (SumArgs*)pa;
        double* s = a->State;
        long flip = a->Flip, sign = a->Sign;
        for (long b = b0; b < b1; b++)
        {
            double re = 0, im = 0;
            long lo = b * a->Length, hi = lo + a->Length;
            for (long j = lo; j < hi; j++)
            {
                long k = j ^ flip;
                double ar = s[2 * k], ai = -s[2 * k + 1], br = s[2 * j], bi = s[2 * j + 1];
                double pr = ar * br - ai * bi, pi = ar * bi + ai * br;
                if ((BitOperations.PopCount((ulong)(j & sign)) & 1) != 0) { pr = -pr; pi = -pi; }
                re += pr; im += pi;
            }
            a->Partials[2 * b] = re;
            a->Partials[2 * b + 1] = im;
        }
    }
}
