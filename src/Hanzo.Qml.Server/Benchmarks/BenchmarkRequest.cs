using Hanzo.Qml.Benchmark;
using Hanzo.Qml.Data;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Server.Endpoints;

namespace Hanzo.Qml.Server.Benchmarks;

/// <summary>
/// Body of <c>POST /v1/benchmark</c>: the data and the same settings as <c>hanzo-qml benchmark</c>. A classification
/// dataset runs the quantum classifier (qsvm or vqc) against classical baselines; a regression dataset runs the VQR.
/// </summary>
// A misspelt setting must be an error, not silently ignored.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record BenchmarkRequest
{
    /// <summary>Built-in dataset name (iris, wine, breast_cancer, solubility, solubility_reg, adhoc).</summary>
    public string? Dataset { get; init; }

    /// <summary>Inline data instead of a name.</summary>
    public InlineData? Data { get; init; }

    /// <summary>CSV text instead of a name.</summary>
    public string? Csv { get; init; }

    /// <summary>qsvm (default for classification), vqc, or vqr (regression).</summary>
    public string? QuantumModel { get; init; }

    /// <summary>Encoding (default zz for classification, angle for regression).</summary>
    public string? Encoding { get; init; }

    /// <summary>Qubits (default: min(features, 8)).</summary>
    public int? NQubits { get; init; }

    /// <summary>Encoding repetitions (default 2).</summary>
    public int? Reps { get; init; }

    /// <summary>fidelity (default) or projected.</summary>
    public string? Kernel { get; init; }

    /// <summary>Classical baselines (default: rbf_svm, xgboost, mlp, logreg; or linear, mlp, xgboost, rbf_svr).</summary>
    public IReadOnlyList<string>? Baselines { get; init; }

    /// <summary>Folds (default 5).</summary>
    public int? Folds { get; init; }

    /// <summary>Repeats (default 5).</summary>
    public int? Repeats { get; init; }

    /// <summary>accuracy, f1, roc_auc (classification) or r2, mse, mae (regression).</summary>
    public string? Metric { get; init; }

    /// <summary>Inner grid search of the baselines.</summary>
    public bool? GridSearch { get; init; }

    /// <summary>Seed of the splits and models (default 0).</summary>
    public long? Seed { get; init; }

    /// <summary>Most folds × repeats the service accepts in one benchmark.</summary>
    public const int MaxFits = 100;

    /// <summary>The library options, validated: exactly one of the two is non-null.</summary>
    /// <param name="maxRows">Most rows accepted.</param>
    /// <param name="maxQubits">Most qubits accepted.</param>
    /// <exception cref="ArgumentException">When a setting is invalid (the message says what is allowed).</exception>
    public (BenchmarkOptions? Classification, RegressionBenchmarkOptions? Regression) Resolve(int maxRows, int maxQubits)
    {
        int folds = Folds ?? 5, repeats = Repeats ?? 5, reps = Reps ?? 2;
        long seed = Seed ?? 0;
        if (folds is < 2 or > 20) throw new ArgumentException($"\"folds\" is {folds}; allowed: 2 to 20.");
        if (repeats is < 1 or > 20) throw new ArgumentException($"\"repeats\" is {repeats}; allowed: 1 to 20.");
        if (folds * repeats > MaxFits) throw new ArgumentException($"\"folds\" × \"repeats\" is {folds * repeats}; allowed: at most {MaxFits}.");
        if (reps is < 1 or > 16) throw new ArgumentException($"\"reps\" is {reps}; allowed: 1 to 16.");
        if (NQubits is int q && (q < 1 || q > Math.Min(maxQubits, 16)))
            throw new ArgumentException($"\"n_qubits\" is {q}; allowed: 1 to {Math.Min(maxQubits, 16)} for benchmarks on this server.");
        if (Baselines is { } b && (b.Count == 0 || b.Any(string.IsNullOrWhiteSpace)))
            throw new ArgumentException("\"baselines\" must be a non-empty list of names.");

        var source = new DatasetRequest { Dataset = Dataset, Data = Data, Csv = Csv };
        Data.Dataset data;
        Data.Dataset? test = null;
        var preprocessing = new PreprocessingOptions();
        if (Dataset is { } name && name.Trim().Equals("adhoc", StringComparison.OrdinalIgnoreCase) && Data is null && Csv is null)
        {
            var split = AdHocDataset.Generate(new AdHocOptions { NumFeatures = NQubits ?? 2, TrainSizePerClass = 40, TestSizePerClass = 20, Seed = seed });
            (data, test, preprocessing) = (split.Train, split.Test, PreprocessingOptions.None);
        }
        else if (Dataset is { } builtIn && Data is null && Csv is null && BuiltInDatasets.Names.Contains(builtIn.Trim().ToLowerInvariant()))
        {
            var o = BenchmarkOptions.ForBuiltIn(builtIn.Trim().ToLowerInvariant());
            (data, test) = (o.Dataset, o.TestDataset);
        }
        else data = source.Load(maxRows, seed);
        if (data.NumSamples > maxRows) throw new ArgumentException($"The data has {data.NumSamples} rows; at most {maxRows} are accepted.");

        if (data.Task == TaskKind.Regression)
        {
            var r = new RegressionBenchmarkOptions
            {
                Dataset = data,
                TestDataset = test,
                Preprocessing = preprocessing,
                QuantumModel = (QuantumModel ?? "vqr").Trim().ToLowerInvariant(),
                Encoding = (Encoding ?? "angle").Trim().ToLowerInvariant(),
                EncodingOptions = EncodingOptions.Default with { Reps = reps },
                NumQubits = NQubits,
                Baselines = Baselines ?? RegressionBenchmarkOptions.DefaultBaselines,
                Folds = folds,
                Repeats = repeats,
                PrimaryMetric = RegressionBenchmarkOptions.ParseMetric(Metric ?? "r2"),
                Seed = seed,
                GridSearch = GridSearch ?? false,
            };
            r.Validate();
            return (null, r);
        }
        var c = new BenchmarkOptions
        {
            Dataset = data,
            TestDataset = test,
            Preprocessing = preprocessing,
            QuantumModel = (QuantumModel ?? "qsvm").Trim().ToLowerInvariant(),
            Encoding = (Encoding ?? "zz").Trim().ToLowerInvariant(),
            EncodingOptions = EncodingOptions.Default with { Reps = reps },
            NumQubits = NQubits,
            Kernel = (Kernel ?? "fidelity").Trim().ToLowerInvariant() switch
            {
                "fidelity" => QuantumKernelKind.Fidelity,
                "projected" => QuantumKernelKind.Projected,
                _ => throw new ArgumentException($"Unknown kernel \"{Kernel}\"; allowed: fidelity, projected."),
            },
            Baselines = Baselines ?? BenchmarkOptions.DefaultBaselines,
            Folds = folds,
            Repeats = repeats,
            PrimaryMetric = BenchmarkOptions.ParseMetric(Metric ?? "accuracy"),
            Seed = seed,
            GridSearch = GridSearch ?? false,
        };
        c.Validate();
        return (c, null);
    }
}
