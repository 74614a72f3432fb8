using Hanzo.Qml.Classical;
using Hanzo.Qml.Classical.Metrics;
using Hanzo.Qml.Classical.NeuralNetworks;
using Hanzo.Qml.Classical.Svm;
using Hanzo.Qml.Data;
using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>Settings of <see cref="ModelHpoObjective"/>.</summary>
public sealed record ModelHpoObjectiveOptions
{
    /// <summary>0 (default) for one stratified hold-out split; k ≥ 2 for the mean over stratified k-fold.</summary>
    public int Folds { get; init; }

    /// <summary>Validation share of the hold-out split (default 0.25).</summary>
    public double ValidationFraction { get; init; } = 0.25;

    /// <summary>The score; the objective is 1 − score (default accuracy).</summary>
    public ClassificationMetric Metric { get; init; } = ClassificationMetric.Accuracy;

    /// <summary>Seed of the split and of the model's own randomness (the MLP's weights).</summary>
    public long Seed { get; init; }

    /// <summary>MLP epochs when the space has no <c>max_epochs</c> (default 100).</summary>
    public int MlpEpochs { get; init; } = 100;
}

/// <summary>
/// The objective of tuning a classifier on a dataset: fit with the configuration's hyperparameters on the training
/// rows, score on the validation rows, return 1 − score (a loss to minimise). The splits and the standardisation
/// (fitted on each training part only, so nothing leaks) are fixed at construction: every configuration is judged on
/// exactly the same rows, which is what makes the searches comparable.
/// </summary>
public sealed class ModelHpoObjective : IHpoObjective
{
    /// <summary>Model names this objective can train.</summary>
    public static IReadOnlyList<string> Models { get; } = ["rbf_svm", "mlp"];

    private readonly List<(double[][] XTrain, int[] YTrain, double[][] XTest, int[] YTest)> _folds = [];
    private readonly int _numClasses;

    /// <summary>The objective of <paramref name="model"/> on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">For an unknown model, a regression dataset or invalid options.</exception>
    public ModelHpoObjective(Dataset data, string model, ModelHpoObjectiveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        Model = model.Trim().ToLowerInvariant();
        if (!Models.Contains(Model)) throw new ArgumentException($"Unknown model '{model}'; allowed: {string.Join(", ", Models)}.", nameof(model));
        if (data.Task != TaskKind.Classification) throw new ArgumentException($"Dataset '{data.Name}' is not a classification dataset; HPO objectives here score classifiers.", nameof(data));
        Options = options ?? new ModelHpoObjectiveOptions();
        if (Options.Folds == 1 || Options.Folds < 0) throw new ArgumentOutOfRangeException(nameof(options), Options.Folds, "Folds must be 0 (hold-out) or at least 2.");
        OptionCheck.AtLeast(Options.MlpEpochs, 1, nameof(Options.MlpEpochs));
        _numClasses = data.NumClasses;
        var labels = data.ClassIndexArray();
        var splits = Options.Folds == 0
            ? [CrossValidation.StratifiedTrainTestSplit(labels, Options.ValidationFraction, Options.Seed)]
            : CrossValidation.StratifiedKFold(labels, Options.Folds, Options.Seed);
        foreach (var fold in splits)
        {
            var train = data.Subset(fold.Train);
            var test = data.Subset(fold.Test);
            var scaler = StandardScaler.Fit(train);
            _folds.Add((scaler.Transform(train.ToJaggedArray()), train.ClassIndexArray(), scaler.Transform(test.ToJaggedArray()), test.ClassIndexArray()));
        }
    }

    /// <summary>The model name (<c>rbf_svm</c> or <c>mlp</c>).</summary>
    public string Model { get; }

    /// <summary>The settings.</summary>
    public ModelHpoObjectiveOptions Options { get; }

    /// <summary>Hyperparameter names the model understands.</summary>
    public IReadOnlyList<string> HyperparameterNames => Model == "rbf_svm" ? ["C", "gamma"] : ["hidden_width", "learning_rate", "alpha", "max_epochs", "batch_size"];

    /// <summary>Checks that every hyperparameter of <paramref name="space"/> is one the model understands, with values of the right kind.</summary>
    /// <exception cref="ArgumentException">Naming the first offending hyperparameter or value.</exception>
    public void Validate(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        foreach (var p in space.Parameters)
        {
            if (!HyperparameterNames.Contains(p.Name))
                throw new ArgumentException($"Model '{Model}' has no hyperparameter '{p.Name}'; allowed: {string.Join(", ", HyperparameterNames)}.", nameof(space));
            foreach (var v in p.Values)
            {
                bool ok = p.Name == "gamma" && !v.IsNumber ? v.Text is "scale" or "auto" : v.IsNumber && v.Number > 0;
                if (!ok) throw new ArgumentException($"Hyperparameter '{p.Name}' of '{Model}' cannot take the value '{v}' ({(p.Name == "gamma" ? "a number > 0, 'scale' or 'auto'" : "a number > 0")}).", nameof(space));
            }
        }
    }

    /// <summary>The classifier factory for <paramref name="configuration"/> (defaults for hyperparameters the space leaves out).</summary>
    public IClassifierFactory CreateFactory(Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (Model == "rbf_svm")
        {
            var o = new RbfSvmOptions();
            if (configuration.Has("C")) o = o with { C = configuration["C"].AsNumber() };
            if (configuration.Has("gamma"))
            {
                var g = configuration["gamma"];
                o = o with { Gamma = g.IsNumber ? KernelGamma.Fixed(g.Number) : g.Text == "auto" ? KernelGamma.Auto : KernelGamma.Scale };
            }
            return o;
        }
        var m = new MlpOptions { Seed = Options.Seed, MaxEpochs = Options.MlpEpochs };
        if (configuration.Has("hidden_width")) m = m with { HiddenLayers = [(int)Math.Round(configuration["hidden_width"].AsNumber())] };
        if (configuration.Has("learning_rate")) m = m with { LearningRate = configuration["learning_rate"].AsNumber() };
        if (configuration.Has("alpha")) m = m with { L2 = configuration["alpha"].AsNumber() };
        if (configuration.Has("max_epochs")) m = m with { MaxEpochs = (int)Math.Round(configuration["max_epochs"].AsNumber()) };
        if (configuration.Has("batch_size")) m = m with { BatchSize = (int)Math.Round(configuration["batch_size"].AsNumber()) };
        return m;
    }

    /// <summary>1 − the mean validation score of the model with <paramref name="configuration"/>.</summary>
    public double Evaluate(Configuration configuration, CancellationToken cancellationToken)
    {
        var factory = CreateFactory(configuration);
        double sum = 0;
        foreach (var (xTrain, yTrain, xTest, yTest) in _folds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var model = factory.CreateClassifier();
            model.Fit(xTrain, yTrain, _numClasses);
            var predicted = model.Predict(xTest);
            var proba = Options.Metric == ClassificationMetric.RocAuc ? model.PredictProba(xTest) : [];
            sum += ClassificationMetrics.Score(Options.Metric, yTest, predicted, proba);
        }
        return 1 - sum / _folds.Count;
    }
}
