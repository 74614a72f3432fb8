using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Optimization.Problems;
using Hanzo.Qml.Simulation;
using Hanzo.Qml.Simulation.Kernels;

namespace Hanzo.Qml.Optimization.Qaoa;

/// <summary>
/// A p-layer QAOA circuit for a diagonal cost H_C (an <see cref="IsingHamiltonian"/>), simulated directly:
/// |ψ(γ, β)⟩ = Πₖ e^{−iβₖB}·e^{−iγₖH_C} |+⟩ⁿ with B = ΣXⱼ (or the XY ring mixer), angles in PennyLane's convention
/// (<see cref="QaoaAngles"/>).
/// <para>
/// The cost diagonal is computed once, at construction; a cost layer is then one element-wise phase and ⟨H_C⟩ one dot
/// product of the probabilities with the diagonal, never a sum of Pauli terms. With the X mixer a whole layer is two
/// passes over the state (<see cref="XMixerKernel"/>). Gradients use the adjoint method specialised to QAOA: after
/// the forward pass the co-state λ = H_C|ψ⟩ is walked back with ψ, and ∂/∂βₖ = 2·Im⟨λ|B|ψ⟩, ∂/∂γₖ = 2·Im⟨λ|H_C|ψ⟩
/// at the layer's position — about four forward passes for all 2p derivatives.
/// </para>
/// <para>
/// Thread-safe: concurrent calls each use their own scratch states, taken from a pool that keeps them for reuse
/// (fresh memory costs page faults that would dominate small circuits). Dispose to free the pooled states at once.
/// </para>
/// </summary>
public sealed unsafe class QaoaAnsatz : IDisposable
{
    private readonly CostDiagonal _diagonal;
    private readonly ConcurrentBag<Workspace> _pool = [];
    private readonly int[][] _ringPairs;
    private readonly long _initialIndex;
    private bool _disposed;

