using Hanzo.Qml.Circuits;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Models;

/// <summary>
/// The block-diagonal Fubini–Study metric tensor used by quantum natural gradient (Stokes et al. 2020).
/// </summary>
/// <remarks>
/// Rot gates are split into RZ·RY·RZ first. A block is a maximal run of consecutive weight-parameterised rotations
/// (RX, RY, RZ, PhaseShift, IsingZZ, MultiRZ) on disjoint wires; such gates commute, so for their weights the metric
/// is exactly the covariance of their generators G_k = s_k·P_k/2 in the state just before the run:
/// g_kl = ⟨G_k G_l⟩ − ⟨G_k⟩⟨G_l⟩. Couplings between blocks are dropped. Runs are split more finely than PennyLane's
/// dependency layers (a Rot's three angles fall in three blocks), which keeps every block exact.
/// </remarks>
public static class QuantumNaturalGradient
{
    /// <summary>One diagonal block: the weight indices it covers and their metric entries.</summary>
    /// <param name="Weights">Weight indices, in the order of the rows of <paramref name="Metric"/>.</param>
    /// <param name="Metric">Symmetric positive semi-definite block.</param>
    public sealed record MetricBlock(int[] Weights, double[,] Metric);

    /// <summary>Computes the blocks for the circuit at the given weights and features.</summary>
    /// <exception cref="ArgumentException">When the inputs do not fit the circuit.</exception>
    public static List<MetricBlock> BlockDiagonalMetric(Circuit circuit, double[] weights, double[] features)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        circuit.ValidateInputs(weights, features);
        var sim = new StatevectorSimulator();
        var ops = Expand(circuit);
        using var state = StateVector.Zero(circuit.NumQubits);
        if (circuit.Preparation is { } prep) prep.Prepare(features, state.Amplitudes);
        var blocks = new List<MetricBlock>();
        var run = new List<Operation>();
        var used = new HashSet<int>();
        void Close()
        {
            if (run.Count == 0) return;
            blocks.Add(Block(run, state, circuit.NumQubits));
            var c = new Circuit(circuit.NumQubits, run, null, circuit.NumWeights, circuit.NumFeatures);
            sim.Apply(c, state, weights, features, false);
            run.Clear();
            used.Clear();
        }
        foreach (var op in ops)
        {
            if (Generator(op) is not null && op.Parameters[0].DependsOnWeights)
            {
                bool disjoint = true;
                foreach (int w in op.Wires) disjoint &= !used.Contains(w);
                if (!disjoint) Close();
                run.Add(op);
                foreach (int w in op.Wires) used.Add(w);
                continue;
            }
            Close();
            sim.Apply(new Circuit(circuit.NumQubits, [op], null, circuit.NumWeights, circuit.NumFeatures), state, weights, features, false);
        }
        Close();
        return blocks;
    }

    private static MetricBlock Block(List<Operation> run, StateVector state, int n)
    {
        var index = run.Select(op => op.Parameters[0].Index).Distinct().ToArray();
        var g = new double[index.Length, index.Length];
        var gens = run.Select(op => Generator(op)!).ToArray();
        var mean = gens.Select(p => Measurements.Expectation(state, p)).ToArray();
        for (int a = 0; a < run.Count; a++)
        {
            for (int b = 0; b < run.Count; b++)
            {
                double cov;
                if (a == b) cov = 1 - mean[a] * mean[a];
                else
                {
                    var product = new PauliString(gens[a].Factors.Concat(gens[b].Factors));
                    cov = Measurements.Expectation(state, product) - mean[a] * mean[b];
                }
                // G = (sign·s/2)·P: PhaseShift's generator is |1⟩⟨1| = (I − Z)/2, so its Pauli part has sign −1.
                double sa = Scale(run[a]) / 2, sb = Scale(run[b]) / 2;
                int i = Array.IndexOf(index, run[a].Parameters[0].Index), j = Array.IndexOf(index, run[b].Parameters[0].Index);
                g[i, j] += sa * sb * cov;
            }
        }
        return new MetricBlock(index, g);
    }

    private static double Scale(Operation op) => op.Parameters[0].Scale * (op.Gate == GateKind.PhaseShift ? -1 : 1);

    private static PauliString? Generator(Operation op) => op.Gate switch
    {
        GateKind.RX => new PauliString([(op.Wires[0], Pauli.X)]),
        GateKind.RY => new PauliString([(op.Wires[0], Pauli.Y)]),
        GateKind.RZ or GateKind.PhaseShift => new PauliString([(op.Wires[0], Pauli.Z)]),
        GateKind.IsingZZ or GateKind.MultiRZ => new PauliString(op.Wires.ToArray().Select(w => (w, Pauli.Z))),
        _ => null,
    };

    private static List<Operation> Expand(Circuit circuit)
    {
        var list = new List<Operation>();
        foreach (var op in circuit.Operations)
        {
            if (op.Gate == GateKind.Rot && !op.IsAdjoint)
            {
                var w = op.Wires.ToArray();
                list.Add(new Operation(GateKind.RZ, w, [op.Parameters[0]]));
                list.Add(new Operation(GateKind.RY, w, [op.Parameters[1]]));
                list.Add(new Operation(GateKind.RZ, w, [op.Parameters[2]]));
            }
            else list.Add(op);
        }
        return list;
    }

    /// <summary>Solves the small dense system a·x = b by Gaussian elimination with partial pivoting.</summary>
    /// <exception cref="ArgumentException">When the system is singular.</exception>
    public static double[] Solve(double[,] a, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (int c = 0; c < n; c++)
        {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[p, c])) p = r;
            if (Math.Abs(m[p, c]) < 1e-300) throw new ArgumentException("The metric block is singular; add regularisation.", nameof(a));
            if (p != c)
            {
                for (int k = 0; k < n; k++) (m[c, k], m[p, k]) = (m[p, k], m[c, k]);
                (x[c], x[p]) = (x[p], x[c]);
            }
            for (int r = c + 1; r < n; r++)
            {
                double f = m[r, c] / m[c, c];
                for (int k = c; k < n; k++) m[r, k] -= f * m[c, k];
                x[r] -= f * x[c];
            }
        }
        for (int r = n - 1; r >= 0; r--)
        {
            double s = x[r];
            for (int k = r + 1; k < n; k++) s -= m[r, k] * x[k];
            x[r] = s / m[r, r];
        }
        return x;
    }
}
