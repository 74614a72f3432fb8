using System.Globalization;

namespace Hanzo.Qml.Benchmark;

/// <summary>The verdict of a benchmark and the model it recommends.</summary>
/// <param name="QuantumAdvantage">True only when the quantum model is better on the primary metric (higher, or lower for an error metric) with p &lt; α (corrected t-test).</param>
/// <param name="RecommendedModel">The model to use: the quantum model when it wins, otherwise the best classical baseline.</param>
/// <param name="Recommendation">One sentence, e.g. "no significant quantum advantage; use rbf_svm".</param>
/// <param name="Explanation">The numbers behind it, for people.</param>
public sealed record BenchmarkVerdict(bool QuantumAdvantage, string RecommendedModel, string Recommendation, string Explanation)
{
    /// <summary>
    /// The honest-verdict policy. An advantage needs both a higher mean and p &lt; α on the corrected t-test; a higher
    /// mean without significance, a tie, or a loss all recommend the best classical model, which is cheaper to run
    /// and the safer default.
    /// </summary>
    /// <param name="significance">Quantum (candidate) versus the best classical baseline (reference) on the primary metric.</param>
    /// <param name="alpha">Significance level.</param>
    /// <exception cref="ArgumentOutOfRangeException">When α is not in (0, 1).</exception>
    public static BenchmarkVerdict Decide(SignificanceResult significance, double alpha)
    {
        ArgumentNullException.ThrowIfNull(significance);
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be in (0, 1).");
        var s = significance;
        string numbers = string.Create(CultureInfo.InvariantCulture,
            $"{s.Candidate} − {s.Reference} = {s.MeanDifference:+0.0000;-0.0000;0.0000} mean {s.Metric} over {s.NumPairs} paired splits; corrected t-test p = {P(s.PValue)}, Wilcoxon p = {P(s.WilcoxonPValue)}, Cohen's d = {D(s.EffectSize)}");
        string level = alpha.ToString("0.###", CultureInfo.InvariantCulture);
        if (s.CandidateSignificantlyBetter(alpha))
            return new BenchmarkVerdict(true, s.Candidate,
                $"quantum advantage: {s.Candidate} beats the best classical baseline {s.Reference} (p < {level}); check the no-entanglement twin and the geometric difference before relying on it",
                numbers + ".");
        // Error metrics keep their units (lower is better), so "better" is worded as a lower error, not a higher score.
        string why = s.CandidateSignificantlyWorse(alpha) ? $"{s.Candidate} is significantly worse"
            : s.CandidateBetterOnAverage ? (s.HigherIsBetter ? $"{s.Candidate} scores higher on average, but not significantly (p ≥ {level})"
                : $"{s.Candidate} has a lower {s.Metric} on average, but not significantly (p ≥ {level})")
            : s.HigherIsBetter ? $"{s.Candidate} does not score higher" : $"{s.Candidate} does not have a lower {s.Metric}";
        return new BenchmarkVerdict(false, s.Reference, $"no significant quantum advantage; use {s.Reference}", $"{why}: {numbers}.");
    }

    private static string P(double p) => p < 1e-4 ? p.ToString("0.0e+0", CultureInfo.InvariantCulture) : p.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string D(double d) => double.IsInfinity(d) ? (d > 0 ? "+∞" : "−∞") : d.ToString("0.00", CultureInfo.InvariantCulture);
}
