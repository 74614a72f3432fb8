using Hanzo.Qml.Classical;
using Hanzo.Qml.Classical.Linear;

namespace Hanzo.Qml.Benchmark.Models;

/// <summary>The linear (ridge) regression baseline, "linear" (<see cref="LinearRegression"/>).</summary>
/// <remarks>Default: ordinary least squares with an intercept. Grid (9): ridge α ∈ {0, 10⁻⁴, 10⁻³, 0.01, 0.1, 1, 10, 100, 1000}.</remarks>
public sealed class LinearRegressionBenchmarkModel : IRegressionBenchmarkModel
{
    private static readonly double[] Alphas = [0, 1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100, 1000];

    /// <inheritdoc />
    public string Name => "linear";

    /// <inheritdoc />
    public string DisplayName => "Linear / ridge regression";

    /// <inheritdoc />
    public bool IsQuantum => false;

    /// <inheritdoc />
    public string Describe(BenchmarkModelContext context) => "linear regression (least squares with intercept; ridge α tuned by the grid)";

    /// <inheritdoc />
    public int? InputWidth(BenchmarkModelContext context) => null;

    /// <inheritdoc />
    public IRegressorFactory Default(BenchmarkModelContext context) => new LinearRegressionOptions();

    /// <inheritdoc />
    public IReadOnlyList<IRegressorFactory> Grid(BenchmarkModelContext context) =>
        [.. Alphas.Select(a => (IRegressorFactory)new LinearRegressionOptions { Alpha = a })];
}