    /// <summary>Prepares the circuit: validates, computes the cost diagonal (2ⁿ values, on every core) and its minimum.</summary>
    /// <param name="cost">H_C.</param>
    /// <param name="layers">p ≥ 1.</param>
    /// <param name="mixer">The mixer (default X).</param>
    /// <param name="initialBitstring">Start from this basis state instead of |+⟩ⁿ (character i is wire i); for the XY mixer, a bitstring with the wanted number of ones.</param>
    /// <param name="options">Memory budget and threading threshold; null for the defaults.</param>
    /// <exception cref="StateTooLargeException">When the states would not fit in the memory budget.</exception>
    public QaoaAnsatz(IsingHamiltonian cost, int layers, QaoaMixer mixer = QaoaMixer.X, string? initialBitstring = null, SimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cost);
        if (layers < 1) throw new ArgumentOutOfRangeException(nameof(layers), layers, "QAOA needs at least one layer (p ≥ 1).");
        if (!Enum.IsDefined(mixer)) throw new ArgumentOutOfRangeException(nameof(mixer), mixer, $"Unknown mixer; allowed: {string.Join(", ", Enum.GetNames<QaoaMixer>())}.");
        Options = options ?? SimulatorOptions.Default;
        // Two states for expectations and gradients (three with the XY mixer) plus the diagonal.
        StateVector.CheckBudget(cost.NumSpins, mixer == QaoaMixer.X ? 3 : 4, Options);
        Cost = cost;
        Layers = layers;
        Mixer = mixer;
        InitialBitstring = initialBitstring;
        _initialIndex = initialBitstring is null ? -1 : IsingHamiltonian.ParseBitstring(initialBitstring, cost.NumSpins);
        int n = cost.NumSpins;
        _ringPairs = n < 2 ? [] : n == 2 ? [[0, 1]] : Enumerable.Range(0, n).Select(i => new[] { i, (i + 1) % n }).ToArray();
        _diagonal = new CostDiagonal(cost);
    }

    private QaoaAnsatz(QaoaAnsatz other, int layers)
    {
        if (layers < 1) throw new ArgumentOutOfRangeException(nameof(layers), layers, "QAOA needs at least one layer (p ≥ 1).");
        Options = other.Options;
        Cost = other.Cost;
        Layers = layers;
        Mixer = other.Mixer;
        InitialBitstring = other.InitialBitstring;
        _initialIndex = other._initialIndex;
        _ringPairs = other._ringPairs;
        _diagonal = other._diagonal;
        _blockQubits = other._blockQubits;
        UseVectorKernels = other.UseVectorKernels;
    }

    /// <summary>The same problem, mixer and start state at depth <paramref name="layers"/>, sharing the computed cost diagonal.</summary>
    public QaoaAnsatz WithLayers(int layers) => new(this, layers);

    /// <summary>The cost Hamiltonian.</summary>
    public IsingHamiltonian Cost { get; }

    /// <summary>Number of qubits (spins).</summary>
    public int NumQubits => Cost.NumSpins;

    /// <summary>Number of layers p.</summary>
    public int Layers { get; }

    /// <summary>Number of angles, 2p.</summary>
    public int NumParameters => 2 * Layers;

    /// <summary>The mixer.</summary>
    public QaoaMixer Mixer { get; }

    /// <summary>The start basis state, or null for |+⟩ⁿ.</summary>
    public string? InitialBitstring { get; }

    /// <summary>Simulator settings in force.</summary>
    public SimulatorOptions Options { get; }

    /// <summary>The exact minimum of H_C over all bitstrings (found while computing the diagonal) with its first minimisers.</summary>
    public IsingMinimum Minimum => _diagonal.Minimum;

    /// <summary>The largest value of H_C over all bitstrings.</summary>
    public double MaximumCost => _diagonal.Maximum;

    /// <summary>True when the diagonal is stored as small-integer levels (MaxCut and integer-weighted problems).</summary>
    public bool UsesCostLevels => _diagonal.UsesLevels;

    /// <summary>Forces the scalar kernels (tests compare them with the vector kernels).</summary>
    internal bool UseVectorKernels { get; set; } = true;

    /// <summary>Block size of the mixer kernel in qubits (tests shrink it to exercise the tile pass on small states).</summary>
    internal int BlockQubits
    {
        get => _blockQubits;
        set
        {
            // Scratch is sized for the block size: drop what was made for another.
            _blockQubits = value;
            while (_pool.TryTake(out var w)) w.Dispose();
        }
    }

    private int _blockQubits = XMixerKernel.DefaultBlockQubits;

    /// <summary>H_C at basis index <paramref name="index"/>, read from the precomputed diagonal.</summary>
    public double CostOf(long index)
    {
        if (index < 0 || index >= 1L << NumQubits) throw new ArgumentOutOfRangeException(nameof(index), index, $"A basis index of {NumQubits} qubits lies in 0..{(1L << NumQubits) - 1}.");
        return _diagonal[index];
    }

    /// <summary>⟨ψ(γ, β)|H_C|ψ(γ, β)⟩.</summary>
    public double Expectation(QaoaAngles angles)
    {
        CheckAngles(angles);
        var w = Rent();
        try { return Forward(angles, w, expectation: true); }
        finally { Return(w); }
    }

    /// <summary>⟨H_C⟩ for the flat parameters [γ…, β…].</summary>
    public double Expectation(ReadOnlySpan<double> parameters) => Expectation(QaoaAngles.FromVector(parameters));

    /// <summary>⟨H_C⟩ and its exact gradient by the QAOA-specialised adjoint method.</summary>
    public QaoaGradient Gradient(QaoaAngles angles)
    {
        CheckAngles(angles);
        var w = Rent();
        try { return Mixer == QaoaMixer.X ? GradientX(angles, w) : GradientXY(angles, w); }
        finally { Return(w); }
    }

    /// <summary>⟨H_C⟩ and the gradient in the flat order [γ…, β…], the form <see cref="IGradientOptimizer"/> takes.</summary>
    public (double Value, double[] Gradient) ValueAndGradient(double[] parameters)
    {
        var g = Gradient(QaoaAngles.FromVector(parameters));
        return (g.Value, g.ToVector());
    }

    /// <summary>The final state |ψ(γ, β)⟩ (the caller disposes it).</summary>
    public StateVector State(QaoaAngles angles)
    {
        CheckAngles(angles);
        var w = Rent();
        try
        {
            Forward(angles, w, expectation: false);
            return w.Psi.Clone();
        }
        finally { Return(w); }
    }

    /// <summary>
    /// Draws <paramref name="shots"/> bitstrings from |ψ(γ, β)⟩ with a seeded generator (the same seed gives the same
    /// counts; see <see cref="Measurements.Sample"/>) and returns the count of each observed basis index.
    /// </summary>
    public SortedDictionary<long, int> Sample(QaoaAngles angles, int shots, int seed)
    {
        CheckAngles(angles);
        var w = Rent();
        try
        {
            Forward(angles, w, expectation: false);
            return Measurements.Sample(w.Psi, shots, seed);
        }
        finally { Return(w); }
    }

    /// <summary>
    /// The same circuit as an ordinary <see cref="Circuit"/> with weights [γ…, β…]: H on every wire (or X gates for the
    /// start bitstring), then per layer RZ(2hᵢγₖ) and MultiRZ(2J_ijγₖ) for the cost (the constant is a global phase and
    /// is dropped, as PennyLane's cost_layer does) and RX(2βₖ), or IsingXX(βₖ)·IsingYY(βₖ) per ring pair, for the mixer.
    /// For checking against the generic simulator and gradient methods, and for export to OpenQASM.
    /// </summary>
    public Circuit ToCircuit()
    {
        int n = NumQubits, p = Layers;
        var b = new CircuitBuilder(n);
        for (int i = 0; i < n; i++)
        {
            if (_initialIndex < 0) b.H(i);
            else if (((_initialIndex >> (n - 1 - i)) & 1) != 0) b.X(i);
        }
        for (int k = 0; k < p; k++)
        {
            for (int i = 0; i < n; i++)
                if (Cost.Fields[i] != 0) b.RZ(i, ParameterExpression.Weight(k, 2 * Cost.Fields[i]));
            foreach (var c in Cost.Couplings) b.MultiRZ([c.I, c.J], ParameterExpression.Weight(k, 2 * c.Value));
            if (Mixer == QaoaMixer.X)
            {
                for (int i = 0; i < n; i++) b.RX(i, ParameterExpression.Weight(p + k, 2));
            }
            else
            {
                foreach (var pair in _ringPairs)
                {
                    b.Add(GateKind.IsingXX, pair, ParameterExpression.Weight(p + k));
                    b.Add(GateKind.IsingYY, pair, ParameterExpression.Weight(p + k));
                }
            }
        }
        b.DeclareWeights(2 * p);
        return b.Build();
    }

    /// <summary>Frees the pooled scratch states.</summary>
    public void Dispose()
    {
        _disposed = true;
        while (_pool.TryTake(out var w)) w.Dispose();
    }

    // ---------------------------------------------------------------- simulation

    private bool Parallel => NumQubits >= Options.ParallelThresholdQubits;

    private bool Vector => UseVectorKernels && VectorComplex.Enabled;

    private void CheckAngles(QaoaAngles angles)
    {
        ArgumentNullException.ThrowIfNull(angles);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (angles.Layers != Layers)
            throw new ArgumentException($"This QAOA circuit has p = {Layers} layers; got angles for {angles.Layers}.", nameof(angles));
    }

    private void Initialize(StateVector psi)
    {
        if (_initialIndex >= 0)
        {
            NativeMemory.Clear(psi.Data, (nuint)(psi.Length * 16));
            psi.Data[2 * _initialIndex] = 1;
            return;
        }
        double amp = Math.Pow(2, -0.5 * NumQubits);
        double* s = psi.Data;
        long i = 0;
        if (Vector && psi.Length >= 4)
        {
            var v = System.Runtime.Intrinsics.Vector512.Create(amp, 0, amp, 0, amp, 0, amp, 0);
            for (; i < psi.Length; i += 4) System.Runtime.Intrinsics.Vector512.Store(v, s + 2 * i);
        }
        for (; i < psi.Length; i++)
        {
            s[2 * i] = amp;
            s[2 * i + 1] = 0;
        }
    }

    private double Forward(QaoaAngles a, Workspace w, bool expectation)
    {
        var psi = w.Psi;
        Initialize(psi);
        int n = NumQubits, p = Layers;
        var src = _diagonal.Source;
        double value = 0;
        fixed (double* table = w.Table)
        fixed (double* partials = w.Partials)
        {
            if (Mixer == QaoaMixer.X)
            {
                // All layers at once, so the kernel can merge the trips of neighbouring layers.
                var phases = stackalloc DiagonalPhaseKernel.Phase[p];
                double* cs = stackalloc double[p];
                double* sns = stackalloc double[p];
                for (int k = 0; k < p; k++)
                {
                    phases[k] = _diagonal.Phase(a.Gammas[k], table + k * w.TableStride);
                    (sns[k], cs[k]) = Math.SinCos(a.Betas[k]);
                }
                return XMixerKernel.Layers(psi.Data, n, phases, cs, sns, p, expectation ? &src : null, partials, Parallel, Vector, BlockQubits);
            }
            for (int k = 0; k < p; k++)
            {
                var phase = _diagonal.Phase(a.Gammas[k], table);
                DiagonalPhaseKernel.Apply(psi.Data, n, phase, Parallel, Vector);
                ApplyRing(psi, a.Betas[k]);
                if (k == p - 1 && expectation) value = DiagonalPhaseKernel.Expectation(psi.Data, n, src, partials, Parallel, Vector);
            }
        }
        return value;
    }

    private QaoaGradient GradientX(QaoaAngles a, Workspace w)
    {
        double value = Forward(a, w, expectation: true);
        int n = NumQubits, p = Layers;
        var psi = w.Psi;
        var lambda = w.Lambda;
        var src = _diagonal.Source;
        var dg = new double[p];
        var db = new double[p];
        fixed (double* table = w.Table)
        fixed (double* partials = w.Partials)
        {
            DiagonalPhaseKernel.Multiply(psi.Data, lambda.Data, n, src, Parallel, Vector);
            for (int k = p - 1; k >= 0; k--)
            {
                // ∂/∂β = 2 Re⟨λ|−iB|ψ⟩ = 2 Im⟨λ|B|ψ⟩; B commutes with the mixer, so either side of it will do.
                db[k] = 2 * XMixerKernel.XInner(lambda.Data, psi.Data, n, partials, Parallel, Vector, BlockQubits).Imaginary;
                var undo = _diagonal.Phase(-a.Gammas[k], table);
                var (s, c) = Math.SinCos(-a.Betas[k]);
                XMixerKernel.Unlayer(psi.Data, n, c, s, &undo, Parallel, Vector, BlockQubits);
                XMixerKernel.Unlayer(lambda.Data, n, c, s, &undo, Parallel, Vector, BlockQubits);
                // H_C commutes with its own phase, so the overlap is read after undoing the whole layer.
                dg[k] = 2 * DiagonalPhaseKernel.Inner(lambda.Data, psi.Data, n, src, partials, Parallel, Vector).Imaginary;
            }
        }
        return new QaoaGradient(value, dg, db);
    }

    private QaoaGradient GradientXY(QaoaAngles a, Workspace w)
    {
        double value = Forward(a, w, expectation: true);
        int n = NumQubits, p = Layers;
        var psi = w.Psi;
        var lambda = w.Lambda;
        var mu = w.Mu;
        var src = _diagonal.Source;
        var dg = new double[p];
        var db = new double[p];
        fixed (double* table = w.Table)
        fixed (double* partials = w.Partials)
        {
            DiagonalPhaseKernel.Multiply(psi.Data, lambda.Data, n, src, Parallel, Vector);
            for (int k = p - 1; k >= 0; k--)
            {
                double beta = a.Betas[k];
                for (int e = _ringPairs.Length - 1; e >= 0; e--)
                {
                    foreach (var (gate, pauli) in new[] { (GateKind.IsingYY, Pauli.Y), (GateKind.IsingXX, Pauli.X) })
                    {
                        // IsingPP(β) = e^{−iβP⊗P/2}: its β-derivative contributes 2 Re⟨λ|−iP⊗P/2|ψ⟩ = Im⟨λ|P⊗P|ψ⟩.
                        var pp = new PauliString([(_ringPairs[e][0], pauli), (_ringPairs[e][1], pauli)]);
                        PauliApplier.Apply(pp, psi, mu);
                        db[k] += lambda.InnerProduct(mu).Imaginary;
                        GateApplier.Apply(psi, gate, _ringPairs[e], [-beta], false, Parallel);
                        GateApplier.Apply(lambda, gate, _ringPairs[e], [-beta], false, Parallel);
                    }
                }
                dg[k] = 2 * DiagonalPhaseKernel.Inner(lambda.Data, psi.Data, n, src, partials, Parallel, Vector).Imaginary;
                var undo = _diagonal.Phase(-a.Gammas[k], table);
                DiagonalPhaseKernel.Apply(psi.Data, n, undo, Parallel, Vector);
                DiagonalPhaseKernel.Apply(lambda.Data, n, undo, Parallel, Vector);
            }
        }
        return new QaoaGradient(value, dg, db);
    }

    private void ApplyRing(StateVector psi, double beta)
    {
        foreach (var pair in _ringPairs)
        {
            GateApplier.Apply(psi, GateKind.IsingXX, pair, [beta], false, Parallel);
            GateApplier.Apply(psi, GateKind.IsingYY, pair, [beta], false, Parallel);
        }
    }

    // ---------------------------------------------------------------- scratch pool

    private Workspace Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _pool.TryTake(out var w) ? w : new Workspace(NumQubits, Layers, _diagonal.LevelCount, BlockQubits, Options);
    }

    private void Return(Workspace w)
    {
        if (_disposed) w.Dispose();
        else _pool.Add(w);
    }

    private sealed class Workspace : IDisposable
    {
        private readonly int _n;
        private readonly SimulatorOptions _options;
        private StateVector? _lambda, _mu;

        public Workspace(int n, int layers, int levels, int blockQubits, SimulatorOptions options)
        {
            _n = n;
            _options = options;
            Psi = StateVector.Allocate(n, options);
            TableStride = Math.Max(4, 4 * levels);
            Table = GC.AllocateUninitializedArray<double>(TableStride * layers, pinned: true);
            long chunks = Math.Max(1, (1L << n) >> DiagonalPhaseKernel.ChunkQubits);
            Partials = GC.AllocateUninitializedArray<double>((int)Math.Max(2 * chunks, XMixerKernel.PartialsLength(n, blockQubits)), pinned: true);
        }

        public StateVector Psi { get; }

        public StateVector Lambda => _lambda ??= StateVector.Allocate(_n, _options);

        public StateVector Mu => _mu ??= StateVector.Allocate(_n, _options);

        /// <summary>One phase table per layer, <see cref="TableStride"/> doubles apart.</summary>
        public double[] Table { get; }

        public int TableStride { get; }

        public double[] Partials { get; }

        public void Dispose()
        {
            Psi.Dispose();
            _lambda?.Dispose();
            _mu?.Dispose();
        }
    }
}
