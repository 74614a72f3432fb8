using Hanzo.Qml.Classical;

namespace Hanzo.Qml.Benchmark;

/// <summary>
/// A regressor the regression benchmark can run, registered by name in a <see cref="BenchmarkModelRegistry"/> beside
/// the classifiers: it makes its default configuration and its inner-search grid as <see cref="IRegressorFactory"/>
/// records, so every split gets fresh models.
/// </summary>
/// <remarks>
/// Regressors live in their own namespace of the registry because the same family ("mlp", "xgboost") has a classifier
/// and a regressor under one name; the dataset's task picks which is meant. Grids have
/// <see cref="BenchmarkModelRegistry.GridSize"/> candidates, as for classifiers, so tuning budgets stay equal.
/// </remarks>
public interface IRegressionBenchmarkModel
{
    /// <summary>Registry key and JSON key, snake_case (e.g. "rbf_svr").</summary>
    string Name { get; }

    /// <summary>Human-readable name for reports.</summary>
    string DisplayName { get; }

    /// <summary>True for a quantum model.</summary>
    bool IsQuantum { get; }

    /// <summary>One line on what is run with which defaults, for reports.</summary>
    string Describe(BenchmarkModelContext context);

    /// <summary>Input width the model needs (the encoding's feature count), or null when any width will do.</summary>
    int? InputWidth(BenchmarkModelContext context);

    /// <summary>The out-of-the-box configuration, used when grid search is off.</summary>
    IRegressorFactory Default(BenchmarkModelContext context);

    /// <summary>The candidates of the inner grid search (exactly <see cref="BenchmarkModelRegistry.GridSize"/>).</summary>
    IReadOnlyList<IRegressorFactory> Grid(BenchmarkModelContext context);
}
