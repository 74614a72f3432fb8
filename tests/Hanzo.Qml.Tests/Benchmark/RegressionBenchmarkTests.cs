using System.Text.Json;
using Hanzo.Qml.Benchmark;
using Hanzo.Qml.Classical.Metrics;
using Hanzo.Qml.Data;

namespace Hanzo.Qml.Tests.Benchmark;

/// <summary>The regression path of the benchmark: runner end to end, metric names and the lower-is-better verdict.</summary>
public class RegressionBenchmarkTests
{
    // A noisy 1-D sine with a second, irrelevant feature: 60 rows keep every model (the VQR included) fast.
    private static Dataset NoisySine()
    {
        var rng = new SeededRandom(11);
        var x = new double[60][];
        var y = new double[60];
        for (int i = 0; i < x.Length; i++)
        {
            double t = rng.NextDouble(-3, 3);
            x[i] = [t, rng.NextDouble(-1, 1)];
            y[i] = Math.Sin(t) + 0.1 * rng.NextDouble(-1, 1);
        }
        return Dataset.ForRegression("noisy_sine", x, y);
    }

    [Theory]
    [InlineData(RegressionMetric.R2)]
    [InlineData(RegressionMetric.NegativeMse)]
    public void RunnerRunsEndToEndOnThreeByTwoFolds(RegressionMetric metric)
    {
        var options = new RegressionBenchmarkOptions
        {
            Dataset = NoisySine(), NumQubits = 2, Folds = 3, Repeats = 2, Seed = 4, PrimaryMetric = metric, Baselines = ["linear", "mlp", "xgboost", "rbf_svr"],
        };
        var report = BenchmarkRunner.RunRegression(options);
        Assert.Equal(6, report.Splits.Count);
        Assert.Equal(["vqr", "linear", "mlp", "xgboost", "rbf_svr"], report.Models.Select(m => m.Name));
        Assert.All(report.Models, m => Assert.Equal(6, m.Splits.Count));
        // The sine is non-linear: the RBF-SVR must beat the straight line, and the best baseline must be the extreme on the metric.
        Assert.True(report.Model("rbf_svr").R2.Mean > report.Model("linear").R2.Mean);
        var means = report.Models.Skip(1).Select(m => m.Summary(metric).Mean).ToArray();
        Assert.Equal(metric == RegressionMetric.R2 ? means.Max() : means.Min(), report.Model(report.BestClassical).Summary(metric).Mean);
        Assert.Equal(metric == RegressionMetric.R2, report.Significance.HigherIsBetter);
        Assert.Equal(report.Verdict.QuantumAdvantage ? "vqr" : report.BestClassical, report.Verdict.RecommendedModel);

        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        Assert.Equal("regression", root.GetProperty("task").GetString());
        Assert.Equal(RegressionBenchmarkOptions.MetricName(metric), root.GetProperty("primary_metric").GetString());
        Assert.Equal(6, root.GetProperty("models").GetProperty("vqr").GetProperty("per_split").GetProperty("mae").GetArrayLength());
        Assert.Equal(metric == RegressionMetric.R2, root.GetProperty("significance").GetProperty("higher_is_better").GetBoolean());
        Assert.Contains("rbf_svr", report.ToMarkdown());
        Assert.Contains("| quantum |", report.ToMarkdown());
    }

    [Fact]
    public void RunnerIsRepeatableAndRefusesClassificationData()
    {
        var o = new RegressionBenchmarkOptions { Dataset = NoisySine(), NumQubits = 1, Folds = 3, Repeats = 1, Baselines = ["linear"] };
        var a = BenchmarkRunner.RunRegression(o);
        var b = BenchmarkRunner.RunRegression(o);
        Assert.Equal(a.Model("vqr").Scores(RegressionMetric.NegativeMse), b.Model("vqr").Scores(RegressionMetric.NegativeMse));
        Assert.Throws<ArgumentException>(() => BenchmarkRunner.RunRegression(o with { Dataset = BuiltInDatasets.Load("iris") }));
        Assert.Throws<ArgumentException>(() => BenchmarkRunner.RunRegression(o with { Baselines = ["rbf_svm"] }));
    }

    // 25 splits of 5-fold CV on 100 rows: 80 train, 20 test.
    private static SignificanceResult CompareErrors(double[] quantum, double[] classical) =>
        BenchmarkStatistics.Compare("vqr", quantum, "xgboost", classical, 80, 20, "mse", higherIsBetter: false);

