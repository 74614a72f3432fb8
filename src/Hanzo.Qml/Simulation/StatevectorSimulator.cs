using System.Numerics;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Simulation.Kernels;

namespace Hanzo.Qml.Simulation;

/// <summary>
/// Runs circuits on a complex128 statevector: single runs, and a batched path that runs one circuit structure on many
/// (weights, features) pairs at once, each sample on its own thread-local state with the very same arithmetic as a single
/// run (so batched results equal per-sample results bit for bit).
/// </summary>
/// <param name="options">Memory budget, threading threshold and fusion switch; null for the defaults.</param>
public sealed class StatevectorSimulator(SimulatorOptions? options = null)
{
    /// <summary>The settings in force.</summary>
    public SimulatorOptions Options { get; } = options ?? SimulatorOptions.Default;

    /// <summary>Runs <paramref name="circuit"/> from |0…0⟩ (or its amplitude encoding) and returns the final state.</summary>
    public StateVector Run(Circuit circuit, ReadOnlySpan<double> weights = default, ReadOnlySpan<double> features = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        circuit.ValidateInputs(weights, features);
        var state = StateVector.Allocate(circuit.NumQubits, Options);
        try
        {
            Initialize(circuit, state, features);
            Apply(circuit, state, weights, features, parallel: circuit.NumQubits >= Options.ParallelThresholdQubits);
            return state;
        }
        catch
        {
            state.Dispose();
            throw;
        }
    }

    /// <summary>⟨H⟩ after running <paramref name="circuit"/>.</summary>
    public double Expectation(Circuit circuit, Hamiltonian observable, ReadOnlySpan<double> weights = default, ReadOnlySpan<double> features = default)
    {
        using var state = Run(circuit, weights, features);
        return Measurements.Expectation(state, observable);
    }

