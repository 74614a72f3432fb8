using System.Numerics;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Gradients;
using Hanzo.Qml.Simulation;
using Hanzo.Qml.Simulation.Kernels;

namespace Hanzo.Qml.Models;

/// <summary>How the variational models differentiate their circuit.</summary>
public enum GradientMethod
{
    /// <summary>Adjoint differentiation (the default): about two forward passes per sample whatever the number of weights.</summary>
    Auto,

    /// <summary>Adjoint differentiation, explicitly.</summary>
    Adjoint,

    /// <summary>The two-term parameter-shift rule: two shifted circuits per parameter; the hardware-compatible path.</summary>
    ParameterShift,
}

/// <summary>
/// Computes, per sample, the K readout expectations ⟨Z_k⟩ of a variational circuit and the gradient of a loss
/// L(⟨Z_1⟩..⟨Z_K⟩) with respect to the weights (and optionally the features). The loss enters only through
/// c_k = ∂L/∂⟨Z_k⟩, so one adjoint pass with the co-state Σ_k c_k Z_k|ψ⟩ serves all K observables.
/// </summary>
/// <remarks>
/// Circuits made of rotations (RX, RY, RZ, PhaseShift, Rot, MultiRZ, IsingZZ), fixed one-qubit gates and CNOT, CZ,
/// CY, SWAP are lowered to kernel instructions once; a rotation's derivative is then Im⟨λ|P|φ⟩ (φ the state after
/// the gate, λ the co-state there, P its Pauli generator), read off the two scratch states without a third state or
/// a derivative matrix. Any other circuit (amplitude preparation, controlled rotations, adjoint-flagged gates) runs
/// through the generic <see cref="AdjointDifferentiator"/> and <see cref="ParameterShiftDifferentiator"/>, which
/// allocate per sample but give the same numbers. Samples are split over workers by a fixed stride and each
/// sample's result lands in its own row, so the caller's ordered sum is identical whatever the thread timing.
/// </remarks>
internal sealed unsafe class CircuitEngine : IDisposable
{
    /// <summary>Returns the loss of the sample at batch position <c>position</c> and writes ∂L/∂⟨Z_k⟩ into <c>dLoss</c>.</summary>
    public delegate double Head(int position, ReadOnlySpan<double> readouts, Span<double> dLoss);

    private enum PrimKind : byte { RX, RY, RZ, Parity, Fixed, Controlled, Diagonal }

    private struct Prim
    {
        public PrimKind Kind;
        public int Pos;
        public long Mask;
        public Matrix2 M;
        public Complex D0, D1;
        public bool HasParameter;
        public ParameterExpression Parameter;
    }

    private readonly Prim[] _prims;
    private readonly (int Start, int End, bool Fused, bool Features)[] _groups;
    private readonly KernelInstruction[] _groupForward;
    private readonly KernelInstruction[] _groupInverse;
    private readonly Scratch[] _scratch;
    private readonly int _n;
    private readonly int[] _readoutBits;
    private readonly Hamiltonian[] _readoutObservables;
    private readonly AdjointDifferentiator _adjoint = new();
    private readonly ParameterShiftDifferentiator _shift = new();
    private readonly StatevectorSimulator _simulator = new();

    public CircuitEngine(Circuit circuit, IReadOnlyList<int> readoutWires)
    {
        Circuit = circuit;
        _n = circuit.NumQubits;
        _readoutBits = [.. readoutWires.Select(w => _n - 1 - w)];
        _readoutObservables = [.. readoutWires.Select(w => (Hamiltonian)PauliString.Z(w))];
        var prims = TryCompile(circuit);
        IsFast = prims is not null && _n <= 16;
        _prims = IsFast ? prims! : [];
        _groups = Group(_prims);
        _groupForward = new KernelInstruction[_groups.Length];
        _groupInverse = new KernelInstruction[_groups.Length];
        int workers = Math.Max(1, Environment.ProcessorCount);
        _scratch = new Scratch[workers];
    }

