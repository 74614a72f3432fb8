namespace Hanzo.Qml.Cli.Tests;

public sealed class RunErrorTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Malformed_qasm_is_a_usage_error_with_line_and_column()
    {
        string file = _h.Qasm("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0]\ncx q[0],q[1];\n");
        string line = CliHarness.Run("run", file, "--json").AssertError();
        Assert.Contains("line 4, column 7", line, StringComparison.Ordinal);
        Assert.Contains(file, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OPENQASM 3.0;\nqreg q[1];\n", "line 1, column 10")]
    [InlineData("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nfoo q[0];\n", "line 4, column 1")]
    [InlineData("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncx q[0],q[5];\n", "line 4")]
    [InlineData("qreg q[2];\n", "line 1, column 1")]
    public void Every_qasm_error_names_its_position(string source, string position)
    {
        string line = CliHarness.Run("run", _h.Qasm(source)).AssertError();
        Assert.Contains(position, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_a_usage_error()
    {
        string line = CliHarness.Run("run", _h.MissingPath, "--json").AssertError();
        Assert.Contains("not found", line, StringComparison.Ordinal);
        Assert.Contains("does-not-exist.qasm", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_not_a_program()
    {
        string line = CliHarness.Run("run", Path.GetTempPath()).AssertError();
        Assert.Contains("cannot read", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Z2", "wire 2")]
    [InlineData("Z0 X7", "wire 7")]
    [InlineData("0.5 Z0 + 0.3 X9", "wire 9")]
    public void Expval_wire_out_of_range_is_a_usage_error(string observable, string expected)
    {
        string line = CliHarness.Run("run", _h.Qasm(CliHarness.Bell), "--expval", observable, "--json").AssertError();
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains("2 qubits", line, StringComparison.Ordinal);
        Assert.Contains($"'{observable}'", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Q0")]
    [InlineData("Z")]
    [InlineData("Z0 Z0")]
    [InlineData("Z0 + + X1")]
    [InlineData("")]
    public void Malformed_observable_is_a_usage_error(string observable)
    {
        string line = CliHarness.Run("run", _h.Qasm(CliHarness.Bell), "--expval", observable).AssertError();
        Assert.Contains("--expval", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public void Shots_must_be_a_positive_integer(string shots)
    {
        string line = CliHarness.Run("run", _h.Qasm(CliHarness.Bell), "--shots", shots, "--json").AssertError();
        Assert.Contains("--shots", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_seed_is_a_usage_error() =>
        Assert.Contains("--seed", CliHarness.Run("run", _h.Qasm(CliHarness.Bell), "--seed", "x").AssertError(), StringComparison.Ordinal);

    [Fact]
    public void State_too_large_is_refused_before_allocating()
    {
        string line = CliHarness.Run("run", _h.Program(40, "h q[0];"), "--expval", "Z0").AssertError();
        Assert.Contains("40-qubit", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("frobnicate")]
    [InlineData("backends")]
    public void Usage_errors_are_one_line_with_exit_code_2(string command)
    {
        var r = CliHarness.Run(command);
        r.AssertError();
    }

    [Fact]
    public void No_arguments_is_a_usage_error() => CliHarness.Run().AssertError();

    [Fact]
    public void Unknown_option_is_a_usage_error()
    {
        string line = CliHarness.Run("run", _h.Qasm(CliHarness.Bell), "--bogus").AssertError();
        Assert.Contains("--bogus", line, StringComparison.Ordinal);
    }
}
