using System.Globalization;
using Hanzo.Qml.Classical;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Models;

namespace Hanzo.Qml.Benchmark.Models;

/// <summary>The variational quantum classifier as a benchmark model, "vqc".</summary>
/// <remarks>
/// Default: the benchmark's encoding (angle, iqp or zz; other encodings fall back to angle) on the benchmark's qubits,
/// two hardware-efficient layers, Adam at 0.05, 30 epochs, batch 16, adjoint gradients. Grid (9 candidates, the same
/// budget as every baseline): layers ∈ {1, 2, 3} × learning rate ∈ {0.01, 0.05, 0.1}. The input is already scaled to
/// angles by the runner; the model's own preprocessing is then an affine rescaling fitted on the same training rows.
/// </remarks>
public sealed class VqcBenchmarkModel : IBenchmarkModel
{
    /// <inheritdoc />
    public string Name => "vqc";

    /// <inheritdoc />
    public string DisplayName => "VQC";

    /// <inheritdoc />
    public bool IsQuantum => true;

    /// <inheritdoc />
    public bool SupportsNoEntanglementTwin => false;

    /// <inheritdoc />
    public string Describe(BenchmarkModelContext context)
    {
        var o = Options(context);
        return string.Create(CultureInfo.InvariantCulture,
            $"VQC: {o.Encoding} encoding on {o.NumQubits} qubits + {o.NumLayers} {o.Ansatz} layers, Adam lr {o.LearningRate}, {o.Epochs} epochs, adjoint gradients");
    }

    /// <inheritdoc />
    public int? InputWidth(BenchmarkModelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.NumQubits;
    }

    /// <inheritdoc />
    public IClassifierFactory Default(BenchmarkModelContext context) => new Factory(Options(context));

    /// <inheritdoc />
    public IReadOnlyList<IClassifierFactory> Grid(BenchmarkModelContext context)
    {
        var o = Options(context);
        return [.. VariationalBenchmarkSettings.Grid(o).Select(v => (IClassifierFactory)new Factory(v))];
    }

    /// <inheritdoc />
    public IKernel? Kernel(BenchmarkModelContext context) => null;

    private static VariationalModelOptions Options(BenchmarkModelContext context) =>
        VariationalBenchmarkSettings.For(context, epochs: 30) with { NumClasses = context.NumClasses > 2 ? context.NumClasses : null };

    /// <summary>Makes fresh classifiers with fixed options.</summary>
    private sealed record Factory(VariationalModelOptions Options) : IClassifierFactory
    {
        public IClassifier CreateClassifier() => new VariationalClassifier(Options);
    }
}
