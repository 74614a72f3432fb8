using Hanzo.Qml.Classical;
using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Benchmark;

/// <summary>
/// A model the benchmark can run, registered by name in a <see cref="BenchmarkModelRegistry"/>: it makes its default
/// configuration and its inner-search grid as <see cref="IClassifierFactory"/> records, so every split gets fresh models.
/// </summary>
/// <remarks>
/// New model families (VQC, VQR, …) join by implementing this interface and being added to the registry; the runner
/// knows nothing about any particular model. To keep tuning fair, every model's <see cref="Grid"/> has
/// <see cref="BenchmarkModelRegistry.GridSize"/> candidates, and the runner refuses a registry where they differ.
/// </remarks>
public interface IBenchmarkModel
{
    /// <summary>Registry key and JSON key, snake_case (e.g. "rbf_svm").</summary>
    string Name { get; }

    /// <summary>Human-readable name for reports (e.g. "RBF-SVM").</summary>
    string DisplayName { get; }

    /// <summary>True for a quantum model (shown as such in reports).</summary>
    bool IsQuantum { get; }

    /// <summary>True when <see cref="BenchmarkModelContext.RemoveEntanglement"/> is honoured (a no-entanglement twin exists).</summary>
    bool SupportsNoEntanglementTwin { get; }

    /// <summary>One line on what is run with which defaults, for reports.</summary>
    string Describe(BenchmarkModelContext context);

    /// <summary>Input width the model needs (the encoding's feature count), or null when any width will do.</summary>
    int? InputWidth(BenchmarkModelContext context);

    /// <summary>The out-of-the-box configuration, used when grid search is off.</summary>
    IClassifierFactory Default(BenchmarkModelContext context);

    /// <summary>The candidates of the inner grid search (exactly <see cref="BenchmarkModelRegistry.GridSize"/>).</summary>
    IReadOnlyList<IClassifierFactory> Grid(BenchmarkModelContext context);

    /// <summary>The model's kernel at its default settings, for kernel models (geometric difference, heatmap); null otherwise.</summary>
    IKernel? Kernel(BenchmarkModelContext context);
}
