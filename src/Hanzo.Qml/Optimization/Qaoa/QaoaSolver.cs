using Hanzo.Qml.Optimization.Problems;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Optimization.Qaoa;

/// <summary>
/// Runs QAOA end to end: builds the <see cref="QaoaAnsatz"/>, chooses starting angles, minimises ⟨H_C⟩ with the outer
/// optimiser (COBYLA by default; a gradient optimiser gets the exact adjoint gradient), then samples the optimised
/// state with a seeded generator and reports the best sampled bitstring, the most probable one, the exact optimum
/// (from the cost diagonal) and the approximation ratio. The same options and seed give the same result.
/// </summary>
public static class QaoaSolver
{
    /// <summary>Minimises <paramref name="cost"/> with QAOA.</summary>
    /// <exception cref="ArgumentException">For invalid options (the message names the setting).</exception>
    public static QaoaResult Solve(IsingHamiltonian cost, QaoaOptions? options = null, CancellationToken cancellationToken = default,
        IProgress<OptimizationStep>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var o = options ?? new QaoaOptions();
        o.Validate();
        var optimizer = o.Optimizer ?? new Cobyla(new CobylaOptions { InitialTrustRadius = 0.2, FinalTrustRadius = 1e-4, MaxEvaluations = 1000 });
        using var full = new QaoaAnsatz(cost, o.Layers, o.Mixer, o.InitialBitstring, o.Simulator);
        var stages = new List<OptimizationResult>();
        QaoaAngles angles;
        OptimizationResult last;
        if (o.InitialAngles is null && o.Initialization == QaoaInitialStrategy.Interp)
        {
            angles = Ramp(cost, 1, o.RampDelta);
            last = null!;
            for (int q = 1; q <= o.Layers; q++)
            {
                using var ansatz = q == o.Layers ? null : full.WithLayers(q);
                last = Optimize(ansatz ?? full, optimizer, angles, cancellationToken, progress);
                stages.Add(last);
                angles = QaoaAngles.FromVector(last.Point);
                if (q < o.Layers) angles = QaoaInitialization.Interpolate(angles);
            }
        }
        else
        {
            angles = o.InitialAngles ?? Ramp(cost, o.Layers, o.RampDelta);
            last = Optimize(full, optimizer, angles, cancellationToken, progress);
            stages.Add(last);
            angles = QaoaAngles.FromVector(last.Point);
        }
        return Summarize(full, angles, last, stages, o);
    }

    /// <summary>MaxCut of <paramref name="graph"/> with H_C = Σ (w/2)(ZᵢZⱼ − 1) (costs are minus cuts).</summary>
    public static QaoaResult SolveMaxCut(Graph graph, QaoaOptions? options = null, CancellationToken cancellationToken = default,
        IProgress<OptimizationStep>? progress = null) =>
        Solve(MaxCut.CostHamiltonian(graph), options, cancellationToken, progress);

    /// <summary>The linear ramp scaled to the cost: Δγ = Δ / mean |coefficient|, Δβ = Δ.</summary>
    internal static QaoaAngles Ramp(IsingHamiltonian cost, int layers, double delta)
    {
        var coefficients = cost.Fields.Where(h => h != 0).Select(Math.Abs).Concat(cost.Couplings.Select(c => Math.Abs(c.Value))).ToArray();
        double scale = coefficients.Length > 0 ? coefficients.Average() : 1;
        return QaoaInitialization.LinearRamp(layers, delta / scale, delta);
    }

    private static OptimizationResult Optimize(QaoaAnsatz ansatz, IOptimizer optimizer, QaoaAngles start, CancellationToken ct, IProgress<OptimizationStep>? progress)
    {
        var x0 = start.ToVector();
        return optimizer is IGradientOptimizer g
            ? g.Minimize(ansatz.ValueAndGradient, x0, ct, progress)
            : optimizer.Minimize(x => ansatz.Expectation(x), x0, ct, progress);
    }

    private static QaoaResult Summarize(QaoaAnsatz ansatz, QaoaAngles angles, OptimizationResult last, List<OptimizationResult> stages, QaoaOptions o)
    {
        int n = ansatz.NumQubits;
        double expectation = ansatz.Expectation(angles);
        long mostProbable = 0;
        double pMax = -1;
        using (var state = ansatz.State(angles))
        {
            var amps = state.Amplitudes;
            for (int i = 0; i < amps.Length; i++)
            {
                double pr = amps[i].Real * amps[i].Real + amps[i].Imaginary * amps[i].Imaginary;
                if (pr > pMax) { pMax = pr; mostProbable = i; }
            }
        }
        var counts = ansatz.Sample(angles, o.Shots, o.Seed);
        var samples = counts.Select(kv => (Index: kv.Key, kv.Value, Cost: ansatz.CostOf(kv.Key))).ToList();
        var best = samples.OrderBy(s => s.Cost).ThenByDescending(s => s.Value).ThenBy(s => s.Index).First();
        return new QaoaResult
        {
            Angles = angles,
            Expectation = expectation,
            BestBitstring = Measurements.Bitstring(best.Index, n),
            BestCost = best.Cost,
            MostProbableBitstring = Measurements.Bitstring(mostProbable, n),
            MostProbableProbability = pMax,
            MostProbableCost = ansatz.CostOf(mostProbable),
            OptimalCost = ansatz.Minimum.Value,
            WorstCost = ansatz.MaximumCost,
            OptimalBitstrings = ansatz.Minimum.Indices.Select(i => Measurements.Bitstring(i, n)).ToArray(),
            Samples = samples.OrderByDescending(s => s.Value).ThenBy(s => s.Index).Select(s => new QaoaSample(Measurements.Bitstring(s.Index, n), s.Value, s.Cost)).ToArray(),
            Shots = o.Shots,
            Optimization = last,
            Stages = stages,
        };
    }
}
