using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Hanzo.Qml.Classical.Trees;

/// <summary>
/// Options of the gradient-boosted trees baseline (LightGBM through ML.NET). Defaults are LightGBM's own
/// (100 trees, learning rate 0.1, 31 leaves, 20 rows per leaf), single-threaded and seeded.
/// </summary>
public sealed record GradientBoostedTreesOptions : IClassifierFactory, IRegressorFactory
{
    /// <summary>Number of boosting rounds (trees per class for multi-class).</summary>
    public int NumberOfIterations { get; init; } = 100;

    /// <summary>Shrinkage of each tree, in (0, 1].</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Maximum leaves per tree.</summary>
    public int NumberOfLeaves { get; init; } = 31;

    /// <summary>Minimum training rows in a leaf (lower it for very small datasets, or no split is ever made).</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 20;

    /// <summary>Maximum tree depth; 0 for no limit.</summary>
    public int MaximumTreeDepth { get; init; }

    /// <summary>L2 regularisation of the leaf values.</summary>
    public double L2Regularization { get; init; }

    /// <summary>LightGBM's seed.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Threads LightGBM may use (default 1). One thread plus LightGBM's deterministic mode makes results
    /// bit-reproducible; more threads are faster on large data and stay deterministic by that mode, but the
    /// benchmark's folds are small enough that one thread costs little.
    /// </summary>
    public int NumberOfThreads { get; init; } = 1;

    /// <inheritdoc />
    public IClassifier CreateClassifier() => new GradientBoostedTreesClassifier(this);

    /// <inheritdoc />
    public IRegressor CreateRegressor() => new GradientBoostedTreesRegressor(this);

    internal void Validate()
    {
        if (NumberOfIterations < 1) throw new ArgumentOutOfRangeException(nameof(NumberOfIterations), NumberOfIterations, "At least one boosting round is needed.");
        if (!(LearningRate > 0 && LearningRate <= 1)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be in (0, 1].");
        if (NumberOfLeaves < 2) throw new ArgumentOutOfRangeException(nameof(NumberOfLeaves), NumberOfLeaves, "A tree needs at least 2 leaves.");
        if (MinimumExampleCountPerLeaf < 1) throw new ArgumentOutOfRangeException(nameof(MinimumExampleCountPerLeaf), MinimumExampleCountPerLeaf, "A leaf needs at least 1 row.");
        if (MaximumTreeDepth < 0) throw new ArgumentOutOfRangeException(nameof(MaximumTreeDepth), MaximumTreeDepth, "The depth limit must be ≥ 0 (0 = none).");
        if (!(L2Regularization >= 0)) throw new ArgumentOutOfRangeException(nameof(L2Regularization), L2Regularization, "L2 regularisation must be ≥ 0.");
        if (NumberOfThreads < 1) throw new ArgumentOutOfRangeException(nameof(NumberOfThreads), NumberOfThreads, "At least one thread is needed.");
    }
}

/// <summary>
/// Gradient-boosted decision trees for classification, an adapter over ML.NET's LightGBM trainer (binary for two
/// classes, softmax multi-class otherwise). In the quantum-versus-classical benchmark it fills the "XGBoost" slot: the
/// strong tree-ensemble baseline; LightGBM is the gradient-boosting library .NET can run natively.
/// </summary>
/// <remarks>
/// Determinism: a fresh <see cref="MLContext"/> seeded with <see cref="GradientBoostedTreesOptions.Seed"/>, LightGBM's
/// <c>deterministic</c> flag and <see cref="GradientBoostedTreesOptions.NumberOfThreads"/> = 1 by default, so the same
/// data and options give the same trees. Features are passed to LightGBM as 32-bit floats (ML.NET's only feature type).
/// </remarks>
public sealed class GradientBoostedTreesClassifier : IClassifier
{
    private ITransformer? _model;
    private MLContext? _context;
    private int _features;
    private bool _binary;

    /// <summary>Creates an unfitted classifier.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public GradientBoostedTreesClassifier(GradientBoostedTreesOptions? options = null)
    {
        Options = options ?? new GradientBoostedTreesOptions();
        Options.Validate();
    }

    /// <summary>The options in force.</summary>
    public GradientBoostedTreesOptions Options { get; }

    /// <inheritdoc />
    public string Name => "gradient_boosted_trees";

