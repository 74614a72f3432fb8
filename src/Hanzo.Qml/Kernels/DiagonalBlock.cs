using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Simulation;
using Hanzo.Qml.Simulation.Kernels;

namespace Hanzo.Qml.Kernels;

/// <summary>
/// A run of diagonal gates applied as one phase pass. Every diagonal gate of the library multiplies basis state b by
/// e^{i·angle(b)} with angle a sum of Walsh terms c·(−1)^{popcount(b &amp; mask)} (RZ: −θ/2·z; PhaseShift: φ/2 − φ/2·z;
/// MultiRZ: −θ/2·Πz; CZ and controlled phases: products (1−z)/2 expanded), so a whole run — IQP's 120 MultiRZ of a
/// 16-qubit layer — is one phase function. Splitting the index into high bits h and L low bits l,
/// angle(h, l) = T(l) + C(h) + Σⱼ wⱼ(h)·zⱼ(l): T (the terms on low bits only) is the Walsh–Hadamard transform of
/// their coefficients, computed once per sample; C and the wⱼ come from the terms that touch high bits. The phases
/// e^{iT} cost 2^L sines and cosines and the linear factor Πⱼ e^{i wⱼ zⱼ} is built by doubling, so the pass costs a few
/// complex multiplications per amplitude instead of one pass per gate. Terms with two or more low bits and some high
/// bits (3-body terms across the split) fall back to one parity pass each.
/// </summary>
internal sealed unsafe class DiagonalBlock
{
    /// <summary>Low bits handled by the tables: 2^10 complex entries = 16 KiB, in L1.</summary>
    public const int MaxLowBits = 10;

    private readonly record struct Term(long Mask, int Parameter, double Factor);

    private readonly int _n;
    private readonly int _low;
    private readonly Operation[] _parametrised;
    private readonly Term[] _lowTerms;      // masks on the low bits only (low-bit mask in Mask)
    private readonly Term[] _highTerms;     // some high bits and at most one low bit
    private readonly int[] _highLowBit;     // the low bit of each high term, or −1
    private readonly Term[] _fallback;      // several low bits and some high bits
    private readonly bool _lowQuadratic;    // every low term has at most two bits: tables by doubling, no FWHT

    /// <summary>Compiles the run <paramref name="operations"/> (every one diagonal) on <paramref name="numQubits"/> wires.</summary>
    public DiagonalBlock(int numQubits, IReadOnlyList<Operation> operations)
    {
        _n = numQubits;
        _low = Math.Min(numQubits, MaxLowBits);
        var parametrised = new List<Operation>();
        var terms = new List<Term>();
        foreach (var op in operations)
        {
            int parameter = -1;
            if (op.Parameters.Length > 0)
            {
                parameter = parametrised.Count;
                parametrised.Add(op);
            }
            AddTerms(op, parameter, terms);
        }
        _parametrised = [.. parametrised];
        long lowMask = (1L << _low) - 1;
        var lowTerms = new List<Term>();
        var highTerms = new List<Term>();
        var highLowBit = new List<int>();
        var fallback = new List<Term>();
        foreach (var t in terms)
        {
            long ml = t.Mask & lowMask, mh = t.Mask & ~lowMask;
            if (mh == 0) lowTerms.Add(t);
            else if (BitOperations.PopCount((ulong)ml) <= 1)
            {
                highTerms.Add(t with { Mask = mh >> _low });
                highLowBit.Add(ml == 0 ? -1 : BitOperations.TrailingZeroCount(ml));
            }
            else fallback.Add(t);
        }
        _lowTerms = [.. lowTerms];
        _lowQuadratic = lowTerms.All(t => BitOperations.PopCount((ulong)t.Mask) <= 2);
        _highTerms = [.. highTerms];
        _highLowBit = [.. highLowBit];
        _fallback = [.. fallback];
        MultiWireCount = operations.Count(o => o.Wires.Length > 1);
    }

    /// <summary>Number of gates in the run that act on two or more wires (the ones a fused pass saves).</summary>
    public int MultiWireCount { get; }

