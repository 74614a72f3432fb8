using Hanzo.Qml.Classical;
using Hanzo.Qml.Classical.Svm;
using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Benchmark.Models;

/// <summary>The RBF-SVM baseline, "rbf_svm": scikit-learn's <c>SVC()</c> (γ = "scale", C = 1).</summary>
/// <remarks>Grid (9): C ∈ {0.1, 1, 10} × γ ∈ {0.1, 1, 10} × "scale".</remarks>
public sealed class RbfSvmBenchmarkModel : IBenchmarkModel
{
    private static readonly double[] Cs = [0.1, 1.0, 10.0];
    private static readonly double[] GammaFactors = [0.1, 1.0, 10.0];

    /// <inheritdoc />
    public string Name => "rbf_svm";

    /// <inheritdoc />
    public string DisplayName => "RBF-SVM";

    /// <inheritdoc />
    public bool IsQuantum => false;

    /// <inheritdoc />
    public bool SupportsNoEntanglementTwin => false;

    /// <inheritdoc />
    public string Describe(BenchmarkModelContext context) => "SVC on the RBF kernel (γ = \"scale\", C = 1), scikit-learn's SVC() defaults";

    /// <inheritdoc />
    public int? InputWidth(BenchmarkModelContext context) => null;

    /// <inheritdoc />
    public IClassifierFactory Default(BenchmarkModelContext context) => RbfSvmOptions.Default;

    /// <inheritdoc />
    public IReadOnlyList<IClassifierFactory> Grid(BenchmarkModelContext context) =>
        [.. Cs.SelectMany(c => GammaFactors.Select(g => (IClassifierFactory)new RbfSvmOptions { C = c, GammaFactor = g }))];

    /// <inheritdoc />
    public IKernel? Kernel(BenchmarkModelContext context) => new RbfKernel();
}
