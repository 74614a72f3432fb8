namespace Hanzo.Qml.Cli.Tests;

public sealed class RunTextTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Readable_report_shows_qubits_expvals_probs_samples_and_state()
    {
        var r = CliHarness.Run("run", _h.Qasm(CliHarness.Bell), "--expval", "Z0 Z1", "--probs", "--shots", "100", "--state");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        var lines = Lines(r.Stdout);
        Assert.Contains(lines, l => l.StartsWith("qubits", StringComparison.Ordinal) && l.EndsWith(" 2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Z0 Z1", StringComparison.Ordinal) && l.TrimEnd().EndsWith("1.000000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("00 ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("0.500000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("samples (100 shots, seed 0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("state amplitudes", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("11 ", StringComparison.Ordinal) && l.Contains("+0.707107", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("read as measuring every qubit at the end", StringComparison.Ordinal));
        Assert.DoesNotContain("{", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_are_aligned()
    {
        var r = CliHarness.Run("run", _h.Qasm(CliHarness.Bell), "--expval", "Z0", "--expval", "0.5 Z0 Z1 + 0.25 X0 X1");
        var rows = Lines(r.Stdout).SkipWhile(l => l != "expectation values").Skip(1).Take(3).ToArray();
        Assert.Equal(3, rows.Length);
        Assert.Single(rows.Select(l => l.Length).Distinct()); // right-aligned values end in one column
    }

    [Fact]
    public void Short_lists_are_printed_whole_in_basis_order()
    {
        var r = CliHarness.Run("run", _h.Program(6, "h q;"), "--probs"); // 64 entries: all of them
        var rows = Lines(r.Stdout).SkipWhile(l => !l.StartsWith("probabilities", StringComparison.Ordinal)).Skip(2).ToArray();
        Assert.Equal(64, rows.Length);
        Assert.StartsWith("  000000", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("  111111", rows[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lists_show_the_32_largest_with_a_note()
    {
        // 7 qubits: 128 basis states; ry(0.5) after h on wire 6 makes the odd indices (wire 6 = 1) the likelier half.
        var r = CliHarness.Run("run", _h.Program(7, "h q;", "ry(0.5) q[6];"), "--probs", "--state");
        var text = r.Stdout;
        Assert.Contains("probabilities (128 basis states; showing the 32 largest, --json prints all)", text, StringComparison.Ordinal);
        Assert.Contains("state amplitudes (128 basis states; showing the 32 largest", text, StringComparison.Ordinal);
        var rows = Lines(text).SkipWhile(l => !l.StartsWith("probabilities", StringComparison.Ordinal)).Skip(2).Take(32).ToArray();
        Assert.All(rows, l => Assert.EndsWith("1", l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], StringComparison.Ordinal));
        var probability = rows.Select(l => double.Parse(l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(probability.OrderDescending(), probability);
    }

    [Fact]
    public void Many_distinct_samples_are_truncated_to_the_most_frequent()
    {
        var r = CliHarness.Run("run", _h.Program(8, "h q;"), "--shots", "5000");
        Assert.Contains("distinct outcomes; showing the 32 largest", r.Stdout, StringComparison.Ordinal);
    }
}
