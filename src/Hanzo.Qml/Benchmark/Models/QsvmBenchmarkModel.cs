using System.Globalization;
using Hanzo.Qml.Classical;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Models;

namespace Hanzo.Qml.Benchmark.Models;

/// <summary>The QSVM (SVC on a fidelity or projected quantum kernel) as a benchmark model, "qsvm".</summary>
/// <remarks>
/// Grid (9 candidates, the same budget as every baseline): C ∈ {0.1, 1, 10} × bandwidth β ∈ {0.25, 0.5, 1} for the
/// fidelity kernel, or × γ factor ∈ {0.1, 1, 10} for the projected kernel — the quantum counterparts of the RBF-SVM's γ.
/// </remarks>
public sealed class QsvmBenchmarkModel : IBenchmarkModel
{
    private static readonly double[] Cs = [0.1, 1.0, 10.0];
    private static readonly double[] Bandwidths = [0.25, 0.5, 1.0];
    private static readonly double[] GammaFactors = [0.1, 1.0, 10.0];

    /// <inheritdoc />
    public string Name => "qsvm";

    /// <inheritdoc />
    public string DisplayName => "QSVM";

    /// <inheritdoc />
    public bool IsQuantum => true;

    /// <inheritdoc />
    public bool SupportsNoEntanglementTwin => true;

    /// <inheritdoc />
    public string Describe(BenchmarkModelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = Options(context);
        return string.Create(CultureInfo.InvariantCulture,
            $"SVC (C = 1) on the {o.Kernel.ToString().ToLowerInvariant()} quantum kernel of {o.CreateEncoding()}");
    }

    /// <inheritdoc />
    public int? InputWidth(BenchmarkModelContext context) => Options(context).CreateEncoding().NumFeatures;

    /// <inheritdoc />
    public IClassifierFactory Default(BenchmarkModelContext context) => Options(context);

    /// <inheritdoc />
    public IReadOnlyList<IClassifierFactory> Grid(BenchmarkModelContext context)
    {
        var o = Options(context);
        return o.Kernel == QuantumKernelKind.Fidelity
            ? [.. Cs.SelectMany(c => Bandwidths.Select(b => (IClassifierFactory)(o with { C = c, Bandwidth = b })))]
            : [.. Cs.SelectMany(c => GammaFactors.Select(g => (IClassifierFactory)(o with { C = c, ProjectedGammaFactor = g })))];
    }

    /// <inheritdoc />
    public IKernel? Kernel(BenchmarkModelContext context) => Options(context).CreateKernel();

    private static QsvmClassifierOptions Options(BenchmarkModelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new QsvmClassifierOptions
        {
            Encoding = context.Encoding,
            EncodingOptions = context.EncodingOptions,
            NumQubits = context.NumQubits,
            Kernel = context.Kernel,
            RemoveEntanglement = context.RemoveEntanglement,
        };
    }
}
