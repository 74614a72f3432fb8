using System.Numerics;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Tests.OpenQasm;

internal static class QasmTestSupport
{
    public const string Header = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";

    public static Complex[] State(Circuit c, double[]? weights = null, double[]? features = null)
    {
        using var s = new StatevectorSimulator().Run(c, weights ?? [], features ?? []);
        return s.ToArray();
    }

    /// <summary>The circuit's unitary, column j = circuit applied to |j⟩, from the naive dense reference.</summary>
    public static Complex[,] Unitary(Circuit c)
    {
        int d = 1 << c.NumQubits;
        var u = new Complex[d, d];
        for (int j = 0; j < d; j++)
        {
            var s = new Complex[d];
            s[j] = 1;
            foreach (var op in c.Operations)
                s = DenseReference.Apply(s, c.NumQubits, op, op.Parameters.ToArray().Select(p => p.Evaluate([], [])).ToArray());
            for (int i = 0; i < d; i++) u[i, j] = s[i];
        }
        return u;
    }

    public static void AssertClose(ReadOnlySpan<Complex> expected, ReadOnlySpan<Complex> actual, double tolerance, string context)
    {
        Assert.Equal(expected.Length, actual.Length);
        double diff = DenseReference.MaxDiff(expected, actual);
        Assert.True(diff <= tolerance, $"{context}: states differ by {diff:E3} (tolerance {tolerance:E0})");
    }

    public static void AssertMatrix(Complex[,] expected, Complex[,] actual, double tolerance, string context)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        for (int i = 0; i < expected.GetLength(0); i++)
            for (int j = 0; j < expected.GetLength(1); j++)
                Assert.True((expected[i, j] - actual[i, j]).Magnitude <= tolerance,
                    $"{context}: entry [{i},{j}] is {actual[i, j]}, expected {expected[i, j]}");
    }
}