    private static double[] Noise(int seed, double center, double spread)
    {
        var rng = new SeededRandom(seed);
        return [.. Enumerable.Range(0, 25).Select(_ => center + spread * (rng.NextDouble() - 0.5))];
    }

    [Fact]
    public void ASignificantlyLowerErrorIsAnAdvantage()
    {
        var classical = Noise(1, 1.0, 0.04);
        var quantum = classical.Select((c, i) => c - 0.2 - 0.01 * (i % 3)).ToArray();
        var s = CompareErrors(quantum, classical);
        Assert.True(s.MeanDifference < 0 && s.PValue < 0.05);
        Assert.True(s.CandidateSignificantlyBetter(0.05));
        Assert.False(s.CandidateSignificantlyWorse(0.05));
        var v = BenchmarkVerdict.Decide(s, 0.05);
        Assert.True(v.QuantumAdvantage);
        Assert.Equal("vqr", v.RecommendedModel);
    }

    [Fact]
    public void ASignificantlyHigherErrorIsALossNotAnAdvantage()
    {
        var classical = Noise(1, 1.0, 0.04);
        var quantum = classical.Select((c, i) => c + 0.2 + 0.01 * (i % 3)).ToArray();
        var s = CompareErrors(quantum, classical);
        // The same numbers read as a score (higher is better) would be a significant win; as an error they are a loss.
        Assert.True(s.MeanDifference > 0 && s.PValue < 0.05);
        Assert.True(s.CandidateSignificantlyWorse(0.05));
        var v = BenchmarkVerdict.Decide(s, 0.05);
        Assert.False(v.QuantumAdvantage);
        Assert.Equal("no significant quantum advantage; use xgboost", v.Recommendation);
        Assert.Contains("significantly worse", v.Explanation);
        Assert.True(BenchmarkVerdict.Decide(s with { HigherIsBetter = true }, 0.05).QuantumAdvantage);
    }

    [Fact]
    public void ALowerErrorWithoutSignificanceIsNoAdvantageAndSaysLower()
    {
        var s = CompareErrors(Noise(3, 0.99, 0.2), Noise(2, 1.0, 0.2));
        Assert.True(s.PValue >= 0.05);
        var v = BenchmarkVerdict.Decide(s, 0.05);
        Assert.False(v.QuantumAdvantage);
        Assert.Contains(s.MeanDifference < 0 ? "lower mse on average, but not significantly" : "does not have a lower mse", v.Explanation);
    }

    [Fact]
    public void BestRegressorPicksTheLowestErrorAndTheHighestR2()
    {
        RegressionModelResult M(string name, double r2, double mse) => new(name, name, false, "", [new RegressionSplitResult(0, r2, mse, mse, 0, 0, null)]);
        var models = new[] { M("a", 0.5, 2.0), M("b", 0.7, 3.0), M("c", 0.6, 1.0) };
        Assert.Equal("b", BenchmarkRunner.BestRegressor(models, RegressionMetric.R2).Name);
        Assert.Equal("c", BenchmarkRunner.BestRegressor(models, RegressionMetric.NegativeMse).Name);
        Assert.Equal("c", BenchmarkRunner.BestRegressor(models, RegressionMetric.NegativeMae).Name);
    }

    [Fact]
    public void MetricNamesRoundTripAndTheRegistryKnowsTheRegressors()
    {
        foreach (var m in Enum.GetValues<RegressionMetric>())
            Assert.Equal(m, RegressionBenchmarkOptions.ParseMetric(RegressionBenchmarkOptions.MetricName(m)));
        Assert.Throws<ArgumentException>(() => RegressionBenchmarkOptions.ParseMetric("accuracy"));
        var registry = BenchmarkModelRegistry.Default;
        Assert.Equal(["linear", "mlp", "rbf_svr", "vqr", "xgboost"], registry.RegressorNames);
        Assert.Equal("linear", registry.GetRegressor("ridge").Name);
        var context = new BenchmarkModelContext(2, "angle", Hanzo.Qml.Encodings.EncodingOptions.Default, default, 0, 0);
        foreach (var name in registry.RegressorNames)
            Assert.Equal(BenchmarkModelRegistry.GridSize, registry.GetRegressor(name).Grid(context).Count);
        Assert.True(registry.GetRegressor("vqr").IsQuantum);
    }
}
