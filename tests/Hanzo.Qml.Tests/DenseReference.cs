using System.Numerics;
using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Tests;

/// <summary>
/// An independent, deliberately naive simulator: applies a gate's dense matrix (from GateMatrices) by looping over
/// every basis index. The fast kernels are checked against it.
/// </summary>
internal static class DenseReference
{
    public static Complex[] Apply(Complex[] state, int n, Operation op, ReadOnlySpan<double> angles)
    {
        var w = op.Wires.ToArray();
        int k = w.Length;
        var m = GateMatrices.Matrix(op.Gate, angles, k, op.IsAdjoint);
        int d = 1 << k;
        var result = new Complex[state.Length];
        for (long i = 0; i < state.Length; i++)
        {
            int row = 0;
            for (int j = 0; j < k; j++) row = (row << 1) | (int)((i >> (n - 1 - w[j])) & 1);
            Complex acc = 0;
            for (int col = 0; col < d; col++)
            {
                long src = i;
                for (int j = 0; j < k; j++)
                {
                    long bit = 1L << (n - 1 - w[j]);
                    int b = (col >> (k - 1 - j)) & 1;
                    src = b == 1 ? src | bit : src & ~bit;
                }
                acc += m[row * d + col] * state[src];
            }
            result[i] = acc;
        }
        return result;
    }

    public static Complex[] Run(Circuit c, double[] weights, double[] features)
    {
        var s = new Complex[1L << c.NumQubits];
        s[0] = 1;
        if (c.Preparation is not null) c.Preparation.Prepare(features, s);
        Span<double> a = stackalloc double[3];
        foreach (var op in c.Operations)
        {
            var ps = op.Parameters;
            for (int i = 0; i < ps.Length; i++) a[i] = ps[i].Evaluate(weights, features);
            s = Apply(s, c.NumQubits, op, a[..ps.Length]);
        }
        return s;
    }

    public static Complex[] RandomState(int n, Random rng)
    {
        var s = new Complex[1 << n];
        double norm = 0;
        for (int i = 0; i < s.Length; i++) { s[i] = new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5); norm += s[i].Magnitude * s[i].Magnitude; }
        for (int i = 0; i < s.Length; i++) s[i] /= Math.Sqrt(norm);
        return s;
    }

    public static double MaxDiff(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b)
    {
        double m = 0;
        for (int i = 0; i < a.Length; i++) m = Math.Max(m, (a[i] - b[i]).Magnitude);
        return m;
    }
}