    /// <summary>The circuit (encoding then ansatz).</summary>
    public Circuit Circuit { get; }

    /// <summary>Whether the allocation-free lowered path applies.</summary>
    public bool IsFast { get; }

    /// <summary>Number of readout expectations per sample.</summary>
    public int NumReadouts => _readoutBits.Length;

    /// <summary>Writes the readout expectations of every row of <paramref name="x"/> into <paramref name="readouts"/> (N × K).</summary>
    public void Expectations(double[] weights, IReadOnlyList<double[]> x, double[][] readouts, CancellationToken ct = default)
    {
        if (!IsFast)
        {
            var r = _simulator.ExpectationBatch(Circuit, _readoutObservables, [weights], x, ct);
            for (int i = 0; i < x.Count; i++) for (int k = 0; k < NumReadouts; k++) readouts[i][k] = r[i, k];
            return;
        }
        Prepare(weights);
        Run(x.Count, ct, (s, i) =>
        {
            ForwardGroups(s.Psi, x[i], 0, -1, 0, true);
            ReadZ(s.Psi, readouts[i]);
        });
    }

    /// <summary>
    /// Per sample i of <paramref name="samples"/>: loss[i], ∂L/∂w into dW[i] and, when <paramref name="dX"/> is not
    /// null, ∂L/∂x into dX[i] (rows overwritten, not accumulated).
    /// </summary>
    public void LossAndGradient(double[] weights, IReadOnlyList<double[]> x, ReadOnlySpan<int> samples, Head head, GradientMethod method,
        double[] loss, double[][] dW, double[][]? dX, CancellationToken ct = default)
    {
        var idx = samples.ToArray();
        var targets = dX is null ? GradientTargets.Weights : GradientTargets.Both;
        bool shift = method == GradientMethod.ParameterShift;
        if (!IsFast)
        {
            Run(idx.Length, ct, (s, j) => GenericSample(weights, x[idx[j]], j, head, shift, targets, loss, dW, dX));
            return;
        }
        Prepare(weights);
        Run(idx.Length, ct, (s, j) =>
        {
            int i = idx[j];
            var xi = x[i];
            Array.Clear(dW[j]);
            if (dX is not null) Array.Clear(dX[j]);
            ForwardGroups(s.Psi, xi, 0, -1, 0, true);
            ReadZ(s.Psi, s.Readouts);
            loss[j] = head(j, s.Readouts, s.Coefficients);
            if (shift) ShiftGradient(s, xi, targets, dW[j], dX?[j]);
            else AdjointGradient(s, xi, targets, dW[j], dX?[j]);
        });
    }

    private void GenericSample(double[] weights, double[] xi, int j, Head head, bool shift, GradientTargets targets,
        double[] loss, double[][] dW, double[][]? dX)
    {
        Span<double> readouts = stackalloc double[NumReadouts];
        Span<double> c = stackalloc double[NumReadouts];
        for (int k = 0; k < NumReadouts; k++) readouts[k] = _simulator.Expectation(Circuit, _readoutObservables[k], weights, xi);
        loss[j] = head(j, readouts, c);
        var terms = new List<PauliString>();
        for (int k = 0; k < NumReadouts; k++)
            if (c[k] != 0) terms.Add(PauliString.Z(_n - 1 - _readoutBits[k]).WithCoefficient(c[k]));
        Array.Clear(dW[j]);
        if (dX is not null) Array.Clear(dX[j]);
        if (terms.Count == 0) return;
        IGradientMethod m = shift ? _shift : _adjoint;
        var g = m.Compute(Circuit, new Hamiltonian(terms), weights, xi, targets);
        g.WeightGradient.CopyTo(dW[j], 0);
        if (dX is not null) g.FeatureGradient.CopyTo(dX[j], 0);
    }

