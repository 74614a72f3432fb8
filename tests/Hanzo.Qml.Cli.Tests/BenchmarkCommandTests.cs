namespace Hanzo.Qml.Cli.Tests;

public sealed class BenchmarkCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hanzo-qml-bench-" + Guid.NewGuid().ToString("N"));

    public BenchmarkCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AdHocDataFavoursTheMatchingQuantumKernelAndWritesTheThreeReports()
    {
        var outcome = CliHarness.Run("benchmark", "--dataset", "adhoc", "--quantum-model", "qsvm", "--encoding", "zz", "--n-qubits", "2",
            "--folds", "5", "--repeats", "3", "--seed", "1", "--out", _dir, "--json");
        var json = outcome.Json;
        Assert.True(json.GetProperty("quantum_advantage").GetBoolean());
        var models = json.GetProperty("models");
        Assert.True(models.GetProperty("qsvm").GetProperty("accuracy").GetDouble() > models.GetProperty("rbf_svm").GetProperty("accuracy").GetDouble() + 0.2);
        foreach (var key in new[] { "significance", "recommendation", "best_classical", "splits", "held_out" })
            Assert.True(json.TryGetProperty(key, out _), $"missing {key}");
        foreach (var file in new[] { "report.json", "report.md", "report.html", "scores.png" })
            Assert.True(File.Exists(Path.Combine(_dir, file)), $"missing {file}");
        Assert.Contains("<img", File.ReadAllText(Path.Combine(_dir, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void IrisVerdictIsHonestAndNamesAClassicalModel()
    {
        var json = CliHarness.Run("benchmark", "--dataset", "iris", "--n-qubits", "4", "--folds", "3", "--repeats", "2", "--baselines", "rbf_svm,logreg", "--json").Json;
        Assert.False(json.GetProperty("quantum_advantage").GetBoolean());
        string rec = json.GetProperty("recommendation").GetString()!;
        Assert.Contains("no significant quantum advantage", rec, StringComparison.Ordinal);
        Assert.True(rec.Contains("rbf_svm", StringComparison.Ordinal) || rec.Contains("logreg", StringComparison.Ordinal));
        Assert.Equal(6, json.GetProperty("models").GetProperty("qsvm").GetProperty("per_split").GetProperty("accuracy").GetArrayLength());
    }

    [Fact]
    public void VqrOnSolubilityRegReportsRegressionMetricsAndAVerdict()
    {
        var json = CliHarness.Run("benchmark", "--dataset", "solubility_reg", "--quantum-model", "vqr", "--n-qubits", "2",
            "--folds", "3", "--repeats", "1", "--json").Json;
        Assert.Equal("regression", json.GetProperty("task").GetString());
        Assert.Equal("r2", json.GetProperty("primary_metric").GetString());
        var models = json.GetProperty("models");
        foreach (var name in new[] { "vqr", "linear", "mlp", "xgboost", "rbf_svr" })
            Assert.Equal(3, models.GetProperty(name).GetProperty("per_split").GetProperty("mse").GetArrayLength());
        Assert.Contains(json.GetProperty("best_classical").GetString(), new[] { "linear", "mlp", "xgboost", "rbf_svr" });
        Assert.False(json.GetProperty("quantum_advantage").GetBoolean());
        Assert.Equal(257, json.GetProperty("held_out").GetProperty("n_test").GetInt32());
        Assert.Contains("use " + json.GetProperty("best_classical").GetString(), json.GetProperty("recommendation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RegressionMetricMaeIsLowerIsBetterAndReportsAreWritten()
    {
        var json = CliHarness.Run("benchmark", "--dataset", "solubility_reg", "--n-qubits", "2", "--folds", "3", "--repeats", "1",
            "--baselines", "linear", "--metric", "mae", "--out", _dir, "--json").Json;
        Assert.Equal("mae", json.GetProperty("primary_metric").GetString());
        Assert.False(json.GetProperty("higher_is_better").GetBoolean());
        Assert.False(json.GetProperty("significance").GetProperty("higher_is_better").GetBoolean());
        Assert.True(File.Exists(Path.Combine(_dir, "report.md")));
        Assert.Contains("r2", CliHarness.Run("benchmark", "--dataset", "solubility_reg", "--metric", "accuracy").AssertError());
    }

    [Fact]
    public void BadInputGivesOneLineErrors()
    {
        Assert.Contains("fidelity", CliHarness.Run("benchmark", "--dataset", "iris", "--kernel", "x").AssertError());
        Assert.Contains("not found", CliHarness.Run("benchmark", "--dataset", Path.Combine(_dir, "none.csv")).AssertError());
        Assert.NotEmpty(CliHarness.Run("benchmark", "--dataset", "iris", "--baselines", "svm9").AssertError());
        Assert.NotEmpty(CliHarness.Run("benchmark", "--dataset", "iris", "--metric", "speed").AssertError());
    }
}
