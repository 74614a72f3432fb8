namespace Hanzo.Qml.Classical.Svm;

/// <summary>
/// Turns LIBSVM's pairwise decision values into the probability rows <see cref="IClassifier.PredictProba"/> promises.
/// </summary>
/// <remarks>
/// scikit-learn's SVC has no probabilities unless it runs Platt scaling (<c>probability=True</c>), which fits an inner
/// 5-fold cross-validation per model: five extra SVM fits in every fold of a benchmark. The benchmark only needs
/// probabilities to rank rows (ROC AUC), so these are a monotone squashing instead: for two classes the logistic function
/// of the decision value (ROC AUC is then exactly the decision function's), for more classes a softmax of scikit-learn's
/// one-vs-rest decision values (votes plus confidences in (−⅓, ⅓)). They are not calibrated probabilities.
/// </remarks>
internal static class SvmProbabilities
{
    /// <summary>Probability rows over <paramref name="numClasses"/> columns from pairwise values [samples, pairs].</summary>
    /// <param name="raw">LIBSVM's pairwise values: positive votes for the pair's first class.</param>
    /// <param name="classes">The classes the SVC was fitted on, ascending (a fold may lack some of the dataset's classes).</param>
    /// <param name="numClasses">Width of each row; absent classes get probability 0.</param>
    public static double[][] FromPairwise(double[,] raw, IReadOnlyList<int> classes, int numClasses)
    {
        int m = raw.GetLength(0), k = classes.Count;
        var result = new double[m][];
        var ovr = new double[k];
        for (int s = 0; s < m; s++)
        {
            var row = new double[numClasses];
            if (k == 2)
            {
                double p1 = Sigmoid(-raw[s, 0]);
                row[classes[0]] = 1.0 - p1;
                row[classes[1]] = p1;
            }
            else
            {
                OneVsRest(raw, s, k, ovr);
                double max = ovr.Max(), sum = 0.0;
                for (int c = 0; c < k; c++) sum += Math.Exp(ovr[c] - max);
                for (int c = 0; c < k; c++) row[classes[c]] = Math.Exp(ovr[c] - max) / sum;
            }
            result[s] = row;
        }
        return result;
    }

    /// <summary>scikit-learn's <c>decision_function_shape="ovr"</c> row: votes + summed confidence / (3(|confidence| + 1)).</summary>
    private static void OneVsRest(double[,] raw, int s, int k, double[] result)
    {
        Span<double> votes = stackalloc double[k];
        Span<double> confidence = stackalloc double[k];
        int p = 0;
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++, p++)
            {
                double d = raw[s, p];
                confidence[i] += d;
                confidence[j] -= d;
                if (d < 0) votes[j]++;
                else votes[i]++;
            }
        for (int c = 0; c < k; c++) result[c] = votes[c] + confidence[c] / (3 * (Math.Abs(confidence[c]) + 1));
    }

    private static double Sigmoid(double s) => s >= 0 ? 1.0 / (1.0 + Math.Exp(-s)) : Math.Exp(s) / (1.0 + Math.Exp(s));
}
