namespace Hanzo.Qml.Classical.Statistics;

/// <summary>How a Wilcoxon p-value was computed.</summary>
public enum WilcoxonMethod
{
    /// <summary>The exact null distribution of W⁺ (n ≤ 25 non-zero differences, no ties).</summary>
    Exact,

    /// <summary>The normal approximation with tie and continuity corrections.</summary>
    NormalApproximation,

    /// <summary>No non-zero difference: no evidence either way, p = 1.</summary>
    NoDifferences,
}

/// <summary>Result of <see cref="WilcoxonSignedRankTest"/>.</summary>
/// <param name="Statistic">min(W⁺, W⁻), scipy's two-sided statistic.</param>
/// <param name="WPlus">Sum of the ranks of positive differences (a &gt; b).</param>
/// <param name="WMinus">Sum of the ranks of negative differences.</param>
/// <param name="N">Number of non-zero differences used.</param>
/// <param name="Zeros">Number of zero differences dropped.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Method">How the p-value was computed.</param>
/// <param name="Z">The standardised statistic of the normal approximation (null for the exact test).</param>
public sealed record WilcoxonResult(double Statistic, double WPlus, double WMinus, int N, int Zeros, double PValue, WilcoxonMethod Method, double? Z);

/// <summary>
/// The Wilcoxon signed-rank test for paired scores (two-sided).
/// </summary>
/// <remarks>
/// <para>Zero differences are dropped before ranking (Wilcoxon's original rule, scipy's default
/// <c>zero_method="wilcox"</c>). Ranks of tied |differences| are averaged. With at most 25 non-zero differences and no
/// ties the p-value is exact (the 2ⁿ equally likely sign patterns are counted); otherwise the normal approximation is
/// used with the tie-corrected variance n(n+1)(2n+1)/24 − Σ(t³ − t)/48 and a continuity correction of ½ (scipy's
/// default omits the continuity correction, so approximate p-values are slightly larger than scipy's). Differences
/// within 1e-12 of the largest score magnitude count as equal (or as zero), so floating-point noise in scores such as
/// 0.9 − 0.8 versus 0.8 − 0.7 does not split genuine ties.</para>
/// <para><b>Why five folds can never be significant:</b> with n pairs the most extreme outcome (all differences of one
/// sign) has probability 2·2⁻ⁿ two-sided, so n = 5 gives at best p = 2/32 = 0.0625 &gt; 0.05, whatever the models do
/// (n = 6: 0.031; n = 10: 0.002). A Wilcoxon test on the five scores of one 5-fold cross-validation is therefore
/// powerless at the 5 % level; use repeated cross-validation with <see cref="CorrectedResampledTTest"/>, and Wilcoxon
/// across datasets or many resamples, as the benchmark does.</para>
/// </remarks>
public static class WilcoxonSignedRankTest
{
    /// <summary>The largest n for which the exact distribution is used.</summary>
    public const int ExactLimit = 25;

    /// <summary>Tests paired scores.</summary>
    /// <exception cref="ArgumentException">When the lists differ in length, are empty, or hold a non-finite value.</exception>
    public static WilcoxonResult Test(IReadOnlyList<double> scoresA, IReadOnlyList<double> scoresB)
    {
        ArgumentNullException.ThrowIfNull(scoresA);
        ArgumentNullException.ThrowIfNull(scoresB);
        if (scoresA.Count != scoresB.Count) throw new ArgumentException($"{scoresA.Count} scores for A but {scoresB.Count} for B; the scores must be paired.", nameof(scoresB));
        if (scoresA.Count == 0) throw new ArgumentException("No paired scores.", nameof(scoresA));
        double scale = 0.0;
        for (int i = 0; i < scoresA.Count; i++)
        {
            if (!double.IsFinite(scoresA[i]) || !double.IsFinite(scoresB[i])) throw new ArgumentException($"Pair {i} has a non-finite score.", nameof(scoresA));
            scale = Math.Max(scale, Math.Max(Math.Abs(scoresA[i]), Math.Abs(scoresB[i])));
        }
        double tol = 1e-12 * Math.Max(scale, double.Epsilon);
        return TestDifferences([.. scoresA.Select((a, i) => a - scoresB[i])], tol);
    }

