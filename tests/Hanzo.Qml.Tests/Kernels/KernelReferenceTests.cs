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
    public void FifteenQubitMatrixMatchesOverlapsOfSimulatedStates()
    {
        // Past the 11-bit Hadamard blocks and the 10-bit phase tables, with many amplitude panels per tile.
        const int n = 15, count = 19;
        var rng = new Random(3);
        var x = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, n).Select(_ => rng.NextDouble() * Math.PI).ToArray()).ToArray();
        var encoding = new IqpEncoding(n, 2);
        var k = new FidelityKernel(encoding).Matrix(x);
        var simulator = new Hanzo.Qml.Simulation.StatevectorSimulator();
        var states = x.Select(v => simulator.Run(encoding.ToCircuit(), [], v)).ToArray();
        try
        {
            for (int i = 0; i < count; i += 3)
                for (int j = i + 1; j < count; j += 2)
                {
                    var overlap = states[i].InnerProduct(states[j]);
                    Assert.Equal(overlap.Real * overlap.Real + overlap.Imaginary * overlap.Imaginary, k[i, j], 1e-12);
                }
        }
        finally
        {
            foreach (var s in states) s.Dispose();
        }
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
