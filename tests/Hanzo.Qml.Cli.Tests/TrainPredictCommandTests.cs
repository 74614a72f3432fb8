using System.Globalization;

namespace Hanzo.Qml.Cli.Tests;

public sealed class TrainPredictCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hanzo-qml-train-" + Guid.NewGuid().ToString("N"));

    public TrainPredictCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void VqcTrainsSavesAndPredictsInFileOrderWithTheFilesLabels()
    {
        var csv = Path.Combine(_dir, "two.csv");
        var lines = new List<string> { "a,b,label" };
        var rng = new Random(3);
        for (int i = 0; i < 40; i++)
        {
            double a = rng.NextDouble(), b = rng.NextDouble();
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{a},{b},{(a > 0.5 ? "yes" : "no")}"));
        }
        File.WriteAllLines(csv, lines);
        var model = Path.Combine(_dir, "m.json");
        var train = CliHarness.Run("train", "vqc", "--dataset", csv, "--n-qubits", "2", "--n-layers", "2", "--epochs", "25", "--seed", "2", "--out", model, "--json").Json;
        Assert.Equal(model, train.GetProperty("model").GetString());
        var history = train.GetProperty("history").EnumerateArray().ToArray();
        Assert.Equal(25, history.Length);
        Assert.Equal(1, history[0].GetProperty("epoch").GetInt32());
        Assert.True(history[^1].GetProperty("loss").GetDouble() < history[0].GetProperty("loss").GetDouble());
        Assert.Equal("accuracy", train.GetProperty("final").GetProperty("metric_name").GetString());
        Assert.True(File.Exists(model));

        var predictions = CliHarness.Run("predict", "--model", model, "--dataset", csv, "--json").Json.GetProperty("predictions").EnumerateArray().Select(p => p.GetString()!).ToArray();
        Assert.Equal(40, predictions.Length);
        Assert.All(predictions, p => Assert.Contains(p, new[] { "yes", "no" }));
        double accuracy = predictions.Zip(lines.Skip(1), (p, l) => l.EndsWith(p, StringComparison.Ordinal) ? 1.0 : 0.0).Average();
        Assert.True(accuracy >= 0.8, $"accuracy {accuracy}");
        // Same seed, same model file.
        var model2 = Path.Combine(_dir, "m2.json");
        CliHarness.Run("train", "vqc", "--dataset", csv, "--n-qubits", "2", "--n-layers", "2", "--epochs", "25", "--seed", "2", "--out", model2, "--json");
        Assert.Equal(File.ReadAllText(model), File.ReadAllText(model2));
    }

    [Fact]
    public void VqrPredictsNumbers()
    {
        var csv = Path.Combine(_dir, "sine.csv");
        var lines = new List<string> { "x,target" };
        for (int i = 0; i < 30; i++) lines.Add(string.Create(CultureInfo.InvariantCulture, $"{i / 29.0 * 3},{Math.Sin(i / 29.0 * 3)}"));
        File.WriteAllLines(csv, lines);
        var model = Path.Combine(_dir, "r.json");
        Assert.Equal(0, CliHarness.Run("train", "vqr", "--dataset", csv, "--n-qubits", "1", "--n-layers", "2", "--epochs", "5", "--out", model, "--json").ExitCode);
        var p = CliHarness.Run("predict", "--model", model, "--dataset", csv, "--json").Json.GetProperty("predictions");
        Assert.Equal(30, p.GetArrayLength());
        Assert.All(p.EnumerateArray(), v => Assert.True(double.IsFinite(v.GetDouble())));
    }

    [Fact]
    public void ClassicalPretrainingLowersTheFirstEpochLossOfAHybridModel()
    {
        double FirstLoss(params string[] extra)
        {
            var args = new[] { "train", "vqc", "--dataset", "wine", "--n-qubits", "4", "--epochs", "1", "--seed", "1", "--out", Path.Combine(_dir, "w.json"), "--json" }.Concat(extra).ToArray();
            return CliHarness.Run(args).Json.GetProperty("history")[0].GetProperty("loss").GetDouble();
        }
        Assert.True(FirstLoss("--pretrain-epochs", "20") < FirstLoss());
        Assert.Contains("hybrid", CliHarness.Run("train", "vqc", "--dataset", "iris", "--encoding", "angle", "--pretrain-epochs", "5", "--out", Path.Combine(_dir, "x.json")).AssertError());
    }

    [Fact]
    public void BadInputGivesOneLineErrors()
    {
        var model = Path.Combine(_dir, "m.json");
        Assert.Contains("train vqc", CliHarness.Run("train", "vqr", "--dataset", "iris", "--out", model).AssertError());
        Assert.Contains("allowed: vqc, vqr", CliHarness.Run("train", "svm", "--dataset", "iris", "--out", model).AssertError());
        Assert.Contains("allowed", CliHarness.Run("train", "vqc", "--dataset", "iris", "--optimizer", "lbfgs", "--out", model).AssertError());
        Assert.Contains("statevector", CliHarness.Run("train", "vqc", "--dataset", "iris", "--backend", "ibm", "--out", model).AssertError());
        Assert.Contains("not found", CliHarness.Run("predict", "--model", Path.Combine(_dir, "none.json"), "--dataset", "x.csv").AssertError());
        var notModel = Path.Combine(_dir, "n.json");
        File.WriteAllText(notModel, "{\"format\": \"other\"}");
        var csv = Path.Combine(_dir, "f.csv");
        File.WriteAllLines(csv, ["a,b", "1,2"]);
        Assert.Contains("not a saved", CliHarness.Run("predict", "--model", notModel, "--dataset", csv).AssertError());
    }
}
