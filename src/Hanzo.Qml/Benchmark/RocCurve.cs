namespace Hanzo.Qml.Benchmark;

/// <summary>A binary ROC curve: false- and true-positive rates at every distinct score threshold, from (0, 0) to (1, 1).</summary>
/// <param name="FalsePositiveRates">FPR of each point, non-decreasing.</param>
/// <param name="TruePositiveRates">TPR of each point, non-decreasing.</param>
/// <param name="Auc">Area under the curve (trapezoidal; ties count one half).</param>
public sealed record RocCurve(IReadOnlyList<double> FalsePositiveRates, IReadOnlyList<double> TruePositiveRates, double Auc)
{
    /// <summary>The curve of <paramref name="scores"/> (higher = more likely positive) against <paramref name="positive"/>.</summary>
    /// <exception cref="ArgumentException">When the lengths differ, a score is NaN, or only one class is present.</exception>
    public static RocCurve From(IReadOnlyList<bool> positive, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(positive);
        ArgumentNullException.ThrowIfNull(scores);
        if (positive.Count != scores.Count) throw new ArgumentException($"{positive.Count} labels but {scores.Count} scores.", nameof(scores));
        int n = scores.Count;
        for (int i = 0; i < n; i++) if (double.IsNaN(scores[i])) throw new ArgumentException($"Score {i} is NaN.", nameof(scores));
        int pos = positive.Count(p => p), neg = n - pos;
        if (pos == 0 || neg == 0) throw new ArgumentException("A ROC curve needs both classes in the true labels.", nameof(positive));
        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ToArray();
        var fpr = new List<double> { 0.0 };
        var tpr = new List<double> { 0.0 };
        int tp = 0, fp = 0;
        double auc = 0.0;
        for (int k = 0; k < n;)
        {
            int end = k;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[k]]) end++;
            int prevTp = tp, prevFp = fp;
            for (int t = k; t <= end; t++) { if (positive[order[t]]) tp++; else fp++; }
            auc += (fp - prevFp) * (double)(tp + prevTp) / 2.0;
            fpr.Add((double)fp / neg);
            tpr.Add((double)tp / pos);
            k = end + 1;
        }
        return new RocCurve(fpr, tpr, auc / ((double)pos * neg));
    }
}
