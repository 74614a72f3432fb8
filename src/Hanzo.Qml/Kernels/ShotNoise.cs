using System.Runtime.CompilerServices;
namespace Hanzo.Qml.Kernels;

/// <summary>
/// Finite-shot estimates of kernel entries. A fidelity-kernel entry is the probability of the all-zeros outcome of
/// U(z)†U(x)|0⟩, so a hardware run with S shots observes Binomial(S, K)/S; this draws exactly that distribution.
/// </summary>
internal static class ShotNoise
{
    /// <summary>Stream numbers keep the train×train, test×train and single-pair draws independent for one seed.</summary>
    public const int TrainStream = 1, CrossStream = 2, PairStream = 3;

    /// <summary>A generator for (seed, stream), reproducible across runs and platforms.</summary>
    public static Random Generator(int seed, int stream) => new(unchecked(seed * 1_000_003 + stream * 7919));

    /// <summary>Replaces every entry of the symmetric matrix by an estimate; pairs (i, j), i &lt; j, are drawn row by row and mirrored.</summary>
    public static void ApplySymmetric(double[,] k, int shots, Random rng)
    {
        int n = k.GetLength(0);
        for (int i = 0; i < n; i++)
        {
            // A state measured against itself returns all zeros every time: Binomial(S, 1) = S.
            k[i, i] = Estimate(k[i, i], shots, rng);
            for (int j = i + 1; j < n; j++)
            {
                double v = Estimate(k[i, j], shots, rng);
                k[i, j] = v;
                k[j, i] = v;
            }
        }
    }

    /// <summary>Replaces every entry of a rectangular matrix by an estimate, row by row.</summary>
    public static void Apply(double[,] k, int shots, Random rng)
    {
        int n = k.GetLength(0), m = k.GetLength(1);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) k[i, j] = Estimate(k[i, j], shots, rng);
    }

    /// <summary>Binomial(shots, p)/shots with p clamped to [0, 1] (rounding can leave an exact kernel value 1 + 1e-16).</summary>
    public static double Estimate(double p, int shots, Random rng) => (double)Binomial(shots, Math.Clamp(p, 0.0, 1.0), rng) / shots;

    /// <summary>
    /// An exact Binomial(n, p) draw: one uniform, then the outcomes are enumerated from the mode outwards (m, m+1, m−1,
    /// m+2, …) until their cumulative probability passes it. Any fixed enumeration order gives the exact distribution;
    /// starting at the mode makes the expected work O(√(np(1−p))).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Binomial(int n, double p, Random rng)
    {
        if (p <= 0) return 0;
        if (p >= 1) return n;
        int mode = (int)Math.Min(n, Math.Floor((n + 1) * p));
        double q = 1 - p;
        double logPmf = LogGamma(n + 1.0) - LogGamma(mode + 1.0) - LogGamma(n - mode + 1.0) + mode * Math.Log(p) + (n - mode) * Math.Log(q);
        double pm = Math.Exp(logPmf);
        double u = rng.NextDouble();
        double cumulative = pm;
        if (u < cumulative) return mode;
        int up = mode, down = mode;
        double pu = pm, pd = pm, ratio = p / q;
        while (up < n || down > 0)
        {
            if (up < n)
            {
                pu *= (double)(n - up) / (up + 1) * ratio;
                up++;
                cumulative += pu;
                if (u < cumulative) return up;
            }
            if (down > 0)
            {
                pd *= (double)down / (n - down + 1) / ratio;
                down--;
                cumulative += pd;
                if (u < cumulative) return down;
            }
        }
        return mode;   // u beyond the rounded total (≈1e-16): the mode is as good as any outcome
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, nine terms; relative error ≈ 1e-15).</summary>
    public static double LogGamma(double x)
    {
        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) a += c[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }
}