    /// <summary>Whether <paramref name="op"/> is a diagonal gate this block can absorb.</summary>
    public static bool CanAbsorb(Operation op) => op.Gate switch
    {
        GateKind.Identity or GateKind.PauliZ or GateKind.S or GateKind.SAdjoint or GateKind.T or GateKind.TAdjoint
            or GateKind.RZ or GateKind.PhaseShift or GateKind.CZ or GateKind.CRZ or GateKind.ControlledPhaseShift
            or GateKind.IsingZZ or GateKind.MultiRZ => true,
        _ => false,
    };

    /// <summary>Scratch tables of one thread.</summary>
    public sealed class Scratch
    {
        internal readonly double[] Angles = new double[1 << MaxLowBits];
        internal readonly double[] Phase = new double[2 << MaxLowBits];   // e^{iT(l)} interleaved
        internal readonly double[] Linear = new double[2 << MaxLowBits];  // Πⱼ e^{i wⱼ zⱼ(l)} interleaved
        internal readonly double[] W = new double[MaxLowBits];
        internal readonly double[] Pair = new double[MaxLowBits * MaxLowBits];
        internal double[] Theta = new double[16];
    }

    /// <summary>Multiplies <paramref name="state"/> by the run's phases for these features.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(StateVector state, ReadOnlySpan<double> weights, ReadOnlySpan<double> features, Scratch scratch)
    {
        if (scratch.Theta.Length < _parametrised.Length) scratch.Theta = new double[_parametrised.Length];
        var theta = scratch.Theta;
        for (int i = 0; i < _parametrised.Length; i++)
        {
            var op = _parametrised[i];
            double a = op.Parameters[0].Evaluate(weights, features);
            theta[i] = op.IsAdjoint ? -a : a;
        }
        int low = _low;
        int size = 1 << low;
        fixed (double* phase = scratch.Phase, linear = scratch.Linear)
        {
            if (_lowQuadratic) QuadraticPhases(phase, linear, theta, scratch);
            else
            {
                var angles = scratch.Angles;
                Array.Clear(angles, 0, size);
                foreach (var t in _lowTerms) angles[t.Mask] += Coefficient(t, theta);
                WalshHadamard(angles, low);
                for (int l = 0; l < size; l++)
                {
                    var (s, c) = Math.SinCos(angles[l]);
                    phase[2 * l] = c;
                    phase[2 * l + 1] = s;
                }
            }
            double* data = state.Data;
            long blocks = 1L << (_n - low);
            var w = scratch.W;
            for (long h = 0; h < blocks; h++)
            {
                double constant = 0;
                Array.Clear(w, 0, low);
                for (int k = 0; k < _highTerms.Length; k++)
                {
                    var t = _highTerms[k];
                    double v = Coefficient(t, theta);
                    if ((BitOperations.PopCount((ulong)(h & t.Mask)) & 1) != 0) v = -v;
                    int bit = _highLowBit[k];
                    if (bit < 0) constant += v;
                    else w[bit] += v;
                }
                double* amp = data + (h << (low + 1));
                if (_highTerms.Length == 0)
                {
                    MultiplyPhases(amp, phase, size);
                    continue;
                }
                BuildLinear(linear, constant, w, low);
                MultiplyPhases(amp, phase, linear, size);
            }
            foreach (var t in _fallback)
            {
                double v = Coefficient(t, theta);
                ParityPhaseKernel.Apply(data, _n, t.Mask, new Complex(Math.Cos(v), Math.Sin(v)), new Complex(Math.Cos(v), -Math.Sin(v)), parallel: false);
            }
        }
    }

