using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Tests.Kernels;

/// <summary>Bad input, memory budget, cancellation and progress of the kernel matrices.</summary>
public class KernelValidationTests
{
    public static TheoryData<string> KernelNames => new() { "fidelity", "projected", "rbf", "linear", "poly" };

    private static IKernel Kernel(string name) => name switch
    {
        "fidelity" => new FidelityKernel(new IqpEncoding(3)),
        "projected" => new ProjectedQuantumKernel(new IqpEncoding(3), gamma: 1.0),
        "rbf" => new RbfKernel(1.0),
        "linear" => new LinearKernel(),
        _ => new PolynomialKernel(2, KernelGamma.Fixed(1.0)),
    };

    [Theory]
    [MemberData(nameof(KernelNames))]
    public void BadShapesAndValuesAreRefused(string name)
    {
        var k = Kernel(name);
        double[][] good = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]];
        Assert.Throws<ArgumentException>(() => k.Matrix([]));
        Assert.Throws<ArgumentException>(() => k.Matrix([[0.1, 0.2, 0.3], [0.4, 0.5]]));
        Assert.Throws<ArgumentException>(() => k.Matrix([[0.1, double.NaN, 0.3]]));
        Assert.Throws<ArgumentException>(() => k.Matrix([[0.1, 0.2, double.PositiveInfinity]], good));
        Assert.Throws<ArgumentException>(() => k.Matrix([[0.1, 0.2]], good));
        Assert.Throws<ArgumentException>(() => k.Evaluate([], [0.1, 0.2, 0.3]));
        Assert.Throws<ArgumentException>(() => k.Evaluate([0.1, 0.2, 0.3], [0.1, 0.2]));
        Assert.Throws<ArgumentException>(() => k.Evaluate([0.1, double.NaN, 0.3], [0.1, 0.2, 0.3]));
        Assert.ThrowsAny<ArgumentException>(() => k.Matrix(null!));
        if (k is IQuantumKernel)
            Assert.Throws<ArgumentException>(() => k.Matrix([[0.1, 0.2], [0.3, 0.4]]));   // encoding reads 3 features
    }

    [Fact]
    public void StatesBeyondTheMemoryBudgetAreRefusedBeforeAllocating()
    {
        var small = new SimulatorOptions { MemoryBudgetBytes = 1 << 20 };
        var kernel = new FidelityKernel(new AngleEncoding(12), new FidelityKernelOptions { Simulator = small });
        var x = Enumerable.Range(0, 100).Select(i => Enumerable.Repeat(0.01 * i, 12).ToArray()).ToArray();
        var e = Assert.Throws<StateTooLargeException>(() => kernel.Matrix(x));
        Assert.Contains("100 states of 12 qubits", e.Message);
        Assert.Contains("MemoryBudgetBytes", e.Message);
    }

    [Theory]
    [MemberData(nameof(KernelNames))]
    public void CancelledTokenStopsTheMatrix(string name)
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var x = Enumerable.Range(0, 40).Select(i => new[] { 0.1 * i, 0.2, 0.3 }).ToArray();
        Assert.ThrowsAny<OperationCanceledException>(() => Kernel(name).Matrix(x, null, cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Kernel(name).Matrix(x, x, null, cts.Token));
    }

    [Theory]
    [MemberData(nameof(KernelNames))]
    public void ProgressRisesToOne(string name)
    {
        var reports = new List<double>();
        var progress = new SynchronousProgress(v => { lock (reports) reports.Add(v); });
        var x = Enumerable.Range(0, 150).Select(i => new[] { 0.01 * i, 0.2, -0.3 * i }).ToArray();
        Kernel(name).Matrix(x, progress);
        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports.Max(), 12);
        Assert.All(reports, v => Assert.InRange(v, 0.0, 1.0));
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
