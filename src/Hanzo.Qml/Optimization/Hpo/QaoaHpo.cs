using Hanzo.Qml.Data;
using Hanzo.Qml.Optimization.Problems;
using Hanzo.Qml.Optimization.Qaoa;

namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>
/// Quantum-enhanced, surrogate-driven search: after a seeded random initial design it repeats (1) fit a
/// <see cref="FactorizationMachine"/> to the one-hot codes of everything evaluated (targets standardised), (2) add the
/// one-hot penalty to its QUBO, (3) minimise that QUBO with QAOA (depth p, COBYLA, seeded sampling), (4) evaluate the
/// lowest-surrogate valid sampled configuration not evaluated yet (a random unseen one if no sample qualifies), until
/// the budget is spent. QAOA here is an optimiser of a classical surrogate on a simulator: on spaces of ≤ 20 bits an
/// exhaustive classical search of the same QUBO is cheaper, so this method is for studying QAOA inside a real loop,
/// not for speed. Whether it beats <see cref="TpeHpo"/> or <see cref="RandomSearchHpo"/> is an empirical question that
/// <see cref="HpoComparison"/> answers per problem.
/// </summary>
public sealed class QaoaHpo : IHpoMethod
{
    /// <summary>A QAOA-driven search with <paramref name="options"/>.</summary>
    public QaoaHpo(QaoaHpoOptions? options = null)
    {
        Options = options ?? new QaoaHpoOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public QaoaHpoOptions Options { get; }

    /// <inheritdoc />
    public string Name => "qaoa";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">When the one-hot code of <paramref name="space"/> needs more than <see cref="QaoaHpoOptions.MaxBits"/> bits.</exception>
    public HpoResult Run(SearchSpace space, IHpoObjective objective, int budget, CancellationToken cancellationToken = default, IProgress<HpoEvaluation>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        var encoding = new OneHotEncoding(space);
        if (encoding.NumBits > Options.MaxBits)
            throw new ArgumentException($"The search space needs {encoding.NumBits} qubits (one per value: {string.Join(" + ", space.Parameters.Select(p => p.Values.Count))}) but at most {Options.MaxBits} are allowed; drop values or raise the cap (QAOA HPO is limited to {QaoaHpoOptions.DefaultMaxBits} qubits by default).", nameof(space));
        var run = new HpoRun(Name, space, objective, budget, Options.Seed, cancellationToken, progress);
        run.InitialDesign(Options.InitialEvaluations);
        int round = 0;
        while (!run.Done)
        {
            round++;
            var x = run.History.Select(e => encoding.Encode(e.Configuration)).ToList();
            var y = Standardize(run.History.Select(e => e.Value).ToArray());
            var fm = FactorizationMachine.Fit(x, y, Options.Surrogate with { Seed = SeededRandom.Derive(Options.Seed, 2) });
            var qubo = SurrogateQubo(encoding, fm);
            var result = QaoaSolver.Solve(qubo.ToIsing(), new QaoaOptions
            {
                Layers = Options.Layers,
                Shots = Options.Shots,
                Seed = (int)(SeededRandom.Derive(Options.Seed, 100 + round) & int.MaxValue),
                Optimizer = new Cobyla(new CobylaOptions { InitialTrustRadius = 0.2, FinalTrustRadius = 1e-3, MaxEvaluations = Options.MaxQaoaEvaluations }),
            }, cancellationToken);
            var next = result.Samples
                .OrderBy(s => s.Cost).ThenByDescending(s => s.Count).ThenBy(s => s.Bitstring, StringComparer.Ordinal)
                .Select(s => encoding.Decode(s.Bitstring))
                .FirstOrDefault(c => c is not null && !run.Seen(c));
            if (next is null) run.Evaluate(run.RandomUnseen(run.Random), "random");
            else run.Evaluate(next, Name);
        }
        return run.Result();
    }

    /// <summary>
    /// The QUBO QAOA minimises: the surrogate's terms plus the one-hot penalty with strength P = 1 + Σ|surrogate
    /// coefficients|. That P exceeds the surrogate's whole range, so every invalid code costs more than every valid one
    /// and the QUBO's minimum is the surrogate's best configuration.
    /// </summary>
    public static Qubo SurrogateQubo(OneHotEncoding encoding, FactorizationMachine surrogate)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        ArgumentNullException.ThrowIfNull(surrogate);
        if (surrogate.NumFeatures != encoding.NumBits)
            throw new ArgumentException($"The surrogate has {surrogate.NumFeatures} inputs but the encoding {encoding.NumBits} bits.", nameof(surrogate));
        double range = surrogate.Linear.Sum(Math.Abs);
        for (int i = 0; i < surrogate.NumFeatures; i++)
            for (int j = i + 1; j < surrogate.NumFeatures; j++) range += Math.Abs(surrogate.Pair(i, j));
        var (terms, offset) = encoding.Penalty(1 + range);
        return surrogate.ToQubo(terms, offset);
    }

    // The surrogate only has to rank configurations, so an affine rescale is free and keeps L2 on a fixed scale.
    private static double[] Standardize(double[] y)
    {
        double mean = y.Average();
        double sd = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / y.Length);
        if (!(sd > 1e-12)) sd = 1;
        return [.. y.Select(v => (v - mean) / sd)];
    }
}