    /// <summary>
    /// phase[l] = e^{iT(l)} for T = c₀ + Σⱼ aⱼzⱼ + Σ_{i&lt;j} cᵢⱼzᵢzⱼ, built bit by bit without a sine per entry: with
    /// λⱼ(l) = aⱼ + Σ_{i&lt;j} cᵢⱼzᵢ(l), adding bit j multiplies the entries with it clear by e^{iλⱼ} and those with it set by
    /// e^{−iλⱼ}; the table of e^{iλⱼ} over the lower bits is itself built by doubling. About 3·2^L complex products and
    /// L²/2 sines, against 2^L sines for the transform.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void QuadraticPhases(double* phase, double* factor, double[] theta, Scratch scratch)
    {
        int low = _low;
        var a = scratch.W;
        var c = scratch.Pair;
        Array.Clear(a, 0, low);
        Array.Clear(c, 0, low * low);
        double constant = 0;
        foreach (var t in _lowTerms)
        {
            double v = Coefficient(t, theta);
            if (t.Mask == 0) { constant += v; continue; }
            int i = BitOperations.TrailingZeroCount(t.Mask);
            long rest = t.Mask & (t.Mask - 1);
            if (rest == 0) a[i] += v;
            else c[BitOperations.TrailingZeroCount(rest) * low + i] += v;   // row j = higher bit, column i = lower bit
        }
        var (s0, c0) = Math.SinCos(constant);
        phase[0] = c0;
        phase[1] = s0;
        for (int j = 0; j < low; j++)
        {
            int half = 1 << j;
            double lambda = a[j];
            for (int i = 0; i < j; i++) lambda += c[j * low + i];
            var (fs, fc) = Math.SinCos(lambda);
            factor[0] = fc;
            factor[1] = fs;
            for (int i = 0; i < j; i++)
            {
                int span = 1 << i;
                double cij = c[j * low + i];
                if (cij == 0)
                {
                    Buffer.MemoryCopy(factor, factor + 2 * span, 16L * span, 16L * span);
                    continue;
                }
                var (ss, sc) = Math.SinCos(-2 * cij);
                for (int l = 0; l < span; l++)
                {
                    double re = factor[2 * l], im = factor[2 * l + 1];
                    factor[2 * (l + span)] = re * sc - im * ss;
                    factor[2 * (l + span) + 1] = re * ss + im * sc;
                }
            }
            for (int l = 0; l < half; l++)
            {
                double er = phase[2 * l], ei = phase[2 * l + 1], fr = factor[2 * l], fi = factor[2 * l + 1];
                phase[2 * (l + half)] = er * fr + ei * fi;          // e^{iT}·conj(f): bit j set, zⱼ = −1
                phase[2 * (l + half) + 1] = ei * fr - er * fi;
                phase[2 * l] = er * fr - ei * fi;
                phase[2 * l + 1] = er * fi + ei * fr;
            }
        }
    }

    private static double Coefficient(in Term t, double[] theta) => t.Parameter < 0 ? t.Factor : t.Factor * theta[t.Parameter];

    /// <summary>In place: a[l] ← Σ_μ a[μ]·(−1)^{popcount(l &amp; μ)}.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WalshHadamard(double[] a, int bits)
    {
        int size = 1 << bits;
        for (int half = 1; half < size; half <<= 1)
            for (int i = 0; i < size; i += 2 * half)
                for (int j = i; j < i + half; j++)
                {
                    double x = a[j], y = a[j + half];
                    a[j] = x + y;
                    a[j + half] = x - y;
                }
    }

