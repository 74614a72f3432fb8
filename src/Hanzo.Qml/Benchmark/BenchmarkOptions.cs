using Hanzo.Qml.Classical.Metrics;
using Hanzo.Qml.Data;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Benchmark;

/// <summary>
/// Everything a quantum-versus-classical benchmark run needs. Immutable; derive variants with <c>with</c>.
/// The defaults are the honest protocol: 5 × 5 repeated stratified cross-validation, every baseline, the corrected
/// resampled t-test at α = 0.05, preprocessing fitted on each training split only.
/// </summary>
public sealed record BenchmarkOptions
{
    /// <summary>Qubits used when <see cref="NumQubits"/> is null and the data has more features than this.</summary>
    public const int DefaultMaxQubits = 8;

    /// <summary>The default baselines: RBF-SVM, gradient-boosted trees (the "xgboost" slot), MLP, logistic regression.</summary>
    public static IReadOnlyList<string> DefaultBaselines { get; } = ["rbf_svm", "xgboost", "mlp", "logreg"];

    /// <summary>The data cross-validated (classification). For a dataset with a published split, its training part.</summary>
    public required Dataset Dataset { get; init; }

    /// <summary>
    /// Optional held-out data (same features and classes): every model is refitted on all of <see cref="Dataset"/> and
    /// scored on it once, beside the cross-validation.
    /// </summary>
    public Dataset? TestDataset { get; init; }

    /// <summary>The quantum model, by registry name (default "qsvm").</summary>
    public string QuantumModel { get; init; } = "qsvm";

    /// <summary>Encoding name (<see cref="EncodingFactory.Names"/>; default "zz").</summary>
    public string Encoding { get; init; } = "zz";

    /// <summary>Encoding settings (repetitions, entanglement, …).</summary>
    public EncodingOptions EncodingOptions { get; init; } = EncodingOptions.Default;

    /// <summary>Qubits; null for the feature count capped at <see cref="DefaultMaxQubits"/>.</summary>
    public int? NumQubits { get; init; }

    /// <summary>Quantum kernel kind for kernel models (default fidelity).</summary>
    public QuantumKernelKind Kernel { get; init; } = QuantumKernelKind.Fidelity;

    /// <summary>Classical baselines by registry name (default <see cref="DefaultBaselines"/>).</summary>
    public IReadOnlyList<string> Baselines { get; init; } = DefaultBaselines;

    /// <summary>Cross-validation folds k (default 5).</summary>
    public int Folds { get; init; } = CrossValidation.DefaultFolds;

    /// <summary>Repeats of the k-fold (default 5, giving 25 paired scores).</summary>
    public int Repeats { get; init; } = CrossValidation.DefaultRepeats;

    /// <summary>The metric the verdict is decided on (default accuracy).</summary>
    public ClassificationMetric PrimaryMetric { get; init; } = ClassificationMetric.Accuracy;

    /// <summary>Seed of the splits, inner splits and model initialisation.</summary>
    public long Seed { get; init; }

    /// <summary>
    /// Tune every model by inner cross-validation on each training split (default off: every model at its defaults).
    /// Either way the budgets are equal: no tuning for anyone, or <see cref="BenchmarkModelRegistry.GridSize"/>
    /// candidates × <see cref="InnerFolds"/> fits for everyone.
    /// </summary>
    public bool GridSearch { get; init; }

    /// <summary>Inner folds of the grid search (default 3).</summary>
    public int InnerFolds { get; init; } = Classical.Selection.GridSearch.DefaultInnerFolds;

    /// <summary>Significance level of the verdict (default 0.05).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>
    /// Preprocessing, fitted on each training split only (default: standardise, then min–max onto [0, π]). PCA to the
    /// quantum model's input width is added automatically when the data has more features; leave
    /// <see cref="PreprocessingOptions.PcaComponents"/> null. Use <see cref="PreprocessingOptions.None"/> for data that
    /// is already in the encoding's angle range (e.g. the ad hoc dataset).
    /// </summary>
    public PreprocessingOptions Preprocessing { get; init; } = new();

    /// <summary>
    /// Give the classical baselines every (standardised) feature instead of the quantum model's reduced input
    /// (default false: every model sees the same input, so the comparison is of models, not of preprocessing).
    /// </summary>
    public bool BaselinesUseAllFeatures { get; init; }

    /// <summary>Run the no-entanglement twin even without a claimed advantage (default false: only beside a claim).</summary>
    public bool AlwaysRunNoEntanglementTwin { get; init; }

    /// <summary>Compute the geometric difference g(K_C‖K_Q) and keep the kernel matrix for the heatmap (default true).</summary>
    public bool ComputeGeometricDifference { get; init; } = true;

