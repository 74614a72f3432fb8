namespace Hanzo.Qml.Cli.Tests;

public sealed class QaoaCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hanzo-qml-qaoa-" + Guid.NewGuid().ToString("N"));

    public QaoaCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SolvesAWeightedEdgeListAndReportsTheContract()
    {
        var path = Path.Combine(_dir, "g.txt");
        File.WriteAllText(path, "# a triangle with a tail\n0 1\n1 2 2.0\n2 0\n2 3\n");
        var json = CliHarness.Run("qaoa", "--graph", path, "--p", "2", "--seed", "3", "--json").Json;
        string bits = json.GetProperty("bitstring").GetString()!;
        Assert.Equal(4, bits.Length);
        // Character i is node i: recompute the cut of the reported bitstring by hand.
        (int u, int v, double w)[] edges = [(0, 1, 1), (1, 2, 2), (2, 0, 1), (2, 3, 1)];
        double cut = edges.Where(e => bits[e.u] != bits[e.v]).Sum(e => e.w);
        Assert.Equal(cut, json.GetProperty("cut").GetDouble());
        Assert.Equal(-cut, json.GetProperty("cost").GetDouble());
        Assert.Equal(4.0, json.GetProperty("max_cut").GetDouble());
        double ratio = json.GetProperty("approximation_ratio").GetDouble();
        Assert.InRange(ratio, 0.8, 1.0);
        Assert.Equal(-json.GetProperty("expected_cut").GetDouble(), json.GetProperty("expectation").GetDouble());
        Assert.Equal(ratio, json.GetProperty("expected_cut").GetDouble() / 4.0, 12);
        Assert.True(json.GetProperty("history").GetArrayLength() > 0);
        Assert.Equal(2, json.GetProperty("angles").GetProperty("gamma").GetArrayLength());
    }

    [Fact]
    public void RandomGraphsAreSeededAndRepeatable()
    {
        var a = CliHarness.Run("qaoa", "--graph", "random:10:3", "--p", "1", "--seed", "4", "--json").Stdout;
        var b = CliHarness.Run("qaoa", "--graph", "random:10:3", "--p", "1", "--seed", "4", "--json").Stdout;
        Assert.Equal(a, b);
        foreach (var opt in new[] { "nelder-mead", "spsa", "adam" })
            Assert.Equal(0, CliHarness.Run("qaoa", "--graph", "random:8:3", "--optimizer", opt, "--max-iter", "20", "--json").ExitCode);
    }

    [Fact]
    public void BadInputGivesOneLineErrors()
    {
        Assert.Contains("odd", CliHarness.Run("qaoa", "--graph", "random:5:3").AssertError());
        Assert.Contains("random:N:D", CliHarness.Run("qaoa", "--graph", "random:x").AssertError());
        Assert.Contains("not found", CliHarness.Run("qaoa", "--graph", Path.Combine(_dir, "none.txt")).AssertError());
        Assert.Contains("allowed", CliHarness.Run("qaoa", "--graph", "random:6:3", "--optimizer", "bfgs").AssertError());
        Assert.Contains("--p", CliHarness.Run("qaoa", "--graph", "random:6:3", "--p", "0").AssertError());
        var bad = Path.Combine(_dir, "bad.txt");
        File.WriteAllText(bad, "0 1\n1 x\n");
        Assert.Contains("2", CliHarness.Run("qaoa", "--graph", bad).AssertError());
    }
}