    /// <summary>linear[l] = e^{i(c + Σⱼ wⱼ zⱼ(l))}, zⱼ = ±1 for bit j of l clear/set, built by doubling from l = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BuildLinear(double* linear, double constant, double[] w, int bits)
    {
        double start = constant;
        for (int j = 0; j < bits; j++) start += w[j];
        var (s0, c0) = Math.SinCos(start);
        linear[0] = c0;
        linear[1] = s0;
        for (int j = 0; j < bits; j++)
        {
            int half = 1 << j;
            if (w[j] == 0)
            {
                Buffer.MemoryCopy(linear, linear + 2 * half, 16L * half, 16L * half);
                continue;
            }
            // Setting bit j turns zⱼ from +1 to −1: the angle drops by 2wⱼ.
            var (s, c) = Math.SinCos(-2 * w[j]);
            double* src = linear, dst = linear + 2 * half;
            for (int l = 0; l < half; l++)
            {
                double re = src[2 * l], im = src[2 * l + 1];
                dst[2 * l] = re * c - im * s;
                dst[2 * l + 1] = re * s + im * c;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyPhases(double* amp, double* phase, int size)
    {
        int l = 0;
        if (VectorComplex.Enabled)
            for (; l + 4 <= size; l += 4)
            {
                var p = Vector512.Load(phase + 2 * l);
                var v = Vector512.Load(amp + 2 * l);
                Multiply(p, v).Store(amp + 2 * l);
            }
        for (; l < size; l++)
        {
            double pr = phase[2 * l], pi = phase[2 * l + 1], ar = amp[2 * l], ai = amp[2 * l + 1];
            amp[2 * l] = pr * ar - pi * ai;
            amp[2 * l + 1] = pr * ai + pi * ar;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyPhases(double* amp, double* phase, double* linear, int size)
    {
        int l = 0;
        if (VectorComplex.Enabled)
            for (; l + 4 <= size; l += 4)
            {
                var p = Multiply(Vector512.Load(phase + 2 * l), Vector512.Load(linear + 2 * l));
                Multiply(p, Vector512.Load(amp + 2 * l)).Store(amp + 2 * l);
            }
        for (; l < size; l++)
        {
            double er = phase[2 * l], ei = phase[2 * l + 1], lr = linear[2 * l], li = linear[2 * l + 1];
            double pr = er * lr - ei * li, pi = er * li + ei * lr;
            double ar = amp[2 * l], ai = amp[2 * l + 1];
            amp[2 * l] = pr * ar - pi * ai;
            amp[2 * l + 1] = pr * ai + pi * ar;
        }
    }

    /// <summary>Element-wise complex product of interleaved vectors: (pr·vr − pi·vi, pr·vi + pi·vr).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Multiply(Vector512<double> p, Vector512<double> v)
    {
        var pr = Avx512F.Permute2x64(p, 0b0000_0000);
        var pi = Avx512F.Permute2x64(p, 0b1111_1111);
        return Avx512F.FusedMultiplyAddSubtract(pr, v, pi * VectorComplex.SwapReIm(v));
    }

    /// <summary>Adds the Walsh terms of one diagonal gate; masks use bit positions (wire w ↔ bit n−1−w).</summary>
    private void AddTerms(Operation op, int parameter, List<Term> terms)
    {
        var w = op.Wires;
        long Bit(int wire) => 1L << (_n - 1 - wire);
        // The adjoint of a parameterless diagonal gate negates its phases; parametrised ones negate θ at evaluation.
        double sign = op.IsAdjoint && op.Parameters.Length == 0 ? -1 : 1;
        void Fixed(long mask, double angle) => terms.Add(new Term(mask, -1, sign * angle));
        void Scaled(long mask, double factor) => terms.Add(new Term(mask, parameter, factor));
        // φ·b for a bit b = (1 − z)/2.
        void BitPhase(long m, double phi) { Fixed(0, phi / 2); Fixed(m, -phi / 2); }
        // φ·b₁·b₂ = φ/4·(1 − z₁ − z₂ + z₁z₂).
        void PairPhase(long m1, long m2, double phi) { Fixed(0, phi / 4); Fixed(m1, -phi / 4); Fixed(m2, -phi / 4); Fixed(m1 | m2, phi / 4); }
        switch (op.Gate)
        {
            case GateKind.Identity: break;
            case GateKind.PauliZ: BitPhase(Bit(w[0]), Math.PI); break;
            case GateKind.S: BitPhase(Bit(w[0]), Math.PI / 2); break;
            case GateKind.SAdjoint: BitPhase(Bit(w[0]), -Math.PI / 2); break;
            case GateKind.T: BitPhase(Bit(w[0]), Math.PI / 4); break;
            case GateKind.TAdjoint: BitPhase(Bit(w[0]), -Math.PI / 4); break;
            case GateKind.CZ: PairPhase(Bit(w[0]), Bit(w[1]), Math.PI); break;
            case GateKind.RZ: Scaled(Bit(w[0]), -0.5); break;
            case GateKind.PhaseShift: Scaled(0, 0.5); Scaled(Bit(w[0]), -0.5); break;
            case GateKind.IsingZZ: Scaled(Bit(w[0]) | Bit(w[1]), -0.5); break;
            case GateKind.MultiRZ:
            {
                long m = 0;
                foreach (int wire in w) m |= Bit(wire);
                Scaled(m, -0.5);
                break;
            }
            case GateKind.CRZ:
                // b_c·(−θ/2)·z_t = −θ/4·z_t + θ/4·z_c z_t.
                Scaled(Bit(w[1]), -0.25);
                Scaled(Bit(w[0]) | Bit(w[1]), 0.25);
                break;
            case GateKind.ControlledPhaseShift:
                Scaled(0, 0.25);
                Scaled(Bit(w[0]), -0.25);
                Scaled(Bit(w[1]), -0.25);
                Scaled(Bit(w[0]) | Bit(w[1]), 0.25);
                break;
            default:
                throw new ArgumentException($"{op.Gate} is not a diagonal gate a fused phase pass can absorb.", nameof(op));
        }
    }
}
