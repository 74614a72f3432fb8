using Hanzo.Qml.Classical;
using Hanzo.Qml.Classical.Linear;
using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Benchmark.Models;

/// <summary>The logistic-regression baseline, "logreg" (L2, C = 1, scikit-learn's defaults).</summary>
/// <remarks>Grid (9): C ∈ {0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100}.</remarks>
public sealed class LogisticRegressionBenchmarkModel : IBenchmarkModel
{
    private static readonly double[] Cs = [0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0];

    /// <inheritdoc />
    public string Name => "logreg";

    /// <inheritdoc />
    public string DisplayName => "Logistic regression";

    /// <inheritdoc />
    public bool IsQuantum => false;

    /// <inheritdoc />
    public bool SupportsNoEntanglementTwin => false;

    /// <inheritdoc />
    public string Describe(BenchmarkModelContext context) => "L2-regularised logistic regression (C = 1), softmax for more than two classes";

    /// <inheritdoc />
    public int? InputWidth(BenchmarkModelContext context) => null;

    /// <inheritdoc />
    public IClassifierFactory Default(BenchmarkModelContext context) => new LogisticRegressionOptions();

    /// <inheritdoc />
    public IReadOnlyList<IClassifierFactory> Grid(BenchmarkModelContext context) =>
        [.. Cs.Select(c => (IClassifierFactory)new LogisticRegressionOptions { C = c })];

    /// <inheritdoc />
    public IKernel? Kernel(BenchmarkModelContext context) => null;
}
