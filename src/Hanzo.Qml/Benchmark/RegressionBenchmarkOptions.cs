using Hanzo.Qml.Classical.Metrics;
using Hanzo.Qml.Data;
using Hanzo.Qml.Encodings;

namespace Hanzo.Qml.Benchmark;

/// <summary>
/// What a regression benchmark runs (<see cref="BenchmarkRunner.RunRegression(RegressionBenchmarkOptions, IProgress{BenchmarkProgress}?, CancellationToken)"/>):
/// the quantum regressor and classical regression baselines on identical repeated (non-stratified) k-fold splits.
/// </summary>
/// <remarks>
/// A separate record from <see cref="BenchmarkOptions"/> because the metric, the baselines and the splitter all differ
/// by task; sharing one record would let a classification run carry a regression metric and vice versa.
/// </remarks>
public sealed record RegressionBenchmarkOptions
{
    /// <summary>The regression baselines run by default: ridge/linear, MLP, gradient-boosted trees, RBF-SVR.</summary>
    public static IReadOnlyList<string> DefaultBaselines { get; } = ["linear", "mlp", "xgboost", "rbf_svr"];

    /// <summary>The data to cross-validate (a regression dataset).</summary>
    public required Dataset Dataset { get; init; }

    /// <summary>Optional held-out data: every model is refitted on all of <see cref="Dataset"/> and scored on it once.</summary>
    public Dataset? TestDataset { get; init; }

    /// <summary>Registry name of the quantum regressor (default "vqr").</summary>
    public string QuantumModel { get; init; } = "vqr";

    /// <summary>Encoding name of the quantum model (default angle).</summary>
    public string Encoding { get; init; } = "angle";

    /// <summary>Encoding settings.</summary>
    public EncodingOptions EncodingOptions { get; init; } = EncodingOptions.Default;

    /// <summary>Qubits; null for the feature count capped at <see cref="BenchmarkOptions.DefaultMaxQubits"/>.</summary>
    public int? NumQubits { get; init; }

    /// <summary>Classical regression baselines by registry name (default <see cref="DefaultBaselines"/>).</summary>
    public IReadOnlyList<string> Baselines { get; init; } = DefaultBaselines;

    /// <summary>Folds per repeat (default 5).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Repeats of the shuffled k-fold (default 5).</summary>
    public int Repeats { get; init; } = 5;

    /// <summary>
    /// The metric the verdict is decided on (default R²). <see cref="RegressionMetric.NegativeMse"/> and
    /// <see cref="RegressionMetric.NegativeMae"/> select MSE and MAE; reports keep errors positive and lower is better.
    /// </summary>
    public RegressionMetric PrimaryMetric { get; init; } = RegressionMetric.R2;

    /// <summary>Seed of the splits and of every model's random initialisation.</summary>
    public long Seed { get; init; }

    /// <summary>Tune every model with its 9-candidate grid on inner shuffled k-fold (default off).</summary>
    public bool GridSearch { get; init; }

    /// <summary>Inner folds of the grid search (default 3).</summary>
    public int InnerFolds { get; init; } = Classical.Selection.GridSearch.DefaultInnerFolds;

    /// <summary>Significance level of the verdict (default 0.05).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Feature preprocessing fitted on each training split only (as for classification; targets are left as they are).</summary>
    public PreprocessingOptions Preprocessing { get; init; } = new();

    /// <summary>The qubits in force: <see cref="NumQubits"/>, or the feature count capped at <see cref="BenchmarkOptions.DefaultMaxQubits"/>.</summary>
    public int ResolvedNumQubits => NumQubits ?? Math.Min(Dataset.NumFeatures, BenchmarkOptions.DefaultMaxQubits);

    /// <summary>The JSON/CLI name of a regression metric: "r2", "mse" or "mae".</summary>
    public static string MetricName(RegressionMetric metric) => metric switch
    {
        RegressionMetric.R2 => "r2",
        RegressionMetric.NegativeMse => "mse",
        RegressionMetric.NegativeMae => "mae",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };

    /// <summary>True for R²; false for the error metrics, where a lower value is better.</summary>
    public static bool HigherIsBetter(RegressionMetric metric) => metric == RegressionMetric.R2;

    /// <summary>Parses "r2", "mse" or "mae", case-insensitively.</summary>
    /// <exception cref="ArgumentException">For any other name.</exception>
    public static RegressionMetric ParseMetric(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "r2" or "r²" => RegressionMetric.R2,
            "mse" => RegressionMetric.NegativeMse,
            "mae" => RegressionMetric.NegativeMae,
            _ => throw new ArgumentException($"Unknown regression metric \"{name}\"; allowed: r2, mse, mae.", nameof(name)),
        };
    }

    /// <summary>Checks every setting, with messages that say what to change.</summary>
    /// <exception cref="ArgumentException">On the first invalid setting.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Dataset, nameof(Dataset));
        if (Dataset.Task != TaskKind.Regression)
            throw new ArgumentException($"Dataset '{Dataset.Name}' is a classification dataset; use BenchmarkRunner.Run with BenchmarkOptions.", nameof(Dataset));
        if (TestDataset is { } test)
        {
            if (test.Task != TaskKind.Regression) throw new ArgumentException($"Test dataset '{test.Name}' is not a regression dataset.", nameof(TestDataset));
            if (test.NumFeatures != Dataset.NumFeatures)
                throw new ArgumentException($"Test dataset '{test.Name}' has {test.NumFeatures} features; the training data has {Dataset.NumFeatures}.", nameof(TestDataset));
        }
        if (string.IsNullOrWhiteSpace(QuantumModel)) throw new ArgumentException("Name the quantum regressor (e.g. \"vqr\").", nameof(QuantumModel));
        ArgumentNullException.ThrowIfNull(Encoding, nameof(Encoding));
        ArgumentNullException.ThrowIfNull(EncodingOptions, nameof(EncodingOptions));
        ArgumentNullException.ThrowIfNull(Preprocessing, nameof(Preprocessing));
        if (NumQubits is int q && q < 1) throw new ArgumentOutOfRangeException(nameof(NumQubits), q, "At least one qubit.");
        if (!Enum.IsDefined(PrimaryMetric)) throw new ArgumentOutOfRangeException(nameof(PrimaryMetric), PrimaryMetric, "Unknown metric.");
        if (Baselines is null || Baselines.Count == 0) throw new ArgumentException("At least one classical baseline is needed: a verdict needs something to compare with.", nameof(Baselines));
        if (Baselines.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Baselines.Count) throw new ArgumentException("A baseline is listed twice.", nameof(Baselines));
        if (Folds < 2) throw new ArgumentOutOfRangeException(nameof(Folds), Folds, "At least 2 folds.");
        if (Repeats < 1) throw new ArgumentOutOfRangeException(nameof(Repeats), Repeats, "At least 1 repeat.");
        if (Folds * Repeats < 3)
            throw new ArgumentOutOfRangeException(nameof(Repeats), Repeats, $"{Folds} folds × {Repeats} repeats give {Folds * Repeats} paired scores; the significance test needs at least 3 (use 5 × 5).");
        if (InnerFolds < 2) throw new ArgumentOutOfRangeException(nameof(InnerFolds), InnerFolds, "The inner cross-validation needs at least 2 folds.");
        if (!(Alpha > 0 && Alpha < 1)) throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "α must be in (0, 1).");
        if (Preprocessing.PcaComponents is not null)
            throw new ArgumentException("Leave Preprocessing.PcaComponents null: the benchmark reduces to the quantum model's input width itself.", nameof(Preprocessing));
    }
}
