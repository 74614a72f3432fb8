namespace Hanzo.Qml.Classical.Statistics;

/// <summary>Result of <see cref="CorrectedResampledTTest"/>.</summary>
/// <param name="Count">Number of paired scores J (folds × repeats).</param>
/// <param name="MeanDifference">Mean of the differences a − b (positive: a scores higher).</param>
/// <param name="StandardDeviation">Sample standard deviation of the differences (denominator J − 1).</param>
/// <param name="TStatistic">The corrected t statistic.</param>
/// <param name="DegreesOfFreedom">J − 1.</param>
/// <param name="PValue">Two-sided p-value from Student's t with J − 1 degrees of freedom.</param>
/// <param name="TestTrainRatio">n_test / n_train, the correction term.</param>
public sealed record CorrectedTTestResult(int Count, double MeanDifference, double StandardDeviation, double TStatistic,
    int DegreesOfFreedom, double PValue, double TestTrainRatio);

/// <summary>
/// The corrected resampled t-test of Nadeau and Bengio (Machine Learning 52, 239–281, 2003) for comparing two models
/// on the same J train/test resamples (e.g. 5 × 5 repeated cross-validation).
/// </summary>
/// <remarks>
/// <para>The plain paired t-test treats the J score differences as independent, but resamples share most of their
/// training data, so the differences are positively correlated and the plain test's variance 1/J·σ² is far too small:
/// it declares differences significant far too often. Nadeau and Bengio replace 1/J by 1/J + n_test/n_train:
/// t = d̄ / √((1/J + n_test/n_train)·s²), compared with Student's t on J − 1 degrees of freedom. For k-fold,
/// n_test/n_train = 1/(k − 1).</para>
/// <para>When every difference is equal (s = 0) the statistic is undefined: a zero mean gives t = 0 and p = 1, a
/// non-zero mean gives t = ±∞ and p = 0 (the two models differ by a constant on every resample).</para>
/// </remarks>
public static class CorrectedResampledTTest
{
    /// <summary>Tests paired scores <paramref name="scoresA"/>[j] and <paramref name="scoresB"/>[j] from resample j.</summary>
    /// <param name="scoresA">Scores of model A, one per resample.</param>
    /// <param name="scoresB">Scores of model B on the same resamples.</param>
    /// <param name="trainSize">Training rows per resample (the mean if they vary).</param>
    /// <param name="testSize">Test rows per resample (the mean if they vary).</param>
    /// <exception cref="ArgumentException">When the lists differ in length, have fewer than two pairs, or sizes are not positive.</exception>
    public static CorrectedTTestResult Test(IReadOnlyList<double> scoresA, IReadOnlyList<double> scoresB, double trainSize, double testSize)
    {
        ArgumentNullException.ThrowIfNull(scoresA);
        ArgumentNullException.ThrowIfNull(scoresB);
        if (scoresA.Count != scoresB.Count) throw new ArgumentException($"{scoresA.Count} scores for A but {scoresB.Count} for B; the scores must be paired.", nameof(scoresB));
        return TestDifferences([.. scoresA.Select((a, j) => a - scoresB[j])], trainSize, testSize);
    }

    /// <summary>Tests paired differences a − b directly.</summary>
    /// <exception cref="ArgumentException">When there are fewer than two differences, one is not finite, or sizes are not positive.</exception>
    public static CorrectedTTestResult TestDifferences(IReadOnlyList<double> differences, double trainSize, double testSize)
    {
        ArgumentNullException.ThrowIfNull(differences);
        int j = differences.Count;
        if (j < 2) throw new ArgumentException($"The test needs at least two paired scores; got {j}.", nameof(differences));
        if (!(trainSize > 0) || !(testSize > 0) || !double.IsFinite(trainSize) || !double.IsFinite(testSize))
            throw new ArgumentOutOfRangeException(nameof(trainSize), $"Train and test sizes must be positive; got {trainSize} and {testSize}.");
        foreach (double d in differences)
            if (!double.IsFinite(d)) throw new ArgumentException("A score difference is not finite.", nameof(differences));
        double mean = differences.Average();
        double ss = 0.0;
        foreach (double d in differences) ss += (d - mean) * (d - mean);
        double variance = ss / (j - 1);
        double ratio = testSize / trainSize;
        double t, p;
        if (variance <= 1e-28 * Math.Max(1.0, mean * mean))
        {
            t = mean == 0 ? 0.0 : mean > 0 ? double.PositiveInfinity : double.NegativeInfinity;
            p = mean == 0 ? 1.0 : 0.0;
        }
        else
        {
            t = mean / Math.Sqrt((1.0 / j + ratio) * variance);
            p = StudentT.TwoSidedPValue(t, j - 1);
        }
        return new CorrectedTTestResult(j, mean, Math.Sqrt(variance), t, j - 1, p, ratio);
    }
}