    private void Run(int count, CancellationToken ct, Action<Scratch, int> body)
    {
        int workers = Math.Min(_scratch.Length, count);
        if (workers <= 1)
        {
            var s = ScratchFor(0);
            for (int j = 0; j < count; j++) { ct.ThrowIfCancellationRequested(); body(s, j); }
            return;
        }
        Parallel.For(0, workers, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = workers }, w =>
        {
            var s = ScratchFor(w);
            for (int j = w; j < count; j += workers)
            {
                ct.ThrowIfCancellationRequested();
                body(s, j);
            }
        });
    }

    private Scratch ScratchFor(int w) => _scratch[w] ??= new Scratch(_n, NumReadouts, IsFast ? _prims.Length : 0);

    // Weight-only and constant gates are the same for every sample of a batch: lower them once per call.
    private void Prepare(double[] weights)
    {
        _weights = weights;
        for (int g = 0; g < _groups.Length; g++)
        {
            if (_groups[g].Features) continue;
            _groupForward[g] = GroupInstruction(g, null, false, -1, 0);
            _groupInverse[g] = GroupInstruction(g, null, true, -1, 0);
        }
    }

    // Consecutive one-qubit gates on the same wire run as one fused 2×2 (forward and inverse); the adjoint pass then
    // reads all of their derivatives from one 2×2 cross matrix between the co-state and the state.
    private static (int, int, bool, bool)[] Group(Prim[] prims)
    {
        var list = new List<(int, int, bool, bool)>();
        int k = 0;
        while (k < prims.Length)
        {
            int e = k + 1;
            if (IsOneQubit(prims[k].Kind))
                while (e < prims.Length && IsOneQubit(prims[e].Kind) && prims[e].Pos == prims[k].Pos) e++;
            bool features = false;
            for (int m = k; m < e; m++) features |= prims[m].HasParameter && prims[m].Parameter.DependsOnFeatures;
            list.Add((k, e, IsOneQubit(prims[k].Kind), features));
            k = e;
        }
        return [.. list];
    }

    private static bool IsOneQubit(PrimKind kind) => kind is PrimKind.RX or PrimKind.RY or PrimKind.RZ or PrimKind.Fixed;

    private static Matrix2 MatrixOf(in Prim p, double a)
    {
        double c = Math.Cos(a / 2), s = Math.Sin(a / 2);
        return p.Kind switch
        {
            PrimKind.RX => new Matrix2(c, new Complex(0, -s), new Complex(0, -s), c),
            PrimKind.RY => new Matrix2(c, -s, s, c),
            PrimKind.RZ => new Matrix2(new Complex(c, -s), 0, 0, new Complex(c, s)),
            _ => p.M,
        };
    }

    private double Angle(int k, double[]? x, int shifted, double shift)
    {
        ref var p = ref _prims[k];
        if (!p.HasParameter) return 0;
        return p.Parameter.Evaluate(_weights, x) + (k == shifted ? shift : 0);
    }

    private KernelInstruction GroupInstruction(int g, double[]? x, bool inverse, int shifted, double shift)
    {
        var (start, end, fused, _) = _groups[g];
        if (!fused) return Lower(_prims[start], inverse ? -Angle(start, x, shifted, shift) : Angle(start, x, shifted, shift), inverse);
        var u = Matrix2.Identity;
        for (int k = start; k < end; k++) u = MatrixOf(_prims[k], Angle(k, x, shifted, shift)).Times(u);
        if (inverse) u = Dagger(u);
        return KernelInstruction.Single(_prims[start].Pos, u);
    }

    private static Matrix2 Dagger(in Matrix2 m) => new(Complex.Conjugate(m.A), Complex.Conjugate(m.C), Complex.Conjugate(m.B), Complex.Conjugate(m.D));

    private KernelInstruction GroupStep(int g, double[] x, bool inverse, int shifted = -1, double shift = 0)
    {
        var grp = _groups[g];
        if (!grp.Features && (shifted < grp.Start || shifted >= grp.End)) return inverse ? _groupInverse[g] : _groupForward[g];
        return GroupInstruction(g, x, inverse, shifted, shift);
    }

    private void ForwardGroups(StateVector psi, double[] x, int fromGroup, int shifted, double shift, bool reset)
    {
        if (reset) psi.Reset();
        double* d = psi.Data;
        for (int g = fromGroup; g < _groups.Length; g++) GroupStep(g, x, false, shifted, shift).Execute(d, _n, false);
    }

    private double[] _weights = [];

    private static readonly double[] NoFeatures = [];

    private static KernelInstruction Lower(in Prim p, double a, bool inverse = false)
    {
        double c = Math.Cos(a / 2), s = Math.Sin(a / 2);
        switch (p.Kind)
        {
            case PrimKind.RX: return KernelInstruction.Single(p.Pos, new Matrix2(c, new Complex(0, -s), new Complex(0, -s), c));
            case PrimKind.RY: return KernelInstruction.Single(p.Pos, new Matrix2(c, -s, s, c));
            case PrimKind.RZ: return KernelInstruction.Diagonal(0, p.Pos, new Complex(c, -s), new Complex(c, s));
            case PrimKind.Parity: return KernelInstruction.Parity(p.Mask, new Complex(c, -s), new Complex(c, s));
            case PrimKind.Diagonal:
                return inverse
                    ? KernelInstruction.Diagonal(p.Mask, p.Pos, Complex.Conjugate(p.D0), Complex.Conjugate(p.D1))
                    : KernelInstruction.Diagonal(p.Mask, p.Pos, p.D0, p.D1);
            default:
            {
                var m = inverse ? new Matrix2(Complex.Conjugate(p.M.A), Complex.Conjugate(p.M.C), Complex.Conjugate(p.M.B), Complex.Conjugate(p.M.D)) : p.M;
                return p.Kind == PrimKind.Fixed ? KernelInstruction.Single(p.Pos, m) : KernelInstruction.Controlled(p.Mask, p.Pos, m);
            }
        }
    }

    private void ReadZ(StateVector psi, Span<double> readouts)
    {
        double* d = psi.Data;
        long len = 1L << _n;
        readouts.Clear();
        for (int k = 0; k < _readoutBits.Length; k++)
        {
            int b = _readoutBits[k];
            double sum = 0;
            for (long j = 0; j < len; j++)
            {
                double pr = d[2 * j] * d[2 * j] + d[2 * j + 1] * d[2 * j + 1];
                sum += ((j >> b) & 1) == 0 ? pr : -pr;
            }
            readouts[k] = sum;
        }
    }

    private void AdjointGradient(Scratch s, double[] x, GradientTargets targets, double[] dW, double[]? dX)
    {
        double* psi = s.Psi.Data, lam = s.Lambda.Data;
        long len = 1L << _n;
        // Co-state λ = Σ_k c_k Z_k |ψ⟩: diagonal, so one pass.
        for (long j = 0; j < len; j++)
        {
            double f = 0;
            for (int k = 0; k < _readoutBits.Length; k++) f += ((j >> _readoutBits[k]) & 1) == 0 ? s.Coefficients[k] : -s.Coefficients[k];
            lam[2 * j] = f * psi[2 * j];
            lam[2 * j + 1] = f * psi[2 * j + 1];
        }
        int first = FirstNeeded(targets);
        if (first >= _prims.Length) return;
        var dXs = dX ?? NoFeatures;
        for (int g = _groups.Length - 1; g >= 0; g--)
        {
            var (start, end, fused, _) = _groups[g];
            bool any = false;
            for (int k = start; k < end; k++) any |= _prims[k].HasParameter && ChainRule.Needed(_prims[k].Parameter, targets);
            if (any && fused)
            {
                var c = Cross(lam, psi, _prims[start].Pos, len);
                var v = Matrix2.Identity;
                for (int k = end - 1; k >= start; k--)
                {
                    ref var p = ref _prims[k];
                    if (p.HasParameter && ChainRule.Needed(p.Parameter, targets))
                    {
                        // d/dθ = Im⟨λ|V P V†|φ⟩ with V the gates of the run after this one.
                        var q = v.Times(PauliOf(p.Kind)).Times(Dagger(v));
                        double d = (q.A * c.A + q.B * c.B + q.C * c.C + q.D * c.D).Imaginary;
                        ChainRule.Accumulate(p.Parameter, d, x, dW, dXs, targets);
                    }
                    v = v.Times(MatrixOf(p, Angle(k, x, -1, 0)));
                }
            }
            else if (any)
            {
                ref var p = ref _prims[start];
                ChainRule.Accumulate(p.Parameter, GeneratorOverlap(p, lam, psi, len), x, dW, dXs, targets);
            }
            if (start <= first) break;
            var inv = GroupStep(g, x, true);
            inv.Execute(psi, _n, false);
            inv.Execute(lam, _n, false);
        }
    }

    private static readonly Matrix2 PauliX = new(0, 1, 1, 0);
    private static readonly Matrix2 PauliY = new(0, new Complex(0, -1), new Complex(0, 1), 0);
    private static readonly Matrix2 PauliZ = new(1, 0, 0, -1);

    private static Matrix2 PauliOf(PrimKind kind) => kind switch { PrimKind.RX => PauliX, PrimKind.RY => PauliY, _ => PauliZ };

    // C_ab = Σ_rest conj(λ_{rest,a}) φ_{rest,b} on bit position pos, so that ⟨λ|Q|φ⟩ = Σ_ab Q_ab C_ab for any 2×2 Q.
    private static Matrix2 Cross(double* lam, double* phi, int pos, long len)
    {
        long bit = 1L << pos, low = bit - 1;
        double r00 = 0, i00 = 0, r01 = 0, i01 = 0, r10 = 0, i10 = 0, r11 = 0, i11 = 0;
        for (long k = 0; k < len / 2; k++)
        {
            long a = ((k & ~low) << 1) | (k & low), b = a | bit;
            double la = lam[2 * a], lai = lam[2 * a + 1], lb = lam[2 * b], lbi = lam[2 * b + 1];
            double pa = phi[2 * a], pai = phi[2 * a + 1], pb = phi[2 * b], pbi = phi[2 * b + 1];
            r00 += la * pa + lai * pai; i00 += la * pai - lai * pa;
            r01 += la * pb + lai * pbi; i01 += la * pbi - lai * pb;
            r10 += lb * pa + lbi * pai; i10 += lb * pai - lbi * pa;
            r11 += lb * pb + lbi * pbi; i11 += lb * pbi - lbi * pb;
        }
        return new Matrix2(new Complex(r00, i00), new Complex(r01, i01), new Complex(r10, i10), new Complex(r11, i11));
    }

    private int FirstNeeded(GradientTargets targets)
    {
        for (int k = 0; k < _prims.Length; k++)
            if (_prims[k].HasParameter && ChainRule.Needed(_prims[k].Parameter, targets)) return k;
        return _prims.Length;
    }

    // Im⟨λ|P|φ⟩ = d⟨O⟩/dθ for a gate exp(−iθP/2) whose output is φ.
    private static double GeneratorOverlap(in Prim p, double* lam, double* phi, long len)
    {
        double sum = 0;
        switch (p.Kind)
        {
            case PrimKind.RZ:
            {
                long bit = 1L << p.Pos;
                for (long j = 0; j < len; j++)
                {
                    double v = lam[2 * j] * phi[2 * j + 1] - lam[2 * j + 1] * phi[2 * j];
                    sum += (j & bit) == 0 ? v : -v;
                }
                return sum;
            }
            case PrimKind.Parity:
            {
                for (long j = 0; j < len; j++)
                {
                    double v = lam[2 * j] * phi[2 * j + 1] - lam[2 * j + 1] * phi[2 * j];
                    sum += (BitOperations.PopCount((ulong)(j & p.Mask)) & 1) == 0 ? v : -v;
                }
                return sum;
            }
            case PrimKind.RX:
            {
                long bit = 1L << p.Pos;
                for (long j = 0; j < len; j++)
                {
                    long t = j ^ bit;
                    sum += lam[2 * j] * phi[2 * t + 1] - lam[2 * j + 1] * phi[2 * t];
                }
                return sum;
            }
            default: // RY
            {
                long bit = 1L << p.Pos;
                for (long j = 0; j < len; j++)
                {
                    long t = j ^ bit;
                    double v = lam[2 * j] * phi[2 * t] + lam[2 * j + 1] * phi[2 * t + 1];
                    sum += (j & bit) == 0 ? -v : v;
                }
                return sum;
            }
        }
    }

    private void ShiftGradient(Scratch s, double[] x, GradientTargets targets, double[] dW, double[]? dX)
    {
        long bytes = 16L << _n;
        var dXs = dX ?? NoFeatures;
        // Snapshot the state before every group holding a differentiated gate in one forward pass; each shifted
        // circuit then restarts from its snapshot instead of from |0⟩.
        s.Psi.Reset();
        int count = 0;
        for (int g = 0; g < _groups.Length; g++)
        {
            var (start, end, _, _) = _groups[g];
            bool any = false;
            for (int k = start; k < end; k++) any |= _prims[k].HasParameter && ChainRule.Needed(_prims[k].Parameter, targets);
            if (any)
            {
                Buffer.MemoryCopy(s.Psi.Data, s.Snapshot(count, _n), bytes, bytes);
                s.SnapshotOf[count++] = g;
            }
            GroupStep(g, x, false).Execute(s.Psi.Data, _n, false);
        }
        Span<double> r = stackalloc double[NumReadouts];
        for (int q = 0; q < count; q++)
        {
            int g = s.SnapshotOf[q];
            for (int k = _groups[g].Start; k < _groups[g].End; k++)
            {
                if (!(_prims[k].HasParameter && ChainRule.Needed(_prims[k].Parameter, targets))) continue;
                double fp = 0, fm = 0;
                for (int sign = 0; sign < 2; sign++)
                {
                    Buffer.MemoryCopy(s.Snapshot(q, _n), s.Lambda.Data, bytes, bytes);
                    ForwardGroups(s.Lambda, x, g, k, sign == 0 ? Math.PI / 2 : -Math.PI / 2, false);
                    ReadZ(s.Lambda, r);
                    double f = 0;
                    for (int j = 0; j < r.Length; j++) f += s.Coefficients[j] * r[j];
                    if (sign == 0) fp = f; else fm = f;
                }
                ChainRule.Accumulate(_prims[k].Parameter, 0.5 * (fp - fm), x, dW, dXs, targets);
            }
        }
    }

    private static Prim[]? TryCompile(Circuit circuit)
    {
        if (circuit.Preparation is not null) return null;
        int n = circuit.NumQubits;
        var list = new List<Prim>();
        Span<Complex> m = stackalloc Complex[4];
        foreach (var op in circuit.Operations)
        {
            if (op.IsAdjoint) return null;
            var w = op.Wires;
            var ps = op.Parameters;
            int Bit(int wire) => n - 1 - wire;
            switch (op.Gate)
            {
                case GateKind.Identity: break;
                case GateKind.RX: list.Add(Rotation(PrimKind.RX, Bit(w[0]), ps[0])); break;
                case GateKind.RY: list.Add(Rotation(PrimKind.RY, Bit(w[0]), ps[0])); break;
                // PhaseShift(λ) = e^{iλ/2} RZ(λ): the global phase leaves every expectation and derivative unchanged.
                case GateKind.RZ or GateKind.PhaseShift: list.Add(Rotation(PrimKind.RZ, Bit(w[0]), ps[0])); break;
                case GateKind.Rot:
                    list.Add(Rotation(PrimKind.RZ, Bit(w[0]), ps[0]));
                    list.Add(Rotation(PrimKind.RY, Bit(w[0]), ps[1]));
                    list.Add(Rotation(PrimKind.RZ, Bit(w[0]), ps[2]));
                    break;
                case GateKind.IsingZZ or GateKind.MultiRZ:
                {
                    long mask = 0;
                    foreach (int wire in w) mask |= 1L << Bit(wire);
                    var r = Rotation(PrimKind.Parity, 0, ps[0]);
                    r.Mask = mask;
                    list.Add(r);
                    break;
                }
                case GateKind.PauliX or GateKind.PauliY or GateKind.PauliZ or GateKind.Hadamard or GateKind.S or GateKind.SAdjoint
                    or GateKind.T or GateKind.TAdjoint or GateKind.SX or GateKind.SXAdjoint:
                    m.Clear();
                    GateMatrices.Fill(op.Gate, [], 1, m);
                    list.Add(new Prim { Kind = PrimKind.Fixed, Pos = Bit(w[0]), M = Matrix2.From(m) });
                    break;
                case GateKind.CNOT:
                    list.Add(new Prim { Kind = PrimKind.Controlled, Mask = 1L << Bit(w[0]), Pos = Bit(w[1]), M = new Matrix2(0, 1, 1, 0) });
                    break;
                case GateKind.CY:
                    list.Add(new Prim { Kind = PrimKind.Controlled, Mask = 1L << Bit(w[0]), Pos = Bit(w[1]), M = new Matrix2(0, new Complex(0, -1), new Complex(0, 1), 0) });
                    break;
                case GateKind.CZ:
                    list.Add(new Prim { Kind = PrimKind.Diagonal, Mask = (1L << Bit(w[0])) | (1L << Bit(w[1])), Pos = Bit(w[1]), D0 = -1, D1 = -1 });
                    break;
                case GateKind.SWAP:
                    foreach (var (a, b) in new[] { (w[0], w[1]), (w[1], w[0]), (w[0], w[1]) })
                        list.Add(new Prim { Kind = PrimKind.Controlled, Mask = 1L << Bit(a), Pos = Bit(b), M = new Matrix2(0, 1, 1, 0) });
                    break;
                default:
                    return null;
            }
        }
        return [.. list];
    }

    private static Prim Rotation(PrimKind kind, int pos, ParameterExpression p)
    {
        // A constant rotation keeps its parameter too: Prepare lowers it once, and ChainRule never asks for it.
        return new Prim { Kind = kind, Pos = pos, HasParameter = true, Parameter = p };
    }

    public void Dispose()
    {
        foreach (var s in _scratch) s?.Dispose();
    }

    private sealed class Scratch(int n, int k, int prims) : IDisposable
    {
        // Pinned (pinned object heap) so raw pointers into it stay valid; grows once to the number of
        // differentiated gates, then serves every sample.
        private double[] _snapshots = [];

        public StateVector Psi { get; } = StateVector.Allocate(n);
        public StateVector Lambda { get; } = StateVector.Allocate(n);
        public double[] Readouts { get; } = new double[k];
        public double[] Coefficients { get; } = new double[k];
        public int[] SnapshotOf { get; } = new int[prims];

        public double* Snapshot(int q, int qubits)
        {
            long stride = 2L << qubits;
            if ((q + 1) * stride > _snapshots.Length)
                _snapshots = GC.AllocateArray<double>((int)(Math.Max(SnapshotOf.Length, q + 1) * stride), pinned: true);
            return (double*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref _snapshots[0]) + q * stride;
        }

        public void Dispose()
        {
            Psi.Dispose();
            Lambda.Dispose();
        }
    }
}