    /// <summary>Ridge λ added to the classical kernel before inverting it in g (default 1e-3; see <see cref="GeometricDifference"/>).</summary>
    public double GeometricDifferenceRegularization { get; init; } = Benchmark.GeometricDifference.DefaultRegularization;

    /// <summary>Largest training set g is computed on; a larger first split is subsampled (stratified, seeded). Default 500.</summary>
    public int MaxKernelSamples { get; init; } = 500;

    /// <summary>
    /// Options for a built-in dataset by name (<see cref="BuiltInDatasets.Names"/>): datasets with a published split
    /// (solubility) cross-validate on the training part and hold out the published test part.
    /// </summary>
    /// <exception cref="ArgumentException">When the name is unknown.</exception>
    public static BenchmarkOptions ForBuiltIn(string name)
    {
        if (BuiltInDatasets.HasPublishedSplit(name))
        {
            var split = BuiltInDatasets.LoadSplit(name);
            return new BenchmarkOptions { Dataset = split.Train, TestDataset = split.Test };
        }
        return new BenchmarkOptions { Dataset = BuiltInDatasets.Load(name) };
    }

    /// <summary>The JSON/CLI name of a metric: "accuracy", "f1" (macro) or "roc_auc".</summary>
    public static string MetricName(ClassificationMetric metric) => metric switch
    {
        ClassificationMetric.Accuracy => "accuracy",
        ClassificationMetric.MacroF1 => "f1",
        ClassificationMetric.RocAuc => "roc_auc",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };

    /// <summary>Parses "accuracy", "f1" (or "macro_f1") or "roc_auc" (or "auc"), case-insensitively.</summary>
    /// <exception cref="ArgumentException">For any other name.</exception>
    public static ClassificationMetric ParseMetric(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "accuracy" or "acc" => ClassificationMetric.Accuracy,
            "f1" or "macro_f1" or "f1_macro" => ClassificationMetric.MacroF1,
            "roc_auc" or "auc" or "rocauc" => ClassificationMetric.RocAuc,
            _ => throw new ArgumentException($"Unknown metric \"{name}\"; allowed: accuracy, f1, roc_auc.", nameof(name)),
        };
    }

    /// <summary>Checks every setting, with messages that say what to change.</summary>
    /// <exception cref="ArgumentException">On the first invalid setting.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Dataset, nameof(Dataset));
        if (Dataset.Task != TaskKind.Classification)
            throw new ArgumentException($"Dataset '{Dataset.Name}' is a regression dataset; the benchmark compares classifiers (regression arrives with VQR).", nameof(Dataset));
        if (TestDataset is { } test)
        {
            if (test.Task != TaskKind.Classification) throw new ArgumentException($"Test dataset '{test.Name}' is not a classification dataset.", nameof(TestDataset));
            if (test.NumFeatures != Dataset.NumFeatures)
                throw new ArgumentException($"Test dataset '{test.Name}' has {test.NumFeatures} features; the training data has {Dataset.NumFeatures}.", nameof(TestDataset));
            if (!test.ClassNames.SequenceEqual(Dataset.ClassNames, StringComparer.Ordinal))
                throw new ArgumentException($"Test dataset '{test.Name}' has classes [{string.Join(", ", test.ClassNames)}]; the training data has [{string.Join(", ", Dataset.ClassNames)}].", nameof(TestDataset));
        }
        if (string.IsNullOrWhiteSpace(QuantumModel)) throw new ArgumentException("Name the quantum model (e.g. \"qsvm\").", nameof(QuantumModel));
        ArgumentNullException.ThrowIfNull(Encoding, nameof(Encoding));
        ArgumentNullException.ThrowIfNull(EncodingOptions, nameof(EncodingOptions));
        ArgumentNullException.ThrowIfNull(Preprocessing, nameof(Preprocessing));
        if (NumQubits is int q && q < 1) throw new ArgumentOutOfRangeException(nameof(NumQubits), q, "At least one qubit.");
        if (!Enum.IsDefined(Kernel)) throw new ArgumentOutOfRangeException(nameof(Kernel), Kernel, "Unknown kernel kind; allowed: Fidelity, Projected.");
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
        if (!(GeometricDifferenceRegularization > 0) || !double.IsFinite(GeometricDifferenceRegularization))
            throw new ArgumentOutOfRangeException(nameof(GeometricDifferenceRegularization), GeometricDifferenceRegularization, "λ must be a finite number > 0.");
        if (MaxKernelSamples < 10) throw new ArgumentOutOfRangeException(nameof(MaxKernelSamples), MaxKernelSamples, "At least 10 samples.");
    }

    /// <summary>The qubits in force: <see cref="NumQubits"/>, or the feature count capped at <see cref="DefaultMaxQubits"/>.</summary>
    public int ResolvedNumQubits => NumQubits ?? Math.Min(Dataset.NumFeatures, DefaultMaxQubits);
}
