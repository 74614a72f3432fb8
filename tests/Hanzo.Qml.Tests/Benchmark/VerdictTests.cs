using Hanzo.Qml.Benchmark;

namespace Hanzo.Qml.Tests.Benchmark;

/// <summary>The honest-verdict policy on hand-made per-split scores.</summary>
public class VerdictTests
{
    // 25 splits of 5-fold CV on 100 rows: 80 train, 20 test.
    private static SignificanceResult Compare(double[] quantum, double[] classical) =>
        BenchmarkStatistics.Compare("qsvm", quantum, "rbf_svm", classical, 80, 20);

    private static double[] Noise(int seed, double center, double spread)
    {
        var rng = new Hanzo.Qml.Data.SeededRandom(seed);
        return [.. Enumerable.Range(0, 25).Select(_ => center + spread * (rng.NextDouble() - 0.5))];
    }

    [Fact]
    public void AClearWinIsAnAdvantage()
    {
        var classical = Noise(1, 0.80, 0.04);
        var quantum = classical.Select((c, i) => c + 0.10 + 0.01 * (i % 3)).ToArray();
        var s = Compare(quantum, classical);
        Assert.True(s.PValue < 0.05);
        var v = BenchmarkVerdict.Decide(s, 0.05);
        Assert.True(v.QuantumAdvantage);
        Assert.Equal("qsvm", v.RecommendedModel);
        Assert.StartsWith("quantum advantage: qsvm beats the best classical baseline rbf_svm", v.Recommendation);
    }

    [Fact]
    public void AHigherMeanWithoutSignificanceIsNoAdvantage()
    {
        var classical = Noise(2, 0.80, 0.10);
        var quantum = Noise(3, 0.81, 0.10);
        var s = Compare(quantum, classical);
        Assert.True(s.MeanDifference > 0);
        Assert.True(s.PValue >= 0.05, $"p = {s.PValue}");
        var v = BenchmarkVerdict.Decide(s, 0.05);
        Assert.False(v.QuantumAdvantage);
        Assert.Equal("no significant quantum advantage; use rbf_svm", v.Recommendation);
        Assert.Contains("not significantly", v.Explanation);
    }

    [Fact]
    public void ASignificantLossRecommendsTheBaseline()
    {
        var classical = Noise(4, 0.90, 0.02);
        var quantum = classical.Select(c => c - 0.2).Select((q, i) => q + 0.001 * i).ToArray();
        var v = BenchmarkVerdict.Decide(Compare(quantum, classical), 0.05);
        Assert.False(v.QuantumAdvantage);
        Assert.Equal("rbf_svm", v.RecommendedModel);
        Assert.Contains("significantly worse", v.Explanation);
    }

    [Fact]
    public void IdenticalScoresAreNoAdvantage()
    {
        var scores = Noise(5, 0.7, 0.1);
        var s = Compare(scores, scores);
        Assert.Equal(1.0, s.PValue);
        Assert.Equal(1.0, s.WilcoxonPValue);
        Assert.Equal("no_differences", s.WilcoxonMethod);
        Assert.Equal(0.0, s.EffectSize);
        Assert.False(BenchmarkVerdict.Decide(s, 0.05).QuantumAdvantage);
    }

    [Fact]
    public void AlphaIsHonoured()
    {
        var classical = Noise(6, 0.80, 0.06);
        var quantum = classical.Select((c, i) => c + 0.02 + 0.03 * ((i * 7) % 5 - 2) / 2.0).ToArray();
        var s = Compare(quantum, classical);
        Assert.InRange(s.PValue, 0.01, 0.2); // a borderline case: α decides
        Assert.Equal(s.PValue < 0.2, BenchmarkVerdict.Decide(s, 0.2).QuantumAdvantage);
        Assert.False(BenchmarkVerdict.Decide(s, 0.01).QuantumAdvantage);
        Assert.Throws<ArgumentOutOfRangeException>(() => BenchmarkVerdict.Decide(s, 0));
    }

    [Fact]
    public void FiveFoldWilcoxonCannotReachFivePercentButTheRepeatedDesignCan()
    {
        // Quantum better on every one of 5 folds: Wilcoxon's best possible two-sided p is 2/2⁵.
        double[] classical = [0.70, 0.72, 0.71, 0.69, 0.73];
        double[] quantum = [0.80, 0.84, 0.86, 0.88, 0.96]; // distinct differences: the exact test
        var five = BenchmarkStatistics.Compare("q", quantum, "c", classical, 80, 20);
        Assert.Equal(0.0625, five.WilcoxonPValue, 12);
        Assert.True(five.PValue < 0.05); // the corrected t-test is not bounded that way
        // 5 × 5 repeated folds with the same consistent win: both tests can now reach significance.
        var classical25 = Noise(9, 0.75, 0.04);
        var quantum25 = classical25.Select((c, i) => c + 0.1 + 0.002 * i).ToArray();
        var repeated = BenchmarkStatistics.Compare("q", quantum25, "c", classical25, 80, 20);
        Assert.True(repeated.WilcoxonPValue < 0.001);
        Assert.True(repeated.PValue < 0.05);
        Assert.Contains("2/32 = 0.0625", BenchmarkReport.StatisticsNoteFor(5, 5, 0.05));
        Assert.Contains("25 paired scores", BenchmarkReport.StatisticsNoteFor(5, 5, 0.05));
    }

    [Fact]
    public void TheCorrectedTestIsWiderThanTheNaiveOne()
    {
        var classical = Noise(7, 0.80, 0.05);
        var quantum = Noise(8, 0.82, 0.05);
        var s = Compare(quantum, classical);
        var d = quantum.Zip(classical, (a, b) => a - b).ToArray();
        double sd = Math.Sqrt(d.Sum(x => (x - d.Average()) * (x - d.Average())) / (d.Length - 1));
        double naiveT = d.Average() / (sd / Math.Sqrt(d.Length));
        Assert.True(Math.Abs(s.TStatistic) < Math.Abs(naiveT));
        Assert.Equal(naiveT / Math.Sqrt(1 + 25 * 0.25), s.TStatistic, 10);
    }
}
