namespace Hanzo.Qml.Classical.Metrics;

/// <summary>A classification score where higher is better (used by model selection and reports).</summary>
public enum ClassificationMetric
{
    /// <summary>Fraction of rows predicted correctly.</summary>
    Accuracy,

    /// <summary>Unweighted mean of the per-class F1 scores.</summary>
    MacroF1,

    /// <summary>ROC AUC: binary, or one-vs-rest macro average for more classes.</summary>
    RocAuc,
}

/// <summary>
/// Classification metrics with scikit-learn's definitions, so numbers can be compared with Python results one to one.
/// Classes are indices 0..K−1.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Fraction of rows with <paramref name="predicted"/> equal to <paramref name="actual"/>.</summary>
    public static double Accuracy(IReadOnlyList<int> actual, IReadOnlyList<int> predicted)
    {
        CheckPair(actual, predicted);
        int correct = 0;
        for (int i = 0; i < actual.Count; i++) if (actual[i] == predicted[i]) correct++;
        return (double)correct / actual.Count;
    }

    /// <summary>
    /// Confusion matrix C[actual, predicted] (scikit-learn's orientation: rows are true classes).
    /// </summary>
    /// <param name="actual">True classes.</param>
    /// <param name="predicted">Predicted classes.</param>
    /// <param name="numClasses">K; null for one more than the largest class seen.</param>
    public static int[,] ConfusionMatrix(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, int? numClasses = null)
    {
        CheckPair(actual, predicted);
        int k = numClasses ?? Math.Max(actual.Max(), predicted.Max()) + 1;
        var m = new int[k, k];
        for (int i = 0; i < actual.Count; i++)
        {
            if ((uint)actual[i] >= (uint)k || (uint)predicted[i] >= (uint)k)
                throw new ArgumentException($"Row {i}: class outside 0..{k - 1}.", nameof(actual));
            m[actual[i], predicted[i]]++;
        }
        return m;
    }

    /// <summary>
    /// Macro-averaged F1 over the classes that occur in <paramref name="actual"/> or <paramref name="predicted"/>
    /// (scikit-learn's <c>f1_score(average="macro")</c>); a class that is never predicted correctly scores 0
    /// (<c>zero_division=0</c>).
    /// </summary>
    public static double MacroF1(IReadOnlyList<int> actual, IReadOnlyList<int> predicted)
    {
        CheckPair(actual, predicted);
        var classes = actual.Concat(predicted).Distinct().Order().ToArray();
        double sum = 0.0;
        foreach (int c in classes)
        {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < actual.Count; i++)
            {
                bool a = actual[i] == c, p = predicted[i] == c;
                if (a && p) tp++;
                else if (p) fp++;
                else if (a) fn++;
            }
            int denominator = 2 * tp + fp + fn;
            sum += denominator == 0 ? 0.0 : 2.0 * tp / denominator;
        }
        return sum / classes.Length;
    }

    /// <summary>
    /// Binary ROC AUC of <paramref name="scores"/> (higher = more likely positive) against <paramref name="positive"/>:
    /// the probability that a random positive scores above a random negative, ties counting one half. This equals the
    /// area under the trapezoidal ROC curve, which is how scikit-learn's <c>roc_auc_score</c> treats tied scores.
    /// </summary>
    /// <exception cref="ArgumentException">When only one class is present (the AUC is undefined, as in scikit-learn).</exception>
    public static double RocAuc(IReadOnlyList<bool> positive, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(positive);
        ArgumentNullException.ThrowIfNull(scores);
        if (positive.Count != scores.Count) throw new ArgumentException($"{positive.Count} labels but {scores.Count} scores.", nameof(scores));
        int n = scores.Count;
        for (int i = 0; i < n; i++)
            if (double.IsNaN(scores[i])) throw new ArgumentException($"Score {i} is NaN.", nameof(scores));
        // Mann–Whitney U with average ranks for tied scores.
        var order = Enumerable.Range(0, n).OrderBy(i => scores[i]).ToArray();
        double rankSumPositive = 0.0;
        long nPos = 0;
        int start = 0;
        while (start < n)
        {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) end++;
            double averageRank = (start + end) / 2.0 + 1.0;
            for (int k = start; k <= end; k++)
                if (positive[order[k]]) { rankSumPositive += averageRank; nPos++; }
            start = end + 1;
        }
        long nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0)
            throw new ArgumentException("ROC AUC is undefined when only one class is present in the true labels.", nameof(positive));
        return (rankSumPositive - nPos * (nPos + 1) / 2.0) / ((double)nPos * nNeg);
    }

    /// <summary>
    /// ROC AUC from class probabilities: for two classes, the AUC of column 1 (class 1 is the positive class); for more,
    /// the unweighted mean over classes of the one-vs-rest AUC of column k (scikit-learn's
    /// <c>roc_auc_score(multi_class="ovr", average="macro")</c>).
    /// </summary>
    /// <exception cref="ArgumentException">When a class of the probability columns is absent from <paramref name="actual"/>.</exception>
    public static double RocAuc(IReadOnlyList<int> actual, IReadOnlyList<double[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (actual.Count != probabilities.Count) throw new ArgumentException($"{actual.Count} labels but {probabilities.Count} probability rows.", nameof(probabilities));
        if (actual.Count == 0) throw new ArgumentException("No rows.", nameof(actual));
        int k = probabilities[0].Length;
        if (k < 2) throw new ArgumentException("Probabilities need at least two columns.", nameof(probabilities));
        foreach (var row in probabilities)
            if (row is null || row.Length != k) throw new ArgumentException("Every probability row needs the same number of columns.", nameof(probabilities));
        for (int i = 0; i < actual.Count; i++)
            if ((uint)actual[i] >= (uint)k) throw new ArgumentException($"Row {i}: class {actual[i]} has no probability column.", nameof(actual));
        if (k == 2)
            return RocAuc([.. actual.Select(a => a == 1)], [.. probabilities.Select(p => p[1])]);
        double sum = 0.0;
        for (int c = 0; c < k; c++)
        {
            if (!actual.Contains(c))
                throw new ArgumentException($"Class {c} does not occur in the true labels, so its one-vs-rest ROC AUC is undefined.", nameof(actual));
            sum += RocAuc([.. actual.Select(a => a == c)], [.. probabilities.Select(p => p[c])]);
        }
        return sum / k;
    }

    /// <summary>One score by name: accuracy and macro F1 from <paramref name="predicted"/>, ROC AUC from <paramref name="probabilities"/>.</summary>
    public static double Score(ClassificationMetric metric, IReadOnlyList<int> actual, IReadOnlyList<int> predicted, IReadOnlyList<double[]> probabilities) =>
        metric switch
        {
            ClassificationMetric.Accuracy => Accuracy(actual, predicted),
            ClassificationMetric.MacroF1 => MacroF1(actual, predicted),
            ClassificationMetric.RocAuc => RocAuc(actual, probabilities),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
        };

    private static void CheckPair(IReadOnlyList<int> actual, IReadOnlyList<int> predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count != predicted.Count) throw new ArgumentException($"{actual.Count} true labels but {predicted.Count} predictions.", nameof(predicted));
        if (actual.Count == 0) throw new ArgumentException("No rows to score.", nameof(actual));
    }
}
