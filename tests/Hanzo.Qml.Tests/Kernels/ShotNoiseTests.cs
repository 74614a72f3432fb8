using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Tests.Kernels;

/// <summary>Finite-shot kernels: seeded, reproducible, symmetric, and distributed as Binomial(S, K)/S.</summary>
public class ShotNoiseTests
{
    private static double[][] Samples(int count, int features, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, features).Select(_ => rng.NextDouble() * Math.PI).ToArray())];
    }

    [Fact]
    public void SameSeedSameMatricesOtherSeedOtherMatrices()
    {
        var x = Samples(15, 3, 1);
        var xt = Samples(4, 3, 2);
        FidelityKernel Kernel(int seed) => new(new IqpEncoding(3, 2), new FidelityKernelOptions { Shots = 200, Seed = seed });
        Assert.Equal(Kernel(5).Matrix(x), Kernel(5).Matrix(x));
        Assert.Equal(Kernel(5).Matrix(xt, x), Kernel(5).Matrix(xt, x));
        Assert.Equal(Kernel(5).Evaluate(x[0], x[1]), Kernel(5).Evaluate(x[0], x[1]));
        Assert.NotEqual(Kernel(5).Matrix(x), Kernel(6).Matrix(x));
    }

    [Fact]
    public void NoisyTrainMatrixIsSymmetricWithUnitDiagonalAndShotGranularity()
    {
        var x = Samples(20, 4, 3);
        const int shots = 128;
        var k = new FidelityKernel(new ZZFeatureMap(4, 2), new FidelityKernelOptions { Shots = shots, Seed = 9 }).Matrix(x);
        var exact = new FidelityKernel(new ZZFeatureMap(4, 2)).Matrix(x);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(1.0, k[i, i]);
            for (int j = 0; j < 20; j++)
            {
                Assert.Equal(k[i, j], k[j, i]);
                double counts = k[i, j] * shots;
                Assert.Equal(Math.Round(counts), counts, 9);
                // Within 6 standard deviations of the exact value (plus one count).
                double sd = Math.Sqrt(exact[i, j] * (1 - exact[i, j]) / shots);
                Assert.True(Math.Abs(k[i, j] - exact[i, j]) <= 6 * sd + 1.0 / shots, $"[{i},{j}] {k[i, j]} vs {exact[i, j]}");
            }
        }
    }

    [Theory]
    [InlineData(1, 0.3)]
    [InlineData(10, 0.5)]
    [InlineData(1000, 0.02)]
    [InlineData(100000, 0.7)]
    [InlineData(50, 0.999)]
    public void BinomialDrawsHaveTheRightMeanAndVariance(int n, double p)
    {
        var rng = new Random(12345);
        const int draws = 20000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < draws; i++)
        {
            int v = ShotNoise.Binomial(n, p, rng);
            Assert.InRange(v, 0, n);
            sum += v;
            sumSq += (double)v * v;
        }
        double mean = sum / draws, variance = sumSq / draws - mean * mean;
        double expectedVar = n * p * (1 - p);
        Assert.True(Math.Abs(mean - n * p) < 6 * Math.Sqrt(expectedVar / draws) + 1e-9, $"mean {mean} vs {n * p}");
        Assert.True(Math.Abs(variance - expectedVar) < 0.1 * expectedVar + 1e-9, $"variance {variance} vs {expectedVar}");
        Assert.Equal(0, ShotNoise.Binomial(n, 0, rng));
        Assert.Equal(n, ShotNoise.Binomial(n, 1, rng));
    }

    [Fact]
    public void LogGammaMatchesFactorials()
    {
        double logFactorial = 0;
        for (int k = 1; k < 170; k++)
        {
            logFactorial += Math.Log(k);
            Assert.Equal(logFactorial, ShotNoise.LogGamma(k + 1), 1e-12 * Math.Max(1, logFactorial));
        }
        Assert.Equal(Math.Log(Math.Sqrt(Math.PI)), ShotNoise.LogGamma(0.5), 1e-14);
    }

    [Fact]
    public void ShotsMustBePositive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FidelityKernel(new IqpEncoding(2), new FidelityKernelOptions { Shots = 0 }));
}
