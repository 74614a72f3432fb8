using Hanzo.Qml.Data;
using Hanzo.Qml.Optimization.Problems;

namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>Settings of <see cref="FactorizationMachine"/>.</summary>
public sealed record FactorizationMachineOptions
{
    /// <summary>Rank k of the pairwise factors (default 4): small, so few evaluations still pin the interactions down.</summary>
    public int Rank { get; init; } = 4;

    /// <summary>L2 penalty on the linear weights and the factors (default 1e-2); the bias is not penalised.</summary>
    public double L2 { get; init; } = 1e-2;

    /// <summary>Sweeps of alternating least squares (default 200).</summary>
    public int Sweeps { get; init; } = 200;

    /// <summary>Standard deviation of the seeded initial factors (default 0.1; ALS cannot leave all-zero factors).</summary>
    public double InitScale { get; init; } = 0.1;

    /// <summary>Seed of the initial factors.</summary>
    public long Seed { get; init; }
}

/// <summary>
/// A second-order factorization machine (Rendle 2010), ŷ(x) = w₀ + Σ wⱼxⱼ + Σ_{i&lt;j} ⟨vᵢ, vⱼ⟩ xᵢxⱼ, fitted by
/// alternating least squares with L2 (Rendle 2012, "Factorization machines with libFM", §4.2). ALS instead of SGD/Adam
/// because each coordinate step is the exact minimiser of the penalised squared error: no learning rate to tune and a
/// monotone, deterministic fit from a seeded start. On binary x it is a QUBO, which is why QAOA can minimise it.
/// </summary>
public sealed class FactorizationMachine
{
    private FactorizationMachine(double bias, double[] linear, double[,] factors)
    {
        Bias = bias;
        _linear = linear;
        _factors = factors;
    }

    private readonly double[] _linear;
    private readonly double[,] _factors;

    /// <summary>w₀.</summary>
    public double Bias { get; }

    /// <summary>wⱼ.</summary>
    public IReadOnlyList<double> Linear => _linear;

    /// <summary>Number of inputs.</summary>
    public int NumFeatures => _linear.Length;

    /// <summary>The pairwise weight ⟨vᵢ, vⱼ⟩.</summary>
    public double Pair(int i, int j)
    {
        double s = 0;
        for (int f = 0; f < _factors.GetLength(1); f++) s += _factors[i, f] * _factors[j, f];
        return s;
    }

    /// <summary>ŷ(x).</summary>
    public double Predict(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double y = Bias;
        for (int j = 0; j < NumFeatures; j++) y += _linear[j] * x[j];
        for (int i = 0; i < NumFeatures; i++)
            for (int j = i + 1; j < NumFeatures; j++) y += Pair(i, j) * x[i] * x[j];
        return y;
    }

    /// <summary>The model on binary inputs as a QUBO (wⱼ on the diagonal, ⟨vᵢ, vⱼ⟩ off it, w₀ the offset).</summary>
    public Qubo ToQubo(IEnumerable<(int I, int J, double Value)>? extraTerms = null, double extraOffset = 0)
    {
        var terms = new List<(int, int, double)>();
        for (int j = 0; j < NumFeatures; j++) terms.Add((j, j, _linear[j]));
        for (int i = 0; i < NumFeatures; i++)
            for (int j = i + 1; j < NumFeatures; j++) terms.Add((i, j, Pair(i, j)));
        if (extraTerms is not null) terms.AddRange(extraTerms);
        return new Qubo(NumFeatures, terms, Bias + extraOffset);
    }

    /// <summary>Fits ŷ to (xᵣ, yᵣ) by ALS.</summary>
    /// <exception cref="ArgumentException">For no rows, ragged rows or non-finite values.</exception>
    public static FactorizationMachine Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, FactorizationMachineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var o = options ?? new FactorizationMachineOptions();
        OptionCheck.AtLeast(o.Rank, 1, nameof(o.Rank));
        OptionCheck.AtLeast(o.Sweeps, 1, nameof(o.Sweeps));
        if (!(o.L2 >= 0)) throw new ArgumentOutOfRangeException(nameof(options), o.L2, "L2 must be ≥ 0.");
        if (x.Count == 0 || x.Count != y.Count) throw new ArgumentException($"Need as many targets as rows (≥ 1); got {x.Count} rows and {y.Count} targets.", nameof(y));
        int n = x.Count, d = x[0].Length, k = o.Rank;
        if (x.Any(r => r.Length != d)) throw new ArgumentException("Every row must have the same length.", nameof(x));
        if (y.Any(v => !double.IsFinite(v))) throw new ArgumentException("Targets must be finite.", nameof(y));

        var rng = new SeededRandom(o.Seed);
        var v = new double[d, k];
        for (int j = 0; j < d; j++)
            for (int f = 0; f < k; f++) v[j, f] = o.InitScale * rng.NextNormal();
        var w = new double[d];
        double w0 = y.Average();
        var q = new double[n, k]; // q[r, f] = Σⱼ v[j, f]·x[r][j], kept in step with v
        var e = new double[n];    // residuals y − ŷ, kept in step with every update
        for (int r = 0; r < n; r++)
        {
            for (int f = 0; f < k; f++)
                for (int j = 0; j < d; j++) q[r, f] += v[j, f] * x[r][j];
            double pair = 0;
            for (int f = 0; f < k; f++)
            {
                double sq = 0;
                for (int j = 0; j < d; j++) sq += v[j, f] * v[j, f] * x[r][j] * x[r][j];
                pair += 0.5 * (q[r, f] * q[r, f] - sq);
            }
            e[r] = y[r] - w0 - pair;
        }
        var h = new double[n];
        for (int sweep = 0; sweep < o.Sweeps; sweep++)
        {
            // Bias: unpenalised, so it absorbs the mean and the penalty only shrinks structure.
            double shift = e.Sum() / n;
            w0 += shift;
            for (int r = 0; r < n; r++) e[r] -= shift;
            for (int j = 0; j < d; j++)
            {
                for (int r = 0; r < n; r++) h[r] = x[r][j];
                double nw = Solve(w[j], h, e, o.L2);
                for (int r = 0; r < n; r++) e[r] -= (nw - w[j]) * h[r];
                w[j] = nw;
            }
            for (int f = 0; f < k; f++)
                for (int j = 0; j < d; j++)
                {
                    for (int r = 0; r < n; r++) h[r] = x[r][j] * (q[r, f] - v[j, f] * x[r][j]);
                    double nv = Solve(v[j, f], h, e, o.L2);
                    for (int r = 0; r < n; r++)
                    {
                        e[r] -= (nv - v[j, f]) * h[r];
                        q[r, f] += (nv - v[j, f]) * x[r][j];
                    }
                    v[j, f] = nv;
                }
        }
        return new FactorizationMachine(w0, w, v);
    }

    // ŷ is linear in each single parameter θ with slope h, so the penalised least-squares optimum is closed form.
    private static double Solve(double theta, double[] h, double[] e, double l2)
    {
        double hh = 0, he = 0;
        for (int r = 0; r < h.Length; r++)
        {
            hh += h[r] * h[r];
            he += h[r] * e[r];
        }
        return hh + l2 > 0 ? (theta * hh + he) / (hh + l2) : theta;
    }
}
