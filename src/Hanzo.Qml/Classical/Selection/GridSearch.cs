using Hanzo.Qml.Classical.Metrics;
using Hanzo.Qml.Data;

namespace Hanzo.Qml.Classical.Selection;

/// <summary>Outcome of a grid search.</summary>
/// <typeparam name="TOptions">The options record type searched over.</typeparam>
/// <param name="Best">The candidate with the highest mean inner-CV score (the first one on ties).</param>
/// <param name="BestScore">Its mean score (NaN when the grid has a single candidate: nothing is compared, nothing fitted).</param>
/// <param name="MeanScores">Mean inner-CV score of every candidate, in candidate order.</param>
public sealed record GridSearchResult<TOptions>(TOptions Best, double BestScore, IReadOnlyList<double> MeanScores);

/// <summary>
/// Inner model selection: every candidate options record is scored by (stratified, for classifiers) k-fold
/// cross-validation on the training data only, and the best is returned. Used inside each outer benchmark fold, so
/// the quantum model and every baseline get the same tuning protocol and budget (one fit per candidate per inner fold).
/// </summary>
/// <remarks>
/// Each fit uses a fresh estimator from the candidate (<see cref="IClassifierFactory"/>), so nothing fitted is shared.
/// Ties keep the earlier candidate, so the order of the grid is the tie-break and the result is deterministic. A
/// candidate whose fit throws is an error, not a silently skipped candidate.
/// </remarks>
public static class GridSearch
{
    /// <summary>The default number of inner folds.</summary>
    public const int DefaultInnerFolds = 3;

    /// <summary>Selects the best classifier options.</summary>
    /// <param name="candidates">Options records to compare (at least one).</param>
    /// <param name="x">Training rows of the outer fold.</param>
    /// <param name="y">Their classes.</param>
    /// <param name="numClasses">Number of classes K.</param>
    /// <param name="metric">What to maximise (default accuracy).</param>
    /// <param name="folds">Inner folds (default 3; reduced to the smallest class size when that is smaller, minimum 2).</param>
    /// <param name="seed">Seed of the inner folds.</param>
    /// <exception cref="ArgumentException">When there are no candidates or the data cannot be split.</exception>
    public static GridSearchResult<TOptions> SelectClassifier<TOptions>(IReadOnlyList<TOptions> candidates, IReadOnlyList<double[]> x,
        IReadOnlyList<int> y, int numClasses, ClassificationMetric metric = ClassificationMetric.Accuracy, int folds = DefaultInnerFolds, long seed = 0)
        where TOptions : IClassifierFactory
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0) throw new ArgumentException("The grid is empty.", nameof(candidates));
        EstimatorChecks.Matrix(x);
        EstimatorChecks.Labels(y, x.Count, numClasses);
        int smallest = y.GroupBy(c => c).Min(g => g.Count());
        int k = Math.Min(folds, smallest);
        if (k < 2) throw new ArgumentException($"A class has only {smallest} training row(s); inner cross-validation needs at least 2 per class.", nameof(y));
        var splits = CrossValidation.StratifiedKFold(y, k, seed);
        if (candidates.Count == 1) return new GridSearchResult<TOptions>(candidates[0], double.NaN, [double.NaN]);
        var means = new double[candidates.Count];
        for (int c = 0; c < candidates.Count; c++)
        {
            double sum = 0.0;
            foreach (var split in splits)
            {
                var model = candidates[c].CreateClassifier();
                var xTrain = split.Train.Select(i => x[i]).ToArray();
                var xTest = split.Test.Select(i => x[i]).ToArray();
                var yTest = split.Test.Select(i => y[i]).ToArray();
                model.Fit(xTrain, [.. split.Train.Select(i => y[i])], numClasses);
                var predicted = metric == ClassificationMetric.RocAuc ? [] : model.Predict(xTest);
                var proba = metric == ClassificationMetric.RocAuc ? model.PredictProba(xTest) : [];
                sum += ClassificationMetrics.Score(metric, yTest, predicted, proba);
            }
            means[c] = sum / splits.Count;
        }
        return Pick(candidates, means);
    }

    /// <summary>Selects the best regressor options by plain shuffled k-fold.</summary>
    /// <exception cref="ArgumentException">When there are no candidates or too few rows.</exception>
    public static GridSearchResult<TOptions> SelectRegressor<TOptions>(IReadOnlyList<TOptions> candidates, IReadOnlyList<double[]> x,
        IReadOnlyList<double> y, RegressionMetric metric = RegressionMetric.R2, int folds = DefaultInnerFolds, long seed = 0)
        where TOptions : IRegressorFactory
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0) throw new ArgumentException("The grid is empty.", nameof(candidates));
        EstimatorChecks.Matrix(x);
        EstimatorChecks.Targets(y, x.Count);
        if (candidates.Count == 1) return new GridSearchResult<TOptions>(candidates[0], double.NaN, [double.NaN]);
        var splits = CrossValidation.KFold(x.Count, folds, seed);
        var means = new double[candidates.Count];
        for (int c = 0; c < candidates.Count; c++)
        {
            double sum = 0.0;
            foreach (var split in splits)
            {
                var model = candidates[c].CreateRegressor();
                model.Fit([.. split.Train.Select(i => x[i])], [.. split.Train.Select(i => y[i])]);
                var predicted = model.Predict([.. split.Test.Select(i => x[i])]);
                sum += RegressionMetrics.Score(metric, [.. split.Test.Select(i => y[i])], predicted);
            }
            means[c] = sum / splits.Count;
        }
        return Pick(candidates, means);
    }

    private static GridSearchResult<TOptions> Pick<TOptions>(IReadOnlyList<TOptions> candidates, double[] means)
    {
        int best = 0;
        for (int c = 1; c < means.Length; c++) if (means[c] > means[best]) best = c;
        return new GridSearchResult<TOptions>(candidates[best], means[best], means);
    }
}
