using Hanzo.Qml.Classical.Statistics;

namespace Hanzo.Qml.Tests.Classical;

public class StatisticsTests
{
    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(2.0, 1.0)]
    [InlineData(5.0, 24.0)]
    [InlineData(0.5, 1.7724538509055160)] // Γ(½) = √π
    [InlineData(10.5, 1133278.3889487855)]
    public void LogGammaMatchesKnownValues(double x, double gamma) =>
        Assert.Equal(Math.Log(gamma), SpecialFunctions.LogGamma(x), 12);

    [Fact]
    public void IncompleteBetaMatchesClosedForms()
    {
        Assert.Equal(0.6875, SpecialFunctions.RegularizedIncompleteBeta(2, 3, 0.5), 14);    // 11/16
        Assert.Equal(0.3, SpecialFunctions.RegularizedIncompleteBeta(1, 1, 0.3), 14);       // I_x(1,1) = x
        Assert.Equal(Math.Pow(0.4, 3.5), SpecialFunctions.RegularizedIncompleteBeta(3.5, 1, 0.4), 14); // I_x(a,1) = x^a
        Assert.Equal(1 - Math.Pow(0.6, 2.5), SpecialFunctions.RegularizedIncompleteBeta(1, 2.5, 0.4), 14);
        Assert.Equal(0.0, SpecialFunctions.RegularizedIncompleteBeta(2, 2, 0));
        Assert.Equal(1.0, SpecialFunctions.RegularizedIncompleteBeta(2, 2, 1));
    }

    [Theory]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(3.0, 2.2090496998585438e-05)]
    [InlineData(-1.0, 1.842700792949715)]
    public void ErfcMatchesPython(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.Erfc(x), Math.Abs(expected) * 1e-13);

    [Fact]
    public void StudentTMatchesKnownPValuesAndQuantiles()
    {
        // 2·P(T > 2) for ν = 10 = 0.0733880347707403656…, from the closed form for even ν
        // (1 − sin θ·Σ_{k<ν/2} (2k−1)!!/(2k)!!·cos^{2k} θ, θ = atan(t/√ν)) in 40-digit decimal arithmetic.
        Assert.Equal(0.0733880347707403656, StudentT.TwoSidedPValue(2.0, 10), 14);
        Assert.Equal(0.0733880347707403656, StudentT.TwoSidedPValue(-2.0, 10), 14);
        // t_{0.975, 10} = 2.228138851986274: two-sided p = 0.05.
        Assert.Equal(0.05, StudentT.TwoSidedPValue(2.228138851986274, 10), 12);
        Assert.Equal(2.228138851986274, StudentT.InverseCdf(0.975, 10), 10);
        Assert.Equal(4.032142983557536, StudentT.InverseCdf(0.995, 5), 9);
        Assert.Equal(0.75, StudentT.Cdf(1.0, 1), 14); // Cauchy
        Assert.Equal(0.5, StudentT.Cdf(0.0, 3), 15);
        Assert.Equal(1.0, StudentT.TwoSidedPValue(0.0, 7), 15);
        Assert.Equal(0.0, StudentT.TwoSidedPValue(double.PositiveInfinity, 7));
        Assert.Equal(0.05, StandardNormal.TwoSidedPValue(1.959963984540054), 12);
    }

    [Fact]
    public void CorrectedResampledTTestMatchesAHandComputation()
    {
        // d = 10 differences from 5-fold CV repeated twice: mean 0.014, s² = 1.6e-4, n_test/n_train = 1/4,
        // t = 0.014 / √((1/10 + 1/4)·1.6e-4) = 1.870828693…, df 9, p = 0.0941740857915 (closed form for odd ν).
        double[] d = [0.02, 0.01, 0.03, -0.01, 0.02, 0.00, 0.01, 0.02, 0.03, 0.01];
        var r = CorrectedResampledTTest.TestDifferences(d, trainSize: 80, testSize: 20);
        Assert.Equal(0.014, r.MeanDifference, 14);
        Assert.Equal(Math.Sqrt(1.6e-4), r.StandardDeviation, 14);
        Assert.Equal(1.870828693386971, r.TStatistic, 12);
        Assert.Equal(9, r.DegreesOfFreedom);
        Assert.Equal(0.09417408579146236, r.PValue, 12);
        // The uncorrected paired t-test would have claimed p = 0.0067: the correction is what keeps it honest.
        Assert.True(r.PValue > 0.05);
        var fromScores = CorrectedResampledTTest.Test(d.Select(v => v + 0.8).ToArray(), d.Select(_ => 0.8).ToArray(), 80, 20);
        Assert.Equal(r.TStatistic, fromScores.TStatistic, 10);
    }

    [Fact]
    public void CorrectedTTestHandlesZeroVariance()
    {
        var same = CorrectedResampledTTest.TestDifferences([0.0, 0.0, 0.0], 4, 1);
        Assert.Equal(1.0, same.PValue);
        var constant = CorrectedResampledTTest.TestDifferences([0.1, 0.1, 0.1], 4, 1);
        Assert.Equal(0.0, constant.PValue);
        Assert.True(double.IsPositiveInfinity(constant.TStatistic));
        Assert.Throws<ArgumentException>(() => CorrectedResampledTTest.TestDifferences([0.1], 4, 1));
    }

    [Fact]
    public void WilcoxonOnFivePairsCanNeverReachFivePercent()
    {
        var r = WilcoxonSignedRankTest.Test([0.9, 0.91, 0.92, 0.93, 0.94], [0.8, 0.8, 0.8, 0.8, 0.8]);
        Assert.Equal(WilcoxonMethod.Exact, r.Method);
        Assert.Equal(0.0, r.Statistic);
        Assert.Equal(15.0, r.WPlus);
        Assert.Equal(0.0625, r.PValue, 15); // 2/2⁵: the best five pairs can do
        Assert.Equal(2.0 / 64, WilcoxonSignedRankTest.ExactTwoSided(6, 0), 15);
        Assert.Equal(2.0 / 1024, WilcoxonSignedRankTest.ExactTwoSided(10, 0), 15);
    }

    [Fact]
    public void WilcoxonExactMatchesScipyDocumentation()
    {
        // scipy.stats.wilcoxon docs (Fisher's data): statistic 24.0, p = 0.041259765625.
        double[] d = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];
        var r = WilcoxonSignedRankTest.TestDifferences(d);
        Assert.Equal(WilcoxonMethod.Exact, r.Method);
        Assert.Equal(24.0, r.Statistic);
        Assert.Equal(0.041259765625, r.PValue, 15);
    }

    [Fact]
    public void WilcoxonNormalApproximationWithCorrections()
    {
        // Same data, forced onto the approximation by a tie: |d| = 24 appears twice (ranks 6 and 7 → 6.5 each).
        double[] d = [6, 8, 14, 16, 23, 24, -24, 29, 41, -48, 49, 56, 60, -67, 75];
        var r = WilcoxonSignedRankTest.TestDifferences(d);
        Assert.Equal(WilcoxonMethod.NormalApproximation, r.Method);
        // W⁻ = 6.5 + 10 + 14 = 30.5, W⁺ = 89.5; var = 15·16·31/24 − (2³−2)/48 = 309.875;
        // z = (|89.5 − 60| − ½)/√309.875.
        Assert.Equal(30.5, r.Statistic);
        double z = 29.0 / Math.Sqrt(309.875);
        Assert.Equal(z, r.Z!.Value, 12);
        Assert.Equal(SpecialFunctions.Erfc(z / Math.Sqrt(2)), r.PValue, 14);

        // Untied data above the exact limit: Fisher's data is small, so check n = 30 against the formula directly.
        double[] big = [.. Enumerable.Range(1, 30).Select(i => i % 7 == 0 ? -(double)i : i)];
        var rb = WilcoxonSignedRankTest.TestDifferences(big);
        Assert.Equal(WilcoxonMethod.NormalApproximation, rb.Method);
        double wMinus = 7 + 14 + 21 + 28, wPlus = 465 - wMinus, mean = 30 * 31 / 4.0, sd = Math.Sqrt(30 * 31 * 61 / 24.0);
        Assert.Equal(wMinus, rb.WMinus);
        Assert.Equal(2 * (1 - StandardNormal.Cdf((wPlus - mean - 0.5) / sd)), rb.PValue, 12);
    }

    [Fact]
    public void WilcoxonDropsZeroDifferences()
    {
        var r = WilcoxonSignedRankTest.Test([0.8, 0.9, 0.7, 0.6], [0.8, 0.8, 0.8, 0.8]);
        Assert.Equal(1, r.Zeros);
        Assert.Equal(3, r.N);
        var none = WilcoxonSignedRankTest.Test([0.5, 0.5], [0.5, 0.5]);
        Assert.Equal(WilcoxonMethod.NoDifferences, none.Method);
        Assert.Equal(1.0, none.PValue);
    }

    [Fact]
    public void CohensDPairedIsMeanOverSdOfDifferences()
    {
        Assert.Equal(1.1616938969799135, EffectSize.CohensDPaired([0.9, 0.85, 0.8, 0.95, 0.9], [0.85, 0.8, 0.82, 0.9, 0.84]), 12);
        Assert.Equal(0.0, EffectSize.CohensDPaired([1, 2], [1, 2]));
        Assert.True(double.IsPositiveInfinity(EffectSize.CohensDPaired([2, 3], [1, 2])));
    }
}