    /// <inheritdoc />
    public int NumClasses { get; private set; }

    /// <inheritdoc />
    public void Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int numClasses)
    {
        int d = EstimatorChecks.Matrix(x);
        EstimatorChecks.Labels(y, x.Count, numClasses);
        if (y.Distinct().Count() < 2)
            throw new ArgumentException($"Every training row is class {y[0]}; gradient-boosted trees need at least two classes in the training data.", nameof(y));
        var ml = new MLContext(Options.Seed);
        if (numClasses == 2)
        {
            var rows = x.Select((r, i) => new BinaryRow { Features = LightGbmData.ToFloat(r), Label = y[i] == 1 });
            var data = ml.Data.LoadFromEnumerable(rows, LightGbmData.Schema<BinaryRow>(d));
            var trainer = ml.BinaryClassification.Trainers.LightGbm(LightGbmData.Fill(new LightGbmBinaryTrainer.Options(), Options));
            _model = trainer.Fit(data);
        }
        else
        {
            // The class → key map is built from the list 0..K−1, not from the training rows, so score slot k is class k
            // even when a class is missing from this fold. Only the trainer's model is kept: prediction rows have no label.
            var rows = x.Select((r, i) => new RegressionRow { Features = LightGbmData.ToFloat(r), Label = y[i] });
            var data = ml.Data.LoadFromEnumerable(rows, LightGbmData.Schema<RegressionRow>(d));
            var keyData = ml.Data.LoadFromEnumerable(Enumerable.Range(0, numClasses).Select(k => new ClassValue { Label = k }));
            var keyed = ml.Transforms.Conversion.MapValueToKey(nameof(RegressionRow.Label), nameof(RegressionRow.Label), keyData: keyData).Fit(data).Transform(data);
            var options = LightGbmData.Fill(new LightGbmMulticlassTrainer.Options { UseSoftmax = true }, Options);
            _model = ml.MulticlassClassification.Trainers.LightGbm(options).Fit(keyed);
        }
        _context = ml;
        _features = d;
        _binary = numClasses == 2;
        NumClasses = numClasses;
    }

    /// <inheritdoc />
    public double[][] PredictProba(IReadOnlyList<double[]> x)
    {
        if (_model is null || _context is null) throw EstimatorChecks.NotFitted(Name);
        EstimatorChecks.Matrix(x, expectedWidth: _features);
        var data = _context.Data.LoadFromEnumerable(x.Select(r => new FeatureRow { Features = LightGbmData.ToFloat(r) }), LightGbmData.Schema<FeatureRow>(_features));
        var scored = _model.Transform(data);
        if (_binary)
            return [.. scored.GetColumn<float>(scored.Schema["Probability"]).Select(p => new[] { 1.0 - p, (double)p })];
        return [.. scored.GetColumn<VBuffer<float>>(scored.Schema["Score"]).Select(v =>
        {
            var p = new double[NumClasses];
            var dense = v.DenseValues().ToArray();
            for (int k = 0; k < Math.Min(dense.Length, NumClasses); k++) p[k] = dense[k];
            double sum = p.Sum();
            if (sum > 0) for (int k = 0; k < p.Length; k++) p[k] /= sum; // float rounding: make rows sum to 1 in double
            return p;
        })];
    }

    /// <inheritdoc />
    public int[] Predict(IReadOnlyList<double[]> x) => [.. PredictProba(x).Select(Linear.LogisticRegression.ArgMax)];
}

/// <summary>
/// Gradient-boosted decision trees for regression (LightGBM through ML.NET, squared-error objective); the "XGBoost"
/// slot of the regression benchmark. Deterministic as <see cref="GradientBoostedTreesClassifier"/>.
/// </summary>
public sealed class GradientBoostedTreesRegressor : IRegressor
{
    private ITransformer? _model;
    private MLContext? _context;
    private int _features;

    /// <summary>Creates an unfitted regressor.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public GradientBoostedTreesRegressor(GradientBoostedTreesOptions? options = null)
    {
        Options = options ?? new GradientBoostedTreesOptions();
        Options.Validate();
    }

    /// <summary>The options in force.</summary>
    public GradientBoostedTreesOptions Options { get; }

    /// <inheritdoc />
    public string Name => "gradient_boosted_trees";

