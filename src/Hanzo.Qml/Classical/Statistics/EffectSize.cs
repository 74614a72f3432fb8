namespace Hanzo.Qml.Classical.Statistics;

/// <summary>Effect sizes for paired comparisons: how large a difference is, which a p-value does not say.</summary>
public static class EffectSize
{
    /// <summary>
    /// Cohen's d for paired samples, d_z = mean(a − b) / sd(a − b) (sample standard deviation, denominator n − 1): the
    /// mean difference in units of its own spread, the effect size that matches a paired test. When every difference
    /// is equal the spread is 0: the result is 0 for a zero mean and ±∞ otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">When the lists differ in length, have fewer than two pairs, or hold a non-finite value.</exception>
    public static double CohensDPaired(IReadOnlyList<double> scoresA, IReadOnlyList<double> scoresB)
    {
        ArgumentNullException.ThrowIfNull(scoresA);
        ArgumentNullException.ThrowIfNull(scoresB);
        if (scoresA.Count != scoresB.Count) throw new ArgumentException($"{scoresA.Count} scores for A but {scoresB.Count} for B; the scores must be paired.", nameof(scoresB));
        int n = scoresA.Count;
        if (n < 2) throw new ArgumentException($"Cohen's d needs at least two pairs; got {n}.", nameof(scoresA));
        var d = new double[n];
        for (int i = 0; i < n; i++)
        {
            d[i] = scoresA[i] - scoresB[i];
            if (!double.IsFinite(d[i])) throw new ArgumentException($"Pair {i} has a non-finite score.", nameof(scoresA));
        }
        double mean = d.Average();
        double ss = 0.0;
        foreach (double v in d) ss += (v - mean) * (v - mean);
        double sd = Math.Sqrt(ss / (n - 1));
        if (sd <= 1e-14 * Math.Max(1.0, Math.Abs(mean)))
            return mean == 0 ? 0.0 : mean > 0 ? double.PositiveInfinity : double.NegativeInfinity;
        return mean / sd;
    }
}
