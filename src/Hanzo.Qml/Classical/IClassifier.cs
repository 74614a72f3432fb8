namespace Hanzo.Qml.Classical;

/// <summary>
/// A classifier a benchmark can treat uniformly: fit on training rows, then predict classes and class probabilities.
/// Classes are indices 0..K−1 (a <see cref="Data.Dataset"/>'s class indices).
/// </summary>
/// <remarks>
/// <para>Implementations in this library: <see cref="Linear.LogisticRegression"/>, <see cref="NeuralNetworks.MlpClassifier"/>,
/// <see cref="Trees.GradientBoostedTreesClassifier"/>; the RBF-SVM baseline (and the QSVM) come from the SVM in
/// <c>Classical/Svm</c>, which implements this same interface. An estimator is created unfitted from an immutable
/// options record (<see cref="IClassifierFactory"/>), so a grid search or a cross-validation makes a fresh one per fold
/// and nothing fitted is ever shared between folds.</para>
/// <para><see cref="Fit"/> may be called again: it replaces the previous fit entirely. Prediction before fitting throws
/// <see cref="InvalidOperationException"/>.</para>
/// </remarks>
public interface IClassifier
{
    /// <summary>A short name for reports (e.g. "logistic_regression").</summary>
    string Name { get; }

    /// <summary>Number of classes of the last fit (0 before fitting).</summary>
    int NumClasses { get; }

    /// <summary>Fits on <paramref name="x"/> with classes <paramref name="y"/>.</summary>
    /// <param name="x">Training rows, all of the same length, finite.</param>
    /// <param name="y">Class index of each row, in 0..<paramref name="numClasses"/>−1.</param>
    /// <param name="numClasses">Number of classes K ≥ 2 (a class may be absent from a small training fold; K keeps the
    /// probability columns aligned with the dataset's classes).</param>
    /// <exception cref="ArgumentException">When shapes disagree, a value is not finite, or a label is out of range.</exception>
    void Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int numClasses);

    /// <summary>The predicted class of every row.</summary>
    int[] Predict(IReadOnlyList<double[]> x);

    /// <summary>Class probabilities of every row: result[i][k] = P(class k | row i), rows sum to 1.</summary>
    double[][] PredictProba(IReadOnlyList<double[]> x);
}

/// <summary>A regressor a benchmark can treat uniformly.</summary>
/// <remarks>Implementations: <see cref="Linear.LinearRegression"/>, <see cref="NeuralNetworks.MlpRegressor"/>,
/// <see cref="Trees.GradientBoostedTreesRegressor"/>; ε-SVR comes from <c>Classical/Svm</c>.</remarks>
public interface IRegressor
{
    /// <summary>A short name for reports.</summary>
    string Name { get; }

    /// <summary>Fits on <paramref name="x"/> with targets <paramref name="y"/>.</summary>
    /// <exception cref="ArgumentException">When shapes disagree or a value is not finite.</exception>
    void Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y);

    /// <summary>The predicted target of every row.</summary>
    double[] Predict(IReadOnlyList<double[]> x);
}

/// <summary>An immutable options record that makes fresh, unfitted classifiers (the scikit-learn <c>clone</c> that always works).</summary>
public interface IClassifierFactory
{
    /// <summary>A new unfitted classifier with these options.</summary>
    IClassifier CreateClassifier();
}

/// <summary>An immutable options record that makes fresh, unfitted regressors.</summary>
public interface IRegressorFactory
{
    /// <summary>A new unfitted regressor with these options.</summary>
    IRegressor CreateRegressor();
}
