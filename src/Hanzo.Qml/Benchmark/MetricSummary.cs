namespace Hanzo.Qml.Benchmark;

/// <summary>Mean and sample standard deviation (denominator n − 1; 0 for a single value) of per-split scores.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="StandardDeviation">The sample standard deviation.</param>
public readonly record struct MetricSummary(double Mean, double StandardDeviation)
{
    /// <summary>Summarises <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">When there are no values.</exception>
    public static MetricSummary Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("No values to summarise.", nameof(values));
        double mean = values.Average();
        if (values.Count == 1) return new MetricSummary(mean, 0.0);
        double ss = values.Sum(v => (v - mean) * (v - mean));
        return new MetricSummary(mean, Math.Sqrt(ss / (values.Count - 1)));
    }
}