    /// <summary>
    /// Runs the circuit once per sample and returns ⟨Hⱼ⟩ for every observable: result[b, j]. A sample's weights come
    /// from <paramref name="weights"/>[b], or from the single shared row when one row is given; features likewise.
    /// </summary>
    public double[,] ExpectationBatch(Circuit circuit, IReadOnlyList<Hamiltonian> observables, IReadOnlyList<double[]> weights, IReadOnlyList<double[]> features,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observables);
        int batch = BatchSize(weights, features);
        var result = new double[batch, observables.Count];
        StateVector.CheckBudget(circuit.NumQubits, Math.Min(batch, Environment.ProcessorCount), Options);
        ForEachSample(circuit, weights, features, batch, cancellationToken, (b, state) =>
        {
            for (int j = 0; j < observables.Count; j++) result[b, j] = Measurements.Expectation(state, observables[j]);
        });
        return result;
    }

    /// <summary>Runs the circuit once per sample and returns every final state (the caller disposes them).</summary>
    public StateVector[] RunBatch(Circuit circuit, IReadOnlyList<double[]> weights, IReadOnlyList<double[]> features, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        int batch = BatchSize(weights, features);
        StateVector.CheckBudget(circuit.NumQubits, batch, Options);
        var states = new StateVector[batch];
        try
        {
            ForEachSample(circuit, weights, features, batch, cancellationToken, (b, state) => states[b] = state.Clone());
            return states;
        }
        catch
        {
            foreach (var s in states) s?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs each sample on a thread-local state and hands it to <paramref name="consume"/> before the state is reused.
    /// Samples run in parallel; each one uses the single-threaded kernels, so its arithmetic is that of <see cref="Run"/>.
    /// </summary>
    internal void ForEachSample(Circuit circuit, IReadOnlyList<double[]> weights, IReadOnlyList<double[]> features, int batch,
        CancellationToken cancellationToken, Action<int, StateVector> consume)
    {
        for (int b = 0; b < batch; b++) circuit.ValidateInputs(Row(weights, b), Row(features, b));
        bool parallelKernels = circuit.NumQubits >= Options.ParallelThresholdQubits;
        var po = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = parallelKernels ? 1 : Environment.ProcessorCount };
        Parallel.For(0, batch, po,
            () => StateVector.Allocate(circuit.NumQubits, Options),
            (b, _, state) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                Initialize(circuit, state, Row(features, (int)b));
                Apply(circuit, state, Row(weights, (int)b), Row(features, (int)b), parallelKernels);
                consume((int)b, state);
                return state;
            },
            state => state.Dispose());
    }

    private static int BatchSize(IReadOnlyList<double[]> weights, IReadOnlyList<double[]> features)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(features);
        int bw = weights.Count, bx = features.Count;
        if (bw > 1 && bx > 1 && bw != bx)
            throw new ArgumentException($"Batch sizes differ: {bw} weight rows and {bx} feature rows. Give one shared row or equal counts.");
        int batch = Math.Max(bw, bx);
        if (batch == 0) throw new ArgumentException("A batch needs at least one weight row or one feature row.");
        return batch;
    }

    private static ReadOnlySpan<double> Row(IReadOnlyList<double[]> rows, int b) =>
        rows.Count == 0 ? default : rows.Count == 1 ? rows[0] : rows[b];

    /// <summary>Puts <paramref name="state"/> in the circuit's initial state.</summary>
    internal static void Initialize(Circuit circuit, StateVector state, ReadOnlySpan<double> features)
    {
        if (circuit.Preparation is null) state.Reset();
        else circuit.Preparation.Prepare(features, state.Amplitudes);
    }

    /// <summary>
    /// Applies every operation of <paramref name="circuit"/> to <paramref name="state"/>. Consecutive single-qubit gates on a
    /// wire are multiplied into one 2×2 matrix and applied when another gate touches the wire (or at the end): one pass
    /// over the state instead of one per gate. A fused block that stays diagonal is applied as a phase multiplication.
    /// </summary>
    public unsafe void Apply(Circuit circuit, StateVector state, ReadOnlySpan<double> weights, ReadOnlySpan<double> features, bool parallel) =>
        Apply(circuit, state, weights, features, parallel, -1, 0, 0.0);

    /// <summary>
    /// <see cref="Apply(Circuit, StateVector, ReadOnlySpan{double}, ReadOnlySpan{double}, bool)"/> with angle
    /// <paramref name="shiftParameter"/> of operation <paramref name="shiftOperation"/> moved by <paramref name="shift"/>
    /// (the parameter-shift rule's evaluations; −1 for no shift).
    /// </summary>
    internal unsafe void Apply(Circuit circuit, StateVector state, ReadOnlySpan<double> weights, ReadOnlySpan<double> features, bool parallel,
        int shiftOperation, int shiftParameter, double shift)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(state);
        if (state.NumQubits != circuit.NumQubits)
            throw new ArgumentException($"The circuit has {circuit.NumQubits} qubits but the state has {state.NumQubits}.", nameof(state));
        int n = circuit.NumQubits;
        Span<double> angles = stackalloc double[3];
        if (!Options.FuseSingleQubitGates)
        {
            for (int k = 0; k < circuit.Operations.Count; k++)
            {
                var op = circuit.Operations[k];
                var a = Evaluate(op, weights, features, angles);
                if (k == shiftOperation) angles[shiftParameter] += shift;
                GateApplier.Apply(state, op, a, false, parallel);
            }
            return;
        }
        Span<Matrix2> pending = n <= 64 ? stackalloc Matrix2[n] : new Matrix2[n];
        Span<bool> has = stackalloc bool[n];
        Span<Complex> m = stackalloc Complex[4];
        // Lower the fused circuit to kernel instructions first, so the executor can replay runs of instructions on
        // low bits block by block while each block stays in cache.
        var program = new List<KernelInstruction>(circuit.Operations.Count + n);
        for (int k = 0; k < circuit.Operations.Count; k++)
        {
            var op = circuit.Operations[k];
            var a = Evaluate(op, weights, features, angles);
            if (k == shiftOperation) angles[shiftParameter] += shift;
            var w = op.Wires;
            if (w.Length == 1)
            {
                var single = op.Gate == GateKind.MultiRZ ? GateKind.RZ : op.Gate;
                GateMatrices.Fill(single, a, 1, m);
                if (op.IsAdjoint) GateMatrices.ConjugateTranspose(m, 2);
                var g = Matrix2.From(m);
                int wire = w[0];
                pending[wire] = has[wire] ? g.Times(pending[wire]) : g;
                has[wire] = true;
                continue;
            }
            foreach (int wire in w)
            {
                if (!has[wire]) continue;
                program.Add(Flush(n, wire, pending[wire]));
                has[wire] = false;
            }
            if (GateApplier.Lower(n, op.Gate, w, a, op.IsAdjoint, out var instruction)) program.Add(instruction);
        }
        for (int wire = 0; wire < n; wire++)
            if (has[wire]) program.Add(Flush(n, wire, pending[wire]));
        BlockedExecutor.Execute(state.Data, n, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(program), parallel);
    }

    private static KernelInstruction Flush(int n, int wire, in Matrix2 g)
    {
        int p = GateApplier.Bit(n, wire);
        if (!g.IsDiagonal) return KernelInstruction.Single(p, g);
        // A diagonal block whose first entry is 1 (phase gates) touches only the |1⟩ half of the state.
        return g.A == Complex.One ? KernelInstruction.Diagonal(1L << p, p, g.D, g.D) : KernelInstruction.Diagonal(0, p, g.A, g.D);
    }

    /// <summary>Evaluates the angles of <paramref name="op"/> into <paramref name="buffer"/>.</summary>
    internal static ReadOnlySpan<double> Evaluate(Operation op, ReadOnlySpan<double> weights, ReadOnlySpan<double> features, Span<double> buffer)
    {
        var ps = op.Parameters;
        for (int i = 0; i < ps.Length; i++) buffer[i] = ps[i].Evaluate(weights, features);
        return buffer[..ps.Length];
    }
}
