namespace Hanzo.Qml.Classical.Metrics;

/// <summary>A regression score where higher is better (errors are negated so that model selection always maximises).</summary>
public enum RegressionMetric
{
    /// <summary>Coefficient of determination R².</summary>
    R2,

    /// <summary>Minus the mean squared error.</summary>
    NegativeMse,

    /// <summary>Minus the mean absolute error.</summary>
    NegativeMae,
}

/// <summary>Regression metrics with scikit-learn's definitions.</summary>
public static class RegressionMetrics
{
    /// <summary>Mean squared error.</summary>
    public static double Mse(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        Check(actual, predicted);
        double s = 0.0;
        for (int i = 0; i < actual.Count; i++) { double e = actual[i] - predicted[i]; s += e * e; }
        return s / actual.Count;
    }

    /// <summary>Mean absolute error.</summary>
    public static double Mae(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        Check(actual, predicted);
        double s = 0.0;
        for (int i = 0; i < actual.Count; i++) s += Math.Abs(actual[i] - predicted[i]);
        return s / actual.Count;
    }

    /// <summary>
    /// R² = 1 − SS_res / SS_tot. When the true values are constant (SS_tot = 0) the ratio is undefined; as scikit-learn
    /// (<c>force_finite=True</c>) this returns 1 for a perfect prediction and 0 otherwise, so scores stay finite.
    /// </summary>
    public static double R2(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        Check(actual, predicted);
        double mean = actual.Average();
        double ssRes = 0.0, ssTot = 0.0;
        for (int i = 0; i < actual.Count; i++)
        {
            double e = actual[i] - predicted[i], t = actual[i] - mean;
            ssRes += e * e;
            ssTot += t * t;
        }
        if (ssTot == 0.0) return ssRes == 0.0 ? 1.0 : 0.0;
        return 1.0 - ssRes / ssTot;
    }

    /// <summary>One score by name (higher is better).</summary>
    public static double Score(RegressionMetric metric, IReadOnlyList<double> actual, IReadOnlyList<double> predicted) =>
        metric switch
        {
            RegressionMetric.R2 => R2(actual, predicted),
            RegressionMetric.NegativeMse => -Mse(actual, predicted),
            RegressionMetric.NegativeMae => -Mae(actual, predicted),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
        };

    private static void Check(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count != predicted.Count) throw new ArgumentException($"{actual.Count} true values but {predicted.Count} predictions.", nameof(predicted));
        if (actual.Count == 0) throw new ArgumentException("No rows to score.", nameof(actual));
        for (int i = 0; i < actual.Count; i++)
            if (!double.IsFinite(actual[i]) || !double.IsFinite(predicted[i])) throw new ArgumentException($"Row {i}: a value is not finite.", nameof(predicted));
    }
}
