using FsCheck.Xunit;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Tests.Kernels;

/// <summary>Every kernel matrix is symmetric, positive semidefinite and (for the quantum and RBF kernels) in [0, 1].</summary>
public class KernelMatrixProperties
{
    private static (IKernel Kernel, double[][] X) RandomCase(int seed)
    {
        var rng = new Random(seed);
        int n = 1 + rng.Next(5);
        int samples = 1 + rng.Next(20);
        int reps = 1 + rng.Next(2);
        var entanglement = (Entanglement)rng.Next(3);
        IEncoding encoding = rng.Next(5) switch
        {
            0 => new IqpEncoding(n, reps),
            1 => new AngleEncoding(n, (AngleRotation)rng.Next(3)),
            2 => n >= 2 ? new ZZFeatureMap(n, reps, entanglement) : new IqpEncoding(n, reps),
            3 => new PauliFeatureMap(n, n >= 2 ? ["Y", "XZ"] : ["Y"], reps, entanglement),
            _ => new AmplitudeEncoding(n, 1 + rng.Next(1 << n), 0.5),
        };
        IKernel kernel = rng.Next(4) switch
        {
            0 or 1 => new FidelityKernel(encoding),
            2 => new ProjectedQuantumKernel(encoding, gammaFactor: 0.1 + rng.NextDouble() * 3),
            _ => new RbfKernel(),
        };
        var x = Enumerable.Range(0, samples).Select(_ => Enumerable.Range(0, encoding.NumFeatures).Select(_ => (rng.NextDouble() - 0.5) * 2 * Math.PI).ToArray()).ToArray();
        if (samples > 2) x[^1] = (double[])x[0].Clone();   // a duplicate sample, as real data sets have
        return (kernel, x);
    }

    [Property(MaxTest = 60)]
    public bool MatricesAreSymmetricPsdAndBounded(int seed)
    {
        var (kernel, x) = RandomCase(seed);
        var k = kernel.Matrix(x);
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            if (Math.Abs(k[i, i] - 1) > 1e-12) return false;
            for (int j = 0; j < n; j++)
                if (k[i, j] != k[j, i] || k[i, j] < 0 || k[i, j] > 1) return false;
        }
        return KernelTestData.SymmetricEigenvalues(k)[0] >= -1e-10;
    }

    [Property(MaxTest = 30)]
    public bool TestMatrixOfTheTrainingSetEqualsTheTrainMatrix(int seed)
    {
        var (kernel, x) = RandomCase(seed);
        var fitted = kernel.FitTo(x);
        var train = fitted.Matrix(x);
        var cross = fitted.Matrix(x, x);
        return KernelTestData.MaxAbsDiff(train, cross) < 1e-12;
    }

    [Property(MaxTest = 30)]
    public bool EvaluateAgreesWithTheMatrix(int seed)
    {
        var (kernel, x) = RandomCase(seed);
        var fitted = kernel.FitTo(x);
        var k = fitted.Matrix(x, x);
        var rng = new Random(seed);
        int i = rng.Next(x.Length), j = rng.Next(x.Length);
        return Math.Abs(fitted.Evaluate(x[i], x[j]) - k[i, j]) < 1e-12;
    }
}
