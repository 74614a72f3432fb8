using System.Globalization;
using Hanzo.Qml.Classical;
using Hanzo.Qml.Models;

namespace Hanzo.Qml.Benchmark.Models;

/// <summary>The variational quantum regressor as a regression benchmark model, "vqr".</summary>
/// <remarks>
/// Default: the benchmark's encoding (angle, iqp or zz; other encodings fall back to angle) on the benchmark's qubits,
/// two hardware-efficient layers, Adam at 0.05, 10 epochs, batch 16, adjoint gradients. Fewer epochs than the VQC's 30
/// because regression datasets such as solubility_reg are several times larger and every epoch sees every row. Grid
/// (9 candidates, the same budget as every baseline): layers ∈ {1, 2, 3} × learning rate ∈ {0.01, 0.05, 0.1}.
/// </remarks>
public sealed class VqrBenchmarkModel : IRegressionBenchmarkModel
{
    /// <inheritdoc />
    public string Name => "vqr";

    /// <inheritdoc />
    public string DisplayName => "VQR";

    /// <inheritdoc />
    public bool IsQuantum => true;

    /// <inheritdoc />
    public string Describe(BenchmarkModelContext context)
    {
        var o = Options(context);
        return string.Create(CultureInfo.InvariantCulture,
            $"VQR: {o.Encoding} encoding on {o.NumQubits} qubits + {o.NumLayers} {o.Ansatz} layers, ⟨Z₀⟩ rescaled to the targets, Adam lr {o.LearningRate}, {o.Epochs} epochs, adjoint gradients");
    }

    /// <inheritdoc />
    public int? InputWidth(BenchmarkModelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.NumQubits;
    }

    /// <inheritdoc />
    public IRegressorFactory Default(BenchmarkModelContext context) => new Factory(Options(context));

    /// <inheritdoc />
    public IReadOnlyList<IRegressorFactory> Grid(BenchmarkModelContext context)
    {
        var o = Options(context);
        return [.. VariationalBenchmarkSettings.Grid(o).Select(v => (IRegressorFactory)new Factory(v))];
    }

    private static VariationalModelOptions Options(BenchmarkModelContext context) => VariationalBenchmarkSettings.For(context, epochs: 10);

    /// <summary>Makes fresh regressors with fixed options.</summary>
    private sealed record Factory(VariationalModelOptions Options) : IRegressorFactory
    {
        public IRegressor CreateRegressor() => new VariationalRegressor(Options);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"vqr(layers={Options.NumLayers}, lr={Options.LearningRate})");
    }
}
