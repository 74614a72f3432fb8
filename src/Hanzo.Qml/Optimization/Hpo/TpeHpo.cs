namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>
/// Tree-structured Parzen Estimator for categorical spaces (Bergstra et al. 2011): split the observations at the γ
/// quantile into good and bad, model each with independent per-parameter categorical densities l(x) and g(x) with an
/// add-one prior (so no value ever gets probability 0), draw candidates from l and evaluate the unseen one with the
/// largest l(x)/g(x), which is the expected-improvement maximiser under that model.
/// </summary>
public sealed class TpeHpo : IHpoMethod
{
    /// <summary>A TPE search with <paramref name="options"/>.</summary>
    public TpeHpo(TpeOptions? options = null)
    {
        Options = options ?? new TpeOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public TpeOptions Options { get; }

    /// <inheritdoc />
    public string Name => "tpe";

    /// <inheritdoc />
    public HpoResult Run(SearchSpace space, IHpoObjective objective, int budget, CancellationToken cancellationToken = default, IProgress<HpoEvaluation>? progress = null)
    {
        var run = new HpoRun(Name, space, objective, budget, Options.Seed, cancellationToken, progress);
        run.InitialDesign(Options.InitialEvaluations);
        var ps = space.Parameters;
        while (!run.Done)
        {
            var sorted = run.History.OrderBy(e => e.Value).ThenBy(e => e.Number).ToList();
            int nGood = Math.Max(1, (int)Math.Ceiling(Options.Gamma * sorted.Count));
            var l = new double[ps.Count][];
            var g = new double[ps.Count][];
            for (int i = 0; i < ps.Count; i++)
            {
                l[i] = Enumerable.Repeat(1.0, ps[i].Values.Count).ToArray();
                g[i] = Enumerable.Repeat(1.0, ps[i].Values.Count).ToArray();
                for (int r = 0; r < sorted.Count; r++) (r < nGood ? l : g)[i][sorted[r].Configuration.Indices[i]]++;
                Normalize(l[i]);
                Normalize(g[i]);
            }
            Configuration? best = null;
            double bestScore = double.NegativeInfinity;
            for (int c = 0; c < Options.Candidates; c++)
            {
                var idx = new int[ps.Count];
                double score = 0;
                for (int i = 0; i < ps.Count; i++)
                {
                    idx[i] = Draw(l[i], run.Random);
                    score += Math.Log(l[i][idx[i]]) - Math.Log(g[i][idx[i]]);
                }
                var cand = space.At(idx);
                if (!run.Seen(cand) && score > bestScore)
                {
                    best = cand;
                    bestScore = score;
                }
            }
            if (best is null) run.Evaluate(run.RandomUnseen(run.Random), "random");
            else run.Evaluate(best, Name);
        }
        return run.Result();
    }

    private static void Normalize(double[] p)
    {
        double s = p.Sum();
        for (int i = 0; i < p.Length; i++) p[i] /= s;
    }

    private static int Draw(double[] p, Data.SeededRandom rng)
    {
        double u = rng.NextDouble(), c = 0;
        for (int i = 0; i < p.Length; i++)
        {
            c += p[i];
            if (u < c) return i;
        }
        return p.Length - 1;
    }
}
