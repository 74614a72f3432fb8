using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Tests.Kernels;

/// <summary>The fidelity kernel against PennyLane's kernel matrices (shared/reference/kernels.json, 4 qubits).</summary>
public class KernelReferenceTests
{
    public static TheoryData<string> Encodings => new() { "IQPEmbedding", "AngleEmbedding", "ZZFeatureMap" };

    private static IEncoding EncodingFor(string name) => name switch
    {
        "IQPEmbedding" => new IqpEncoding(4, 2),
        "AngleEmbedding" => new AngleEncoding(4, AngleRotation.X),
        "ZZFeatureMap" => new ZZFeatureMap(4, 2, Entanglement.Full),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void TrainMatrixMatchesPennyLane(string name)
    {
        var root = KernelTestData.Kernels;
        var x = KernelTestData.Rows(root.GetProperty("X_train"));
        var expected = KernelTestData.Matrix(root.GetProperty("kernels").GetProperty(name).GetProperty("K_train"));
        var k = new FidelityKernel(EncodingFor(name)).Matrix(x);
        Assert.True(KernelTestData.MaxAbsDiff(k, expected) < 1e-10, $"max |Δ| = {KernelTestData.MaxAbsDiff(k, expected)}");
        for (int i = 0; i < x.Length; i++) Assert.Equal(1.0, k[i, i]);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void TestMatrixMatchesPennyLane(string name)
    {
        var root = KernelTestData.Kernels;
        var x = KernelTestData.Rows(root.GetProperty("X_train"));
        var xt = KernelTestData.Rows(root.GetProperty("X_test"));
        var expected = KernelTestData.Matrix(root.GetProperty("kernels").GetProperty(name).GetProperty("K_test_vs_train"));
        var k = new FidelityKernel(EncodingFor(name)).Matrix(xt, x);
        Assert.Equal(4, k.GetLength(0));
        Assert.Equal(12, k.GetLength(1));
        Assert.True(KernelTestData.MaxAbsDiff(k, expected) < 1e-10, $"max |Δ| = {KernelTestData.MaxAbsDiff(k, expected)}");
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EvaluateMatchesPennyLane(string name)
    {
        var root = KernelTestData.Kernels;
        var x = KernelTestData.Rows(root.GetProperty("X_train"));
        var xt = KernelTestData.Rows(root.GetProperty("X_test"));
        var expected = KernelTestData.Matrix(root.GetProperty("kernels").GetProperty(name).GetProperty("K_test_vs_train"));
        var kernel = new FidelityKernel(EncodingFor(name));
        for (int i = 0; i < xt.Length; i++)
            for (int j = 0; j < x.Length; j += 3)
                Assert.Equal(expected[i, j], kernel.Evaluate(xt[i], x[j]), 1e-10);
    }

    [Fact]
    public void ProjectedKernelOfReferenceDataIsAValidKernel()
    {
        var x = KernelTestData.Rows(KernelTestData.Kernels.GetProperty("X_train"));
        var k = new ProjectedQuantumKernel(new IqpEncoding(4, 2)).Matrix(x);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(1.0, k[i, i], 1e-15);
            for (int j = 0; j < x.Length; j++) Assert.Equal(k[i, j], k[j, i]);
        }
        Assert.True(KernelTestData.SymmetricEigenvalues(k)[0] > -1e-10);
    }
}
