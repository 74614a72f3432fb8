using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Tests.Kernels;

/// <summary>RBF, linear and polynomial kernels with scikit-learn's γ rules.</summary>
public class ClassicalKernelTests
{
    private static readonly double[][] X = [[1.0, 2.0, 0.5], [-0.3, 0.8, 1.1], [2.5, -1.0, 0.0], [0.0, 0.0, 3.0]];

    [Fact]
    public void ScaleAndAutoGammaFollowScikitLearn()
    {
        var all = X.SelectMany(r => r).ToArray();
        double mean = all.Average(), variance = all.Select(v => (v - mean) * (v - mean)).Average();
        Assert.Equal(1 / (3 * variance), KernelGamma.Scale.Resolve(X), 1e-15);
        Assert.Equal(1.0 / 3, KernelGamma.Auto.Resolve(X), 1e-15);
        Assert.Equal(1.0, KernelGamma.Scale.Resolve([[2.0, 2.0], [2.0, 2.0]]));   // zero variance
        Assert.Equal("scale", KernelGamma.Scale.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelGamma.Fixed(double.NaN));
    }

    [Fact]
    public void EntriesMatchTheirFormulas()
    {
        double g = KernelGamma.Scale.Resolve(X);
        var rbf = new RbfKernel().Matrix(X);
        var lin = new LinearKernel().Matrix(X);
        var poly = new PolynomialKernel(3, KernelGamma.Fixed(0.5), 1.0).Matrix(X);
        var polyScale = new PolynomialKernel(2).Matrix(X);
        for (int i = 0; i < X.Length; i++)
            for (int j = 0; j < X.Length; j++)
            {
                double dot = X[i].Zip(X[j], (a, b) => a * b).Sum();
                double d2 = X[i].Zip(X[j], (a, b) => (a - b) * (a - b)).Sum();
                Assert.Equal(Math.Exp(-g * d2), rbf[i, j], 1e-15);
                Assert.Equal(dot, lin[i, j], 1e-15);
                Assert.Equal(Math.Pow(0.5 * dot + 1, 3), poly[i, j], 1e-12);
                Assert.Equal(Math.Pow(g * dot, 2), polyScale[i, j], 1e-12);
            }
    }

    [Fact]
    public void TestMatrixTakesGammaFromTheTrainingSamples()
    {
        double[][] test = [[0.1, 0.2, 0.3]];
        var k = new RbfKernel().Matrix(test, X);
        var fitted = new RbfKernel().FitTo(X);
        Assert.Equal(fitted.Evaluate(test[0], X[2]), k[0, 2], 1e-15);
        Assert.Throws<InvalidOperationException>(() => new RbfKernel().Evaluate(test[0], X[0]));
        Assert.Same(fitted, fitted.FitTo(test));
        Assert.Equal(Math.Exp(-0.25 * 14), new RbfKernel(0.25).Evaluate([1, 2, 3], [0, 0, 0]), 1e-15);
    }
}
