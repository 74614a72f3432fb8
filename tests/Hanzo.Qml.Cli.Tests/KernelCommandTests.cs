using System.Globalization;
using System.Text.Json;

namespace Hanzo.Qml.Cli.Tests;

/// <summary><c>hanzo-qml kernel</c> reproduces PennyLane's kernels.json with the features used as given.</summary>
public sealed class KernelCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hanzo-qml-kernel-" + Guid.NewGuid().ToString("N"));

    public KernelCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static JsonElement Reference()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "kernels.json")));
        return doc.RootElement.Clone();
    }

    private string WriteCsv(JsonElement rows, bool withLabel)
    {
        var path = Path.Combine(_dir, $"x{(withLabel ? "l" : "")}.csv");
        var lines = new List<string> { "x0,x1,x2,x3" + (withLabel ? ",label" : "") };
        int i = 0;
        foreach (var r in rows.EnumerateArray())
            lines.Add(string.Join(",", r.EnumerateArray().Select(v => v.GetDouble().ToString("R", CultureInfo.InvariantCulture))) + (withLabel ? $",{i++ % 2}" : ""));
        File.WriteAllLines(path, lines);
        return path;
    }

    [Theory]
    [InlineData("IQPEmbedding", "iqp", false)]
    [InlineData("AngleEmbedding", "angle", true)]
    [InlineData("ZZFeatureMap", "zz", false)]
    public void TrainingMatrixMatchesPennyLane(string reference, string encoding, bool withLabel)
    {
        var r = Reference();
        var csv = WriteCsv(r.GetProperty("X_train"), withLabel);
        var outcome = CliHarness.Run("kernel", "--dataset", csv, "--encoding", encoding, "--n-qubits", "4", "--reps", "2", "--no-scale", "--json");
        var json = outcome.Json;
        var expected = r.GetProperty("kernels").GetProperty(reference).GetProperty("K_train");
        Assert.Equal(12, json.GetProperty("n").GetInt32());
        var rows = json.GetProperty("matrix").EnumerateArray().ToArray();
        Assert.Equal(12, rows.Length);
        var expectedRows = expected.EnumerateArray().ToArray();
        for (int i = 0; i < 12; i++)
        {
            var got = rows[i].EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var want = expectedRows[i].EnumerateArray().Select(v => v.GetDouble()).ToArray();
            for (int j = 0; j < 12; j++) Assert.True(Math.Abs(got[j] - want[j]) < 1e-10, $"K[{i},{j}] = {got[j]}, PennyLane {want[j]}");
        }
    }

    [Fact]
    public void BadInputGivesOneLineErrors()
    {
        var r = Reference();
        var csv = WriteCsv(r.GetProperty("X_train"), false);
        Assert.Contains("allowed names", CliHarness.Run("kernel", "--dataset", csv, "--encoding", "nope", "--n-qubits", "4", "--json").AssertError());
        Assert.Contains("features", CliHarness.Run("kernel", "--dataset", csv, "--encoding", "iqp", "--n-qubits", "6", "--no-scale", "--json").AssertError());
        Assert.Contains("not found", CliHarness.Run("kernel", "--dataset", Path.Combine(_dir, "missing.csv"), "--encoding", "iqp", "--n-qubits", "4").AssertError());
        Assert.Contains("fidelity", CliHarness.Run("kernel", "--dataset", csv, "--encoding", "iqp", "--n-qubits", "4", "--kernel", "x").AssertError());
    }

    [Fact]
    public void BuiltInDatasetIsScaledAndReducedToTheQubits()
    {
        var json = CliHarness.Run("kernel", "--dataset", "iris", "--encoding", "iqp", "--n-qubits", "2", "--json").Json;
        Assert.Equal(150, json.GetProperty("n").GetInt32());
        var first = json.GetProperty("matrix")[0].EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(1.0, first[0], 12);
        Assert.All(first, v => Assert.InRange(v, 0.0, 1.0 + 1e-12));
    }
}
