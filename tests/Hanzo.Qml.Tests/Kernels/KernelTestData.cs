using System.Numerics;
using System.Text.Json;
using Hanzo.Qml.Tests.Reference;

namespace Hanzo.Qml.Tests.Kernels;

/// <summary>Helpers shared by the kernel tests: reference matrices, naive overlaps, a symmetric eigenvalue routine.</summary>
internal static class KernelTestData
{
    public static double[][] Rows(JsonElement e) => e.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

    public static double[,] Matrix(JsonElement e)
    {
        var rows = Rows(e);
        var m = new double[rows.Length, rows[0].Length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < rows[0].Length; j++) m[i, j] = rows[i][j];
        return m;
    }

    public static double MaxAbsDiff(double[,] a, double[,] b)
    {
        Assert.Equal(a.GetLength(0), b.GetLength(0));
        Assert.Equal(a.GetLength(1), b.GetLength(1));
        double d = 0;
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) d = Math.Max(d, Math.Abs(a[i, j] - b[i, j]));
        return d;
    }

    /// <summary>Random normalised states (Gaussian amplitudes), seeded.</summary>
    public static Complex[][] RandomStates(int count, int qubits, int seed)
    {
        var rng = new Random(seed);
        var states = new Complex[count][];
        for (int s = 0; s < count; s++)
        {
            var v = new Complex[1 << qubits];
            double norm = 0;
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = new Complex(Gaussian(rng), Gaussian(rng));
                norm += v[i].Real * v[i].Real + v[i].Imaginary * v[i].Imaginary;
            }
            for (int i = 0; i < v.Length; i++) v[i] /= Math.Sqrt(norm);
            states[s] = v;
        }
        return states;
    }

    public static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public static double NaiveFidelity(Complex[] a, Complex[] b)
    {
        Complex s = Complex.Zero;
        for (int i = 0; i < a.Length; i++) s += Complex.Conjugate(a[i]) * b[i];
        return s.Real * s.Real + s.Imaginary * s.Imaginary;
    }

    /// <summary>Eigenvalues of a symmetric matrix by cyclic Jacobi rotations (small matrices, tests only).</summary>
    public static double[] SymmetricEigenvalues(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++) off += a[p, q] * a[p, q];
            if (off < 1e-30) break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300) continue;
                    double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }
                }
        }
        var eig = new double[n];
        for (int i = 0; i < n; i++) eig[i] = a[i, i];
        Array.Sort(eig);
        return eig;
    }

    public static JsonElement Kernels => ReferenceJson.Load("kernels.json");
}