    /// <summary>Tests paired differences a − b directly.</summary>
    /// <param name="differences">The differences.</param>
    /// <param name="tolerance">Differences closer than this count as equal (or as zero); default 0 (exact comparison).</param>
    /// <exception cref="ArgumentException">When empty or a value is not finite.</exception>
    public static WilcoxonResult TestDifferences(IReadOnlyList<double> differences, double tolerance = 0.0)
    {
        ArgumentNullException.ThrowIfNull(differences);
        if (differences.Count == 0) throw new ArgumentException("No differences.", nameof(differences));
        foreach (double d in differences)
            if (!double.IsFinite(d)) throw new ArgumentException("A difference is not finite.", nameof(differences));
        if (!(tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be ≥ 0.");

        var nonZero = differences.Where(d => Math.Abs(d) > tolerance).ToArray();
        int zeros = differences.Count - nonZero.Length;
        int n = nonZero.Length;
        if (n == 0) return new WilcoxonResult(0, 0, 0, 0, zeros, 1.0, WilcoxonMethod.NoDifferences, null);

        // Average ranks of |d|, with groups of values within the tolerance of the group's first value tied.
        var order = Enumerable.Range(0, n).OrderBy(i => Math.Abs(nonZero[i])).ToArray();
        var ranks = new double[n];
        var tieSizes = new List<int>();
        int start = 0;
        while (start < n)
        {
            int end = start;
            double first = Math.Abs(nonZero[order[start]]);
            while (end + 1 < n && Math.Abs(nonZero[order[end + 1]]) - first <= tolerance) end++;
            double average = (start + end) / 2.0 + 1.0;
            for (int k = start; k <= end; k++) ranks[order[k]] = average;
            if (end > start) tieSizes.Add(end - start + 1);
            start = end + 1;
        }
        double wPlus = 0, wMinus = 0;
        for (int i = 0; i < n; i++) { if (nonZero[i] > 0) wPlus += ranks[i]; else wMinus += ranks[i]; }
        double statistic = Math.Min(wPlus, wMinus);

        if (n <= ExactLimit && tieSizes.Count == 0)
            return new WilcoxonResult(statistic, wPlus, wMinus, n, zeros, ExactTwoSided(n, (int)Math.Round(statistic)), WilcoxonMethod.Exact, null);

        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1.0) * (2 * n + 1) / 24.0 - tieSizes.Sum(t => (double)t * t * t - t) / 48.0;
        double deviation = Math.Max(Math.Abs(wPlus - mean) - 0.5, 0.0);
        double z = variance > 0 ? deviation / Math.Sqrt(variance) * Math.Sign(wPlus - mean) : 0.0;
        double p = variance > 0 ? Math.Min(1.0, StandardNormal.TwoSidedPValue(z)) : 1.0;
        return new WilcoxonResult(statistic, wPlus, wMinus, n, zeros, p, WilcoxonMethod.NormalApproximation, z);
    }

    /// <summary>
    /// Exact two-sided p = min(1, 2·P(W ≤ w)) where W is W⁺ under the null (ranks 1..n, each sign equally likely): the
    /// number of sign patterns with each rank sum, counted by dynamic programming over the ranks.
    /// </summary>
    internal static double ExactTwoSided(int n, int w)
    {
        int max = n * (n + 1) / 2;
        var counts = new double[max + 1];
        counts[0] = 1;
        for (int r = 1; r <= n; r++)
            for (int s = max; s >= r; s--) counts[s] += counts[s - r];
        double cumulative = 0;
        for (int s = 0; s <= Math.Min(w, max); s++) cumulative += counts[s];
        return Math.Min(1.0, 2.0 * cumulative / Math.Pow(2, n));
    }
}
