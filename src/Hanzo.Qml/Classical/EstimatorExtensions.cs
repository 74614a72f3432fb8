using Hanzo.Qml.Data;

namespace Hanzo.Qml.Classical;

/// <summary>Dataset-level conveniences over <see cref="IClassifier"/> and <see cref="IRegressor"/>.</summary>
public static class EstimatorExtensions
{
    /// <summary>Fits on a classification dataset (its class count is used, so folds missing a class still align).</summary>
    public static void Fit(this IClassifier classifier, Dataset train)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(train);
        RequireTask(train, TaskKind.Classification);
        classifier.Fit(train.ToJaggedArray(), train.ClassIndexArray(), train.NumClasses);
    }

    /// <summary>Predicts the classes of a dataset's rows.</summary>
    public static int[] Predict(this IClassifier classifier, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(data);
        return classifier.Predict(data.ToJaggedArray());
    }

    /// <summary>Class probabilities of a dataset's rows.</summary>
    public static double[][] PredictProba(this IClassifier classifier, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(data);
        return classifier.PredictProba(data.ToJaggedArray());
    }

    /// <summary>Fits on a regression dataset.</summary>
    public static void Fit(this IRegressor regressor, Dataset train)
    {
        ArgumentNullException.ThrowIfNull(regressor);
        ArgumentNullException.ThrowIfNull(train);
        RequireTask(train, TaskKind.Regression);
        regressor.Fit(train.ToJaggedArray(), train.TargetArray());
    }

    /// <summary>Predicts a dataset's targets.</summary>
    public static double[] Predict(this IRegressor regressor, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(regressor);
        ArgumentNullException.ThrowIfNull(data);
        return regressor.Predict(data.ToJaggedArray());
    }

    private static void RequireTask(Dataset d, TaskKind task)
    {
        if (d.Task != task) throw new ArgumentException($"Dataset '{d.Name}' is a {d.Task.ToString().ToLowerInvariant()} dataset; this estimator needs {task.ToString().ToLowerInvariant()}.", nameof(d));
    }
}

/// <summary>Input checks shared by the classical estimators, so all report the same clear messages.</summary>
internal static class EstimatorChecks
{
    /// <summary>Checks a training matrix and returns its width.</summary>
    public static int Matrix(IReadOnlyList<double[]> x, string paramName = "x", int expectedWidth = -1)
    {
        ArgumentNullException.ThrowIfNull(x, paramName);
        if (x.Count == 0) throw new ArgumentException("At least one row is needed.", paramName);
        int d = expectedWidth >= 0 ? expectedWidth : (x[0]?.Length ?? throw new ArgumentException("Row 0 is null.", paramName));
        if (d == 0) throw new ArgumentException("At least one feature is needed.", paramName);
        for (int i = 0; i < x.Count; i++)
        {
            var r = x[i] ?? throw new ArgumentException($"Row {i} is null.", paramName);
            if (r.Length != d)
                throw new ArgumentException(expectedWidth >= 0 ? $"Row {i} has {r.Length} features; the model was fitted on {d}." : $"Row {i} has {r.Length} features; row 0 has {d}.", paramName);
            for (int j = 0; j < d; j++)
                if (!double.IsFinite(r[j])) throw new ArgumentException($"Row {i}, feature {j}: {r[j]} is not a finite number.", paramName);
        }
        return d;
    }

    /// <summary>Checks class labels against the row count and class count.</summary>
    public static void Labels(IReadOnlyList<int> y, int rows, int numClasses)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (numClasses < 2) throw new ArgumentOutOfRangeException(nameof(numClasses), numClasses, "A classifier needs at least two classes.");
        if (y.Count != rows) throw new ArgumentException($"There are {rows} rows but {y.Count} labels.", nameof(y));
        for (int i = 0; i < y.Count; i++)
            if ((uint)y[i] >= (uint)numClasses) throw new ArgumentException($"Row {i}: class {y[i]} is outside 0..{numClasses - 1}.", nameof(y));
    }

    /// <summary>Checks regression targets against the row count.</summary>
    public static void Targets(IReadOnlyList<double> y, int rows)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != rows) throw new ArgumentException($"There are {rows} rows but {y.Count} targets.", nameof(y));
        for (int i = 0; i < y.Count; i++)
            if (!double.IsFinite(y[i])) throw new ArgumentException($"Row {i}: target {y[i]} is not a finite number.", nameof(y));
    }

    /// <summary>Throws when a model is used before fitting.</summary>
    public static InvalidOperationException NotFitted(string name) => new($"The {name} model is not fitted; call Fit first.");
}
