namespace Hanzo.Qml.Cli.Tests;

/// <summary><c>hanzo-qml hpo</c>: the YAML config, the three searches end to end, and the input errors.</summary>
public sealed class HpoCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hanzo-qml-hpo-tests-" + Guid.NewGuid().ToString("N"));

    public HpoCommandTests() => Directory.CreateDirectory(_dir);

    private string Yaml(string text)
    {
        string path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private const string Example = """
        model: rbf_svm
        dataset: breast_cancer
        metric: accuracy
        search_space:
          C: [0.1, 1, 10, 100]
          gamma: [0.001, 0.01, 0.1, 1]
        budget: 6
        seed: 3
        """;

    [Fact]
    public void AllThreeMethodsRunOnBreastCancerAndReportJson()
    {
        var outcome = CliHarness.Run("hpo", "--config", Yaml(Example), "--method", "all", "--json");
        var json = outcome.Json;
        var methods = json.GetProperty("methods");
        Assert.Equal(["qaoa", "random", "tpe"], methods.EnumerateObject().Select(p => p.Name));
        foreach (var m in methods.EnumerateObject())
        {
            var r = m.Value;
            Assert.Equal(6, r.GetProperty("evaluations").GetInt32());
            Assert.Equal(6, r.GetProperty("history").GetArrayLength());
            var curve = r.GetProperty("best_so_far").EnumerateArray().Select(v => v.GetDouble()).ToList();
            Assert.Equal(6, curve.Count);
            Assert.Equal(curve[^1], r.GetProperty("best_value").GetDouble());
            Assert.InRange(r.GetProperty("best_value").GetDouble(), 0, 0.2);
            var best = r.GetProperty("best_config");
            Assert.Contains(best.GetProperty("C").GetDouble(), new[] { 0.1, 1, 10, 100 });
            Assert.Contains(best.GetProperty("gamma").GetDouble(), new[] { 0.001, 0.01, 0.1, 1 });
        }
        Assert.Contains(json.GetProperty("winner").GetString(), new[] { "qaoa", "random", "tpe", "tie" });
        string summary = json.GetProperty("summary").GetString()!;
        Assert.NotEmpty(summary);
        if (json.GetProperty("winner").GetString() != "qaoa") Assert.Contains("QAOA did not win", summary, StringComparison.Ordinal);
        Assert.Contains("hpo: qaoa 6/6", outcome.Stderr, StringComparison.Ordinal); // progress on stderr
        // Same seed, same answer.
        Assert.Equal(outcome.Stdout.Split("\"wall_time_s\"")[0], CliHarness.Run("hpo", "--config", Yaml(Example), "--json").Stdout.Split("\"wall_time_s\"")[0]);
    }

    [Fact]
    public void OneMethodWithTextOutput()
    {
        var outcome = CliHarness.Run("hpo", "--config", Yaml(Example), "--method", "tpe", "--budget", "3");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("tpe", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("winner: tpe", outcome.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("qaoa", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsAUsageError()
    {
        string line = CliHarness.Run("hpo", "--config", Path.Combine(_dir, "nope.yaml")).AssertError();
        Assert.Contains("file not found", line, StringComparison.Ordinal);
    }

    [Fact]
    public void BadYamlSaysWhereItBroke()
    {
        string line = CliHarness.Run("hpo", "--config", Yaml("model: rbf_svm\nsearch_space: {C: [1, 10\n")).AssertError();
        Assert.Contains("not valid YAML", line, StringComparison.Ordinal);
        Assert.Contains("line", line, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownModelIsNamed()
    {
        string line = CliHarness.Run("hpo", "--config", Yaml(Example.Replace("rbf_svm", "random_forest", StringComparison.Ordinal))).AssertError();
        Assert.Contains("Unknown model 'random_forest'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownHyperparameterIsNamed()
    {
        string line = CliHarness.Run("hpo", "--config", Yaml(Example.Replace("gamma:", "depth:", StringComparison.Ordinal))).AssertError();
        Assert.Contains("no hyperparameter 'depth'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void SpaceLargerThanNQubitsIsRefused()
    {
        string line = CliHarness.Run("hpo", "--config", Yaml(Example), "--n-qubits", "6").AssertError();
        Assert.Contains("needs 8 qubits", line, StringComparison.Ordinal);
        Assert.Contains("--n-qubits is 6", line, StringComparison.Ordinal);
        // Random search and TPE do not use qubits, so the cap does not apply to them.
        Assert.Equal(0, CliHarness.Run("hpo", "--config", Yaml(Example), "--n-qubits", "6", "--method", "random", "--budget", "2").ExitCode);
    }

    [Fact]
    public void UnknownMethodIsAUsageError()
    {
        string line = CliHarness.Run("hpo", "--config", Yaml(Example), "--method", "bayes").AssertError();
        Assert.Contains("unknown --method 'bayes'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedExampleParses()
    {
        // Budget 1 keeps this fast; it proves the example's keys and values are accepted.
        string example = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "examples", "hpo_breast_cancer.yaml");
        var outcome = CliHarness.Run("hpo", "--config", example, "--method", "random", "--budget", "1", "--json");
        Assert.Equal(1, outcome.Json.GetProperty("methods").GetProperty("random").GetProperty("evaluations").GetInt32());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
