using Hanzo.Qml.Classical;
using Hanzo.Qml.Classical.NeuralNetworks;

namespace Hanzo.Qml.Benchmark.Models;

/// <summary>The multi-layer perceptron regression baseline, "mlp" (<see cref="MlpRegressor"/>: one hidden ReLU layer of 32, Adam).</summary>
/// <remarks>Grid (9): hidden width ∈ {16, 32, 64} × learning rate ∈ {0.001, 0.003, 0.01}, as for the classifier.</remarks>
public sealed class MlpRegressionBenchmarkModel : IRegressionBenchmarkModel
{
    private static readonly int[] Widths = [16, 32, 64];
    private static readonly double[] LearningRates = [1e-3, 3e-3, 1e-2];

    /// <inheritdoc />
    public string Name => "mlp";

    /// <inheritdoc />
    public string DisplayName => "MLP";

    /// <inheritdoc />
    public bool IsQuantum => false;

    /// <inheritdoc />
    public string Describe(BenchmarkModelContext context) => "multi-layer perceptron regressor: one hidden ReLU layer of 32, Adam (learning rate 0.001), 200 epochs, L2 1e-4";

    /// <inheritdoc />
    public int? InputWidth(BenchmarkModelContext context) => null;

    /// <inheritdoc />
    public IRegressorFactory Default(BenchmarkModelContext context) => Options(context);

    /// <inheritdoc />
    public IReadOnlyList<IRegressorFactory> Grid(BenchmarkModelContext context)
    {
        var o = Options(context);
        return [.. Widths.SelectMany(w => LearningRates.Select(r => (IRegressorFactory)(o with { HiddenLayers = [w], LearningRate = r })))];
    }

    private static MlpOptions Options(BenchmarkModelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new MlpOptions { Seed = context.Seed };
    }
}
