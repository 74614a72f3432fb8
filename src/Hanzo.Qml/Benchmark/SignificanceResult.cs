namespace Hanzo.Qml.Benchmark;

/// <summary>The paired comparison of a candidate model with a reference model on the same splits.</summary>
/// <param name="Candidate">The model tested (the quantum model).</param>
/// <param name="Reference">The model compared with (the best classical baseline).</param>
/// <param name="Metric">The metric compared ("accuracy", "f1", "roc_auc").</param>
/// <param name="NumPairs">Paired scores J (folds × repeats).</param>
/// <param name="MeanDifference">Mean of candidate − reference (positive: the candidate scores higher).</param>
/// <param name="PValue">Two-sided p-value of the Nadeau–Bengio corrected resampled t-test: the primary test.</param>
/// <param name="TStatistic">Its t statistic.</param>
/// <param name="DegreesOfFreedom">J − 1.</param>
/// <param name="TestTrainRatio">n_test / n_train, the variance correction.</param>
/// <param name="WilcoxonPValue">Two-sided p-value of the Wilcoxon signed-rank test on the same pairs (secondary; see <see cref="BenchmarkReport.StatisticsNote"/>).</param>
/// <param name="WilcoxonMethod">"exact", "normal_approximation" or "no_differences".</param>
/// <param name="EffectSize">Paired Cohen's d (d_z = mean / sd of the differences); ±∞ when every difference is the same non-zero value.</param>
/// <param name="HigherIsBetter">
/// False for error metrics (MSE, MAE): the differences stay in the metric's own units, so a negative
/// <see cref="MeanDifference"/> is then the candidate doing better. Default true (accuracy, F1, ROC AUC, R²).
/// </param>
public sealed record SignificanceResult(string Candidate, string Reference, string Metric, int NumPairs, double MeanDifference,
    double PValue, double TStatistic, int DegreesOfFreedom, double TestTrainRatio, double WilcoxonPValue, string WilcoxonMethod, double EffectSize,
    bool HigherIsBetter = true)
{
    /// <summary>The name of the primary test in reports.</summary>
    public const string TestName = "nadeau_bengio_corrected_resampled_t_test";

    /// <summary>True when the candidate's mean is better (higher, or lower for an error metric) than the reference's.</summary>
    public bool CandidateBetterOnAverage => HigherIsBetter ? MeanDifference > 0 : MeanDifference < 0;

    /// <summary>True when the candidate's mean is worse (lower, or higher for an error metric) than the reference's.</summary>
    public bool CandidateWorseOnAverage => HigherIsBetter ? MeanDifference < 0 : MeanDifference > 0;

    /// <summary>True when the candidate is better on average and the corrected t-test rejects equality at <paramref name="alpha"/>.</summary>
    public bool CandidateSignificantlyBetter(double alpha) => CandidateBetterOnAverage && PValue < alpha;

    /// <summary>True when the candidate is worse on average and the corrected t-test rejects equality at <paramref name="alpha"/>.</summary>
    public bool CandidateSignificantlyWorse(double alpha) => CandidateWorseOnAverage && PValue < alpha;
}
