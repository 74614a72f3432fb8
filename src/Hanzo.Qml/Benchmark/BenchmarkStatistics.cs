using Hanzo.Qml.Classical.Statistics;

namespace Hanzo.Qml.Benchmark;

/// <summary>
/// The statistics layer of the benchmark: a paired comparison of two models' per-split scores. Public so the
/// procedure can be checked on its own (for instance on null problems, where it must rarely claim a difference).
/// </summary>
/// <remarks>
/// <para>Primary: the Nadeau–Bengio corrected resampled t-test. Cross-validation splits share most of their training
/// rows, so the per-split differences are positively correlated; the plain paired t-test ignores that and claims far
/// too many differences. The correction inflates the variance by n_test/n_train.</para>
/// <para>Secondary: the Wilcoxon signed-rank test on the same pairs, and paired Cohen's d as the effect size. Wilcoxon
/// has no such correction, so on repeated cross-validation it is reported for information only; it never decides.</para>
/// </remarks>
public static class BenchmarkStatistics
{
    /// <summary>Compares <paramref name="candidate"/> with <paramref name="reference"/>, score j of each from split j.</summary>
    /// <param name="candidateName">Name of the candidate model (for the report).</param>
    /// <param name="candidate">Its per-split scores.</param>
    /// <param name="referenceName">Name of the reference model.</param>
    /// <param name="reference">Its scores on the same splits.</param>
    /// <param name="trainSize">Mean training rows per split.</param>
    /// <param name="testSize">Mean test rows per split.</param>
    /// <param name="metric">Name of the metric compared.</param>
    /// <param name="higherIsBetter">False for error metrics (MSE, MAE); see <see cref="SignificanceResult.HigherIsBetter"/>.</param>
    /// <exception cref="ArgumentException">When the score lists differ in length, have fewer than two pairs, or hold a non-finite value.</exception>
    public static SignificanceResult Compare(string candidateName, IReadOnlyList<double> candidate, string referenceName, IReadOnlyList<double> reference,
        double trainSize, double testSize, string metric = "accuracy", bool higherIsBetter = true)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        var t = CorrectedResampledTTest.Test(candidate, reference, trainSize, testSize);
        var w = WilcoxonSignedRankTest.Test(candidate, reference);
        double d = EffectSize.CohensDPaired(candidate, reference);
        string method = w.Method switch
        {
            Classical.Statistics.WilcoxonMethod.Exact => "exact",
            Classical.Statistics.WilcoxonMethod.NormalApproximation => "normal_approximation",
            _ => "no_differences",
        };
        return new SignificanceResult(candidateName, referenceName, metric, t.Count, t.MeanDifference, t.PValue, t.TStatistic,
            t.DegreesOfFreedom, t.TestTrainRatio, w.PValue, method, d, higherIsBetter);
    }
}