    /// <inheritdoc />
    public void Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y)
    {
        int d = EstimatorChecks.Matrix(x);
        EstimatorChecks.Targets(y, x.Count);
        var ml = new MLContext(Options.Seed);
        var rows = x.Select((r, i) => new RegressionRow { Features = LightGbmData.ToFloat(r), Label = (float)y[i] });
        var data = ml.Data.LoadFromEnumerable(rows, LightGbmData.Schema<RegressionRow>(d));
        _model = ml.Regression.Trainers.LightGbm(LightGbmData.Fill(new LightGbmRegressionTrainer.Options(), Options)).Fit(data);
        _context = ml;
        _features = d;
    }

    /// <inheritdoc />
    public double[] Predict(IReadOnlyList<double[]> x)
    {
        if (_model is null || _context is null) throw EstimatorChecks.NotFitted(Name);
        EstimatorChecks.Matrix(x, expectedWidth: _features);
        var data = _context.Data.LoadFromEnumerable(x.Select(r => new FeatureRow { Features = LightGbmData.ToFloat(r) }), LightGbmData.Schema<FeatureRow>(_features));
        var scored = _model.Transform(data);
        return [.. scored.GetColumn<float>(scored.Schema["Score"]).Select(s => (double)s)];
    }
}

/// <summary>Row types and option plumbing shared by the LightGBM adapters.</summary>
internal static class LightGbmData
{
    public static float[] ToFloat(double[] row)
    {
        var f = new float[row.Length];
        for (int j = 0; j < row.Length; j++) f[j] = (float)row[j];
        return f;
    }

    /// <summary>A schema whose feature vector has the runtime width <paramref name="features"/> (ML.NET needs it fixed).</summary>
    public static SchemaDefinition Schema<T>(int features)
    {
        var schema = SchemaDefinition.Create(typeof(T));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        return schema;
    }

    // ML.NET's three option classes share their LightGBM fields only through different generic bases, so each gets
    // the same assignments.
    public static LightGbmBinaryTrainer.Options Fill(LightGbmBinaryTrainer.Options o, GradientBoostedTreesOptions options)
    {
        o.NumberOfIterations = options.NumberOfIterations;
        o.LearningRate = options.LearningRate;
        o.NumberOfLeaves = options.NumberOfLeaves;
        o.MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf;
        o.Seed = options.Seed;
        o.NumberOfThreads = options.NumberOfThreads;
        o.Deterministic = true;
        o.Silent = true;
        o.Verbose = false;
        o.Booster = Booster(options);
        return o;
    }

    public static LightGbmMulticlassTrainer.Options Fill(LightGbmMulticlassTrainer.Options o, GradientBoostedTreesOptions options)
    {
        o.NumberOfIterations = options.NumberOfIterations;
        o.LearningRate = options.LearningRate;
        o.NumberOfLeaves = options.NumberOfLeaves;
        o.MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf;
        o.Seed = options.Seed;
        o.NumberOfThreads = options.NumberOfThreads;
        o.Deterministic = true;
        o.Silent = true;
        o.Verbose = false;
        o.Booster = Booster(options);
        return o;
    }

    public static LightGbmRegressionTrainer.Options Fill(LightGbmRegressionTrainer.Options o, GradientBoostedTreesOptions options)
    {
        o.NumberOfIterations = options.NumberOfIterations;
        o.LearningRate = options.LearningRate;
        o.NumberOfLeaves = options.NumberOfLeaves;
        o.MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf;
        o.Seed = options.Seed;
        o.NumberOfThreads = options.NumberOfThreads;
        o.Deterministic = true;
        o.Silent = true;
        o.Verbose = false;
        o.Booster = Booster(options);
        return o;
    }

    private static GradientBooster.Options Booster(GradientBoostedTreesOptions options) => new()
    {
        MaximumTreeDepth = options.MaximumTreeDepth,
        L2Regularization = options.L2Regularization,
    };
}

/// <summary>ML.NET input row for prediction.</summary>
internal sealed class FeatureRow
{
    public float[] Features { get; set; } = [];
}

/// <summary>ML.NET input row for binary classification.</summary>
internal sealed class BinaryRow
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}

/// <summary>One class value for the multi-class key map.</summary>
internal sealed class ClassValue
{
    public float Label { get; set; }
}

/// <summary>ML.NET input row with a numeric label (regression, and multi-class before key mapping).</summary>
internal sealed class RegressionRow
{
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}
