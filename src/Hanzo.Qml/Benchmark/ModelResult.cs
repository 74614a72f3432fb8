using Hanzo.Qml.Classical.Metrics;

namespace Hanzo.Qml.Benchmark;

/// <summary>One model's cross-validation results: a score per split and their summaries.</summary>
public sealed record ModelResult
{
    /// <summary>Creates the result and its summaries.</summary>
    /// <exception cref="ArgumentException">When there are no splits.</exception>
    public ModelResult(string name, string displayName, bool isQuantum, string description, IReadOnlyList<SplitResult> splits)
    {
        ArgumentNullException.ThrowIfNull(splits);
        if (splits.Count == 0) throw new ArgumentException("A model result needs at least one split.", nameof(splits));
        Name = name;
        DisplayName = displayName;
        IsQuantum = isQuantum;
        Description = description;
        Splits = splits;
        Accuracy = MetricSummary.Of([.. splits.Select(s => s.Accuracy)]);
        F1 = MetricSummary.Of([.. splits.Select(s => s.F1)]);
        RocAuc = MetricSummary.Of([.. splits.Select(s => s.RocAuc)]);
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
    public IReadOnlyList<SplitResult> Splits { get; }

    /// <summary>Accuracy over the splits.</summary>
    public MetricSummary Accuracy { get; }

    /// <summary>Macro F1 over the splits.</summary>
    public MetricSummary F1 { get; }

    /// <summary>ROC AUC over the splits.</summary>
    public MetricSummary RocAuc { get; }

    /// <summary>Fit time per split (seconds).</summary>
    public MetricSummary FitSeconds { get; }

    /// <summary>Predict time per split (seconds).</summary>
    public MetricSummary PredictSeconds { get; }

    /// <summary>The summary of <paramref name="metric"/>.</summary>
    public MetricSummary Summary(ClassificationMetric metric) => metric switch
    {
        ClassificationMetric.Accuracy => Accuracy,
        ClassificationMetric.MacroF1 => F1,
        ClassificationMetric.RocAuc => RocAuc,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };

    /// <summary>The per-split scores of <paramref name="metric"/>, in split order.</summary>
    public double[] Scores(ClassificationMetric metric) => metric switch
    {
        ClassificationMetric.Accuracy => [.. Splits.Select(s => s.Accuracy)],
        ClassificationMetric.MacroF1 => [.. Splits.Select(s => s.F1)],
        ClassificationMetric.RocAuc => [.. Splits.Select(s => s.RocAuc)],
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };
}
