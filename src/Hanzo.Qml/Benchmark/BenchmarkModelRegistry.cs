using System.Collections.Frozen;
using Hanzo.Qml.Benchmark.Models;

namespace Hanzo.Qml.Benchmark;

/// <summary>
/// The models a benchmark can name: an immutable map from name to <see cref="IBenchmarkModel"/>. <see cref="Default"/>
/// holds the built-in ones; <see cref="With(IBenchmarkModel)"/> returns a registry with one more (a new quantum model family, or a test
/// double), without changing any shared state.
/// </summary>
/// <remarks>
/// Built in: quantum "qsvm"; classical "rbf_svm", "xgboost" (gradient-boosted trees by LightGBM through ML.NET: no
/// XGBoost package exists for .NET, and LightGBM is the same family of model), "mlp" and "logreg". Names are matched
/// case-insensitively; "logistic_regression" and "gradient_boosted_trees" are accepted as aliases. Regressors
/// (<see cref="IRegressionBenchmarkModel"/>, for regression datasets) have their own names: quantum "vqr"; classical
/// "linear", "mlp", "xgboost" and "rbf_svr" (aliases "ridge", "linear_regression", "svr").
/// </remarks>
public sealed class BenchmarkModelRegistry
{
    /// <summary>Candidates every model's grid has: the equal inner tuning budget (3 × 3).</summary>
    public const int GridSize = 9;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["logistic_regression"] = "logreg",
        ["gradient_boosted_trees"] = "xgboost",
        ["lightgbm"] = "xgboost",
        ["svm"] = "rbf_svm",
    };

    private static readonly Dictionary<string, string> RegressorAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ridge"] = "linear",
        ["linear_regression"] = "linear",
        ["gradient_boosted_trees"] = "xgboost",
        ["lightgbm"] = "xgboost",
        ["svr"] = "rbf_svr",
    };

    private readonly FrozenDictionary<string, IBenchmarkModel> _models;
    private readonly FrozenDictionary<string, IRegressionBenchmarkModel> _regressors;

    private BenchmarkModelRegistry(IEnumerable<IBenchmarkModel> models, IEnumerable<IRegressionBenchmarkModel> regressors)
    {
        _models = models.ToFrozenDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
        _regressors = regressors.ToFrozenDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The built-in models.</summary>
    public static BenchmarkModelRegistry Default { get; } = new(
    [
        new QsvmBenchmarkModel(),
        new RbfSvmBenchmarkModel(),
        new GradientBoostedTreesBenchmarkModel(),
        new MlpBenchmarkModel(),
        new LogisticRegressionBenchmarkModel(),
        new VqcBenchmarkModel(),
    ],
    [
        new VqrBenchmarkModel(),
        new LinearRegressionBenchmarkModel(),
        new MlpRegressionBenchmarkModel(),
        new GradientBoostedTreesRegressionBenchmarkModel(),
        new RbfSvrBenchmarkModel(),
    ]);

    /// <summary>Registered regressor names, sorted.</summary>
    public IReadOnlyList<string> RegressorNames => [.. _regressors.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Registered names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _models.Keys.Order(StringComparer.Ordinal)];

    /// <summary>This registry plus <paramref name="model"/> (replacing a model of the same name).</summary>
    /// <exception cref="ArgumentException">When the name is empty or not snake_case.</exception>
    public BenchmarkModelRegistry With(IBenchmarkModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (string.IsNullOrWhiteSpace(model.Name) || model.Name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')))
            throw new ArgumentException($"Model name \"{model.Name}\" must be snake_case (a–z, 0–9, _): it becomes a JSON key.", nameof(model));
        return new BenchmarkModelRegistry(_models.Values.Where(m => !string.Equals(m.Name, model.Name, StringComparison.OrdinalIgnoreCase)).Append(model), _regressors.Values);
    }

    /// <summary>This registry plus the regressor <paramref name="model"/> (replacing a regressor of the same name).</summary>
    /// <exception cref="ArgumentException">When the name is empty or not snake_case.</exception>
    public BenchmarkModelRegistry With(IRegressionBenchmarkModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (string.IsNullOrWhiteSpace(model.Name) || model.Name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')))
            throw new ArgumentException($"Model name \"{model.Name}\" must be snake_case (a–z, 0–9, _): it becomes a JSON key.", nameof(model));
        return new BenchmarkModelRegistry(_models.Values, _regressors.Values.Where(m => !string.Equals(m.Name, model.Name, StringComparison.OrdinalIgnoreCase)).Append(model));
    }

    /// <summary>The regressor called <paramref name="name"/> (case-insensitive; aliases accepted).</summary>
    /// <exception cref="ArgumentException">When no regressor has that name (the message lists the names).</exception>
    public IRegressionBenchmarkModel GetRegressor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim();
        if (_regressors.TryGetValue(key, out var m)) return m;
        if (RegressorAliases.TryGetValue(key, out var alias) && _regressors.TryGetValue(alias, out m)) return m;
        throw new ArgumentException($"Unknown regression benchmark model \"{name}\"; known: {string.Join(", ", RegressorNames)}.", nameof(name));
    }

    /// <summary>The model called <paramref name="name"/> (case-insensitive; aliases accepted).</summary>
    /// <exception cref="ArgumentException">When no model has that name (the message lists the names).</exception>
    public IBenchmarkModel Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim();
        if (_models.TryGetValue(key, out var m)) return m;
        if (Aliases.TryGetValue(key, out var alias) && _models.TryGetValue(alias, out m)) return m;
        throw new ArgumentException($"Unknown benchmark model \"{name}\"; known: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>True when <paramref name="name"/> names a model.</summary>
    public bool Contains(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _models.ContainsKey(name.Trim()) || (Aliases.TryGetValue(name.Trim(), out var a) && _models.ContainsKey(a));
    }
}
