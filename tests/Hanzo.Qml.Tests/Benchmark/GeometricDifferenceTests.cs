using Hanzo.Qml.Benchmark;
using Hanzo.Qml.Data;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Tests.Benchmark;

/// <summary>g(K_C‖K_Q) and the QL eigensolver behind it.</summary>
public class GeometricDifferenceTests
{
    private static double[][] Points(int n, int d, long seed)
    {
        var rng = new SeededRandom(seed);
        return [.. Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => rng.NextDouble(0, Math.PI)).ToArray())];
    }

    [Fact]
    public void QlAgreesWithJacobiAndReconstructsTheMatrix()
    {
        var rng = new SeededRandom(3);
        int n = 40;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) a[i, j] = a[j, i] = rng.NextNormal();
        var (values, vectors) = SymmetricEigenQl.Decompose(a);
        var (jValues, _) = SymmetricEigen.Decompose(a);
        var descending = values.Reverse().ToArray();
        for (int k = 0; k < n; k++) Assert.Equal(jValues[k], descending[k], 10);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < n; k++) sum += vectors[k][i] * values[k] * vectors[k][j];
                Assert.Equal(a[i, j], sum, 10);
            }
        for (int k = 0; k < n; k++) Assert.Equal(1.0, vectors[k].Sum(v => v * v), 12);
        Assert.Equal(values, SymmetricEigenQl.Decompose(a, valuesOnly: true).Values);
        Assert.Equal([5.0], SymmetricEigenQl.Decompose(new double[,] { { 5.0 } }).Values);
    }

    [Fact]
    public void AKernelAgainstItselfHasGeometricDifferenceAboutOne()
    {
        var x = Points(30, 3, 1);
        var k = new RbfKernel().Matrix(x);
        double g = GeometricDifference.Compute(k, k, 1e-3);
        Assert.InRange(g, 0.99, 1.0 + 1e-9); // √max μ/(μ+λ) < 1
        var q = new FidelityKernel(new ZZFeatureMap(3, 1)).Matrix(x);
        Assert.InRange(GeometricDifference.Compute(q, q), 0.99, 1.0 + 1e-9);
    }

    [Fact]
    public void GrowsAsTheRidgeShrinksAndIgnoresRowOrder()
    {
        var x = Points(40, 2, 2);
        var kc = new RbfKernel().Matrix(x);
        var kq = new FidelityKernel(new ZZFeatureMap(2, 2)).Matrix(x);
        double g3 = GeometricDifference.Compute(kc, kq, 1e-3), g1 = GeometricDifference.Compute(kc, kq, 1e-1);
        Assert.True(g3 > g1 && g1 >= 1.0 - 1e-9, $"g(1e-3) = {g3}, g(1e-1) = {g1}");
        var perm = new SeededRandom(5).Permutation(x.Length);
        var xp = perm.Select(i => x[i]).ToArray();
        double gp = GeometricDifference.Compute(new RbfKernel().Matrix(xp), new FidelityKernel(new ZZFeatureMap(2, 2)).Matrix(xp), 1e-3);
        Assert.Equal(g3, gp, 8);
        // By definition g ≤ √(‖K_Q‖/λ) ≤ √(N/λ).
        Assert.True(g3 <= Math.Sqrt(x.Length / 1e-3));
    }

    [Fact]
    public void BadInputIsRefused()
    {
        var k = new double[,] { { 1, 0.5 }, { 0.5, 1 } };
        Assert.Throws<ArgumentException>(() => GeometricDifference.Compute(k, new double[3, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => GeometricDifference.Compute(k, k, 0));
        Assert.Throws<ArgumentException>(() => GeometricDifference.Compute(new double[2, 2], k));
        Assert.Throws<ArgumentException>(() => GeometricDifference.Compute(k, new double[,] { { 1, double.NaN }, { double.NaN, 1 } }));
    }

    [Fact]
    public void InterpretationSaysWhereGStands()
    {
        Assert.Contains("small", new GeometricDifferenceResult(1.2, 1e-3, 100, "rbf", "fidelity").Interpretation);
        Assert.Contains("order of √N", new GeometricDifferenceResult(8, 1e-3, 100, "rbf", "fidelity").Interpretation);
        Assert.Contains("between 1 and √N", new GeometricDifferenceResult(3, 1e-3, 100, "rbf", "fidelity").Interpretation);
    }

    [Fact]
    public void FourHundredFiftyFiveRowsTakeWellUnderAFewSeconds()
    {
        // The size of breast_cancer's first training split: the Jacobi solver would take tens of seconds here.
        var x = Points(455, 4, 9);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        double g = GeometricDifference.Compute(new RbfKernel().Matrix(x), new FidelityKernel(new ZZFeatureMap(4, 2)).Matrix(x));
        Assert.True(double.IsFinite(g) && g >= 1.0);
        Assert.True(sw.Elapsed.TotalSeconds < 10, $"{sw.Elapsed.TotalSeconds:0.0} s");
    }
}
