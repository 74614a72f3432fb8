using Hanzo.Qml.Classical;
using Hanzo.Qml.Classical.Trees;

namespace Hanzo.Qml.Benchmark.Models;

/// <summary>
/// The gradient-boosted trees regression baseline in the "xgboost" slot: LightGBM through ML.NET
/// (<see cref="GradientBoostedTreesRegressor"/>), for the same reason as <see cref="GradientBoostedTreesBenchmarkModel"/>.
/// </summary>
/// <remarks>Grid (9): learning rate ∈ {0.03, 0.1, 0.3} × minimum rows per leaf ∈ {5, 10, 20}, 100 rounds.</remarks>
public sealed class GradientBoostedTreesRegressionBenchmarkModel : IRegressionBenchmarkModel
{
    private static readonly double[] LearningRates = [0.03, 0.1, 0.3];
    private static readonly int[] MinLeaf = [5, 10, 20];

    /// <inheritdoc />
    public string Name => "xgboost";

    /// <inheritdoc />
    public string DisplayName => "Gradient-boosted trees (LightGBM)";

    /// <inheritdoc />
    public bool IsQuantum => false;

    /// <inheritdoc />
    public string Describe(BenchmarkModelContext context) =>
        "LightGBM (ML.NET) gradient-boosted regression trees in the XGBoost slot: 100 rounds, learning rate 0.1, 31 leaves, ≥ 20 rows per leaf";

    /// <inheritdoc />
    public int? InputWidth(BenchmarkModelContext context) => null;

    /// <inheritdoc />
    public IRegressorFactory Default(BenchmarkModelContext context) => Options(context);

    /// <inheritdoc />
    public IReadOnlyList<IRegressorFactory> Grid(BenchmarkModelContext context)
    {
        var o = Options(context);
        return [.. LearningRates.SelectMany(r => MinLeaf.Select(m => (IRegressorFactory)(o with { LearningRate = r, MinimumExampleCountPerLeaf = m })))];
    }

    private static GradientBoostedTreesOptions Options(BenchmarkModelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new GradientBoostedTreesOptions { Seed = unchecked((int)context.Seed) };
    }
}
