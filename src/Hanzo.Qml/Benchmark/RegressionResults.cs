using Hanzo.Qml.Classical.Metrics;

namespace Hanzo.Qml.Benchmark;

/// <summary>One regressor's scores on one cross-validation split.</summary>
/// <param name="Split">Index into <see cref="RegressionBenchmarkReport.Splits"/> (repeat-major).</param>
/// <param name="R2">Coefficient of determination on the split's test rows.</param>
/// <param name="Mse">Mean squared error (target units squared).</param>
/// <param name="Mae">Mean absolute error (target units).</param>
/// <param name="FitSeconds">Wall time of fitting, the inner grid search included.</param>
/// <param name="PredictSeconds">Wall time of predicting the test rows.</param>
/// <param name="Selected">The configuration the grid search chose, or null without grid search.</param>
public sealed record RegressionSplitResult(int Split, double R2, double Mse, double Mae, double FitSeconds, double PredictSeconds, string? Selected);

/// <summary>One regressor's cross-validation results: a score per split and their summaries.</summary>
public sealed record RegressionModelResult
{
    /// <summary>Creates the result and its summaries.</summary>
    /// <exception cref="ArgumentException">When there are no splits.</exception>
    public RegressionModelResult(string name, string displayName, bool isQuantum, string description, IReadOnlyList<RegressionSplitResult> splits)
    {
        ArgumentNullException.ThrowIfNull(splits);
        if (splits.Count == 0) throw new ArgumentException("A model result needs at least one split.", nameof(splits));
        Name = name;
        DisplayName = displayName;
        IsQuantum = isQuantum;
        Description = description;
        Splits = splits;
        R2 = MetricSummary.Of([.. splits.Select(s => s.R2)]);
        Mse = MetricSummary.Of([.. splits.Select(s => s.Mse)]);
        Mae = MetricSummary.Of([.. splits.Select(s => s.Mae)]);
        FitSeconds = MetricSummary.Of([.. splits.Select(s => s.FitSeconds)]);
        PredictSeconds = MetricSummary.Of([.. splits.Select(s => s.PredictSeconds)]);
    }

    /// <summary>Registry name (the JSON key).</summary>
    public string Name { get; }

    /// <summary>Name for people.</summary>
    public string DisplayName { get; }

    /// <summary>True for a quantum model.</summary>
    public bool IsQuantum { get; }

    /// <summary>What was run, with which defaults.</summary>
    public string Description { get; }

    /// <summary>Per-split scores and times, in split order.</summary>
    public IReadOnlyList<RegressionSplitResult> Splits { get; }

    /// <summary>R² over the splits.</summary>
    public MetricSummary R2 { get; }

    /// <summary>MSE over the splits.</summary>
    public MetricSummary Mse { get; }

    /// <summary>MAE over the splits.</summary>
    public MetricSummary Mae { get; }

    /// <summary>Fit time per split (seconds).</summary>
    public MetricSummary FitSeconds { get; }

    /// <summary>Predict time per split (seconds).</summary>
    public MetricSummary PredictSeconds { get; }

    /// <summary>The summary of <paramref name="metric"/>, errors positive (MSE, MAE).</summary>
    public MetricSummary Summary(RegressionMetric metric) => metric switch
    {
        RegressionMetric.R2 => R2,
        RegressionMetric.NegativeMse => Mse,
        RegressionMetric.NegativeMae => Mae,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };

    /// <summary>The per-split values of <paramref name="metric"/> in split order, errors positive (MSE, MAE).</summary>
    public double[] Scores(RegressionMetric metric) => metric switch
    {
        RegressionMetric.R2 => [.. Splits.Select(s => s.R2)],
        RegressionMetric.NegativeMse => [.. Splits.Select(s => s.Mse)],
        RegressionMetric.NegativeMae => [.. Splits.Select(s => s.Mae)],
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };
}

/// <summary>One regressor refitted on all the training data and scored once on the held-out data.</summary>
/// <param name="R2">Held-out R².</param>
/// <param name="Mse">Held-out MSE.</param>
/// <param name="Mae">Held-out MAE.</param>
/// <param name="FitSeconds">Fit time (grid search included).</param>
/// <param name="PredictSeconds">Prediction time on the held-out rows.</param>
/// <param name="Selected">The grid search's choice, or null.</param>
public sealed record RegressionHeldOutScores(double R2, double Mse, double Mae, double FitSeconds, double PredictSeconds, string? Selected);

/// <summary>Regression scores on a held-out test set, beside the cross-validation (one fit per model, so no significance test).</summary>
/// <param name="DatasetName">Name of the held-out dataset.</param>
/// <param name="NumTrainSamples">Rows the final models were fitted on.</param>
/// <param name="NumTestSamples">Held-out rows.</param>
/// <param name="Models">Scores by model name (quantum first, then the baselines in option order).</param>
public sealed record RegressionHeldOutResult(string DatasetName, int NumTrainSamples, int NumTestSamples, IReadOnlyDictionary<string, RegressionHeldOutScores> Models);

/// <summary>What a regression report says about the data.</summary>
/// <param name="Name">Dataset name.</param>
/// <param name="NumSamples">Rows cross-validated.</param>
/// <param name="NumFeatures">Raw features.</param>
/// <param name="TargetMean">Mean of the targets (an MSE is read against their variance).</param>
/// <param name="TargetStandardDeviation">Population standard deviation of the targets.</param>
/// <param name="TestName">Held-out dataset name, or null.</param>
/// <param name="TestSamples">Held-out rows (0 without).</param>
public sealed record RegressionDatasetSummary(string Name, int NumSamples, int NumFeatures, double TargetMean, double TargetStandardDeviation,
    string? TestName, int TestSamples);
