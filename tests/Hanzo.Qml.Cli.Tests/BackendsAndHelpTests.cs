using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Cli.Tests;

public sealed class BackendsAndHelpTests
{
    [Fact]
    public void Backends_list_json_reports_the_statevector_simulator()
    {
        var json = CliHarness.Run("backends", "list", "--json").Json;
        var backends = json.GetProperty("backends").EnumerateArray().ToArray();
        var sv = Assert.Single(backends);
        Assert.Equal("statevector", sv.GetProperty("name").GetString());
        Assert.Equal(StateVector.MaxQubits, sv.GetProperty("max_qubits").GetInt32());
        Assert.Equal(SimulatorOptions.Default.EffectiveMemoryBudget, sv.GetProperty("memory_budget_bytes").GetInt64());
        Assert.True(sv.GetProperty("memory_budget_gib").GetDouble() > 0);
        Assert.InRange(sv.GetProperty("max_qubits_in_budget").GetInt32(), 1, StateVector.MaxQubits);
        Assert.True(sv.GetProperty("avx512_kernels").ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False);
    }

    [Fact]
    public void Backends_list_prints_a_table()
    {
        var r = CliHarness.Run("backends", "list");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("statevector", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("AVX-512", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("run", "--help")]
    [InlineData("backends", "list", "--help")]
    public void Help_succeeds(params string[] args)
    {
        var r = CliHarness.Run(args);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage:", r.Stdout, StringComparison.Ordinal);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void Run_help_documents_the_contract()
    {
        var text = CliHarness.Run("run", "--help").Stdout;
        foreach (var option in new[] { "--state", "--probs", "--expval", "--shots", "--seed", "--json" })
            Assert.Contains(option, text, StringComparison.Ordinal);
        Assert.Contains("measure", text, StringComparison.Ordinal);
        Assert.Contains("[default: 0]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_succeeds()
    {
        var r = CliHarness.Run("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", r.Stdout);
    }
}
