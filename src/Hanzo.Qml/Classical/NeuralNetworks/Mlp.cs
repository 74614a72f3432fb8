using System.Globalization;
using Hanzo.Qml.Data;

namespace Hanzo.Qml.Classical.NeuralNetworks;

/// <summary>Hidden-layer nonlinearity.</summary>
public enum MlpActivation
{
    /// <summary>max(0, z) (scikit-learn's default).</summary>
    Relu,

    /// <summary>tanh(z).</summary>
    Tanh,
}

/// <summary>Options of <see cref="MlpClassifier"/> and <see cref="MlpRegressor"/> (scikit-learn's <c>MLPClassifier</c> defaults unless noted).</summary>
public sealed record MlpOptions : IClassifierFactory, IRegressorFactory
{
    /// <summary>Widths of the hidden layers (default one layer of 32; scikit-learn uses 100, more than these small tabular sets need).</summary>
    public IReadOnlyList<int> HiddenLayers { get; init; } = [32];

    /// <summary>Hidden-layer nonlinearity (default ReLU).</summary>
    public MlpActivation Activation { get; init; } = MlpActivation.Relu;

    /// <summary>Adam step size (default 1e-3).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Maximum number of passes over the training data (default 200).</summary>
    public int MaxEpochs { get; init; } = 200;

    /// <summary>Rows per mini-batch (default 32; the whole set when it is smaller).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>L2 penalty α on the weights (default 1e-4).</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>Seed of the initial weights, the shuffles and the validation split.</summary>
    public long Seed { get; init; }

    /// <summary>Hold out <see cref="ValidationFraction"/> of the training rows, stop when their loss stops improving, and keep the best weights.</summary>
    public bool EarlyStopping { get; init; }

    /// <summary>Share of the training rows held out for early stopping (default 0.1).</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Epochs without an improvement of at least <see cref="Tolerance"/> before training stops (default 10).</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Smallest loss decrease that counts as an improvement (default 1e-4).</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <inheritdoc />
    public IClassifier CreateClassifier() => new MlpClassifier(this);

    /// <inheritdoc />
    public IRegressor CreateRegressor() => new MlpRegressor(this);

    /// <summary>A readable form with the hidden-layer widths spelled out (a record would print the list's type name).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"MlpOptions {{ HiddenLayers = [{string.Join(", ", HiddenLayers)}], Activation = {Activation}, LearningRate = {LearningRate}, MaxEpochs = {MaxEpochs}, BatchSize = {BatchSize}, L2 = {L2}, Seed = {Seed}, EarlyStopping = {EarlyStopping} }}");

    internal void Validate()
    {
        if (HiddenLayers is null || HiddenLayers.Any(w => w < 1)) throw new ArgumentOutOfRangeException(nameof(HiddenLayers), "Every hidden layer needs at least one unit.");
        if (!Enum.IsDefined(Activation)) throw new ArgumentOutOfRangeException(nameof(Activation), Activation, "Unknown activation.");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be a finite number > 0.");
        if (MaxEpochs < 1) throw new ArgumentOutOfRangeException(nameof(MaxEpochs), MaxEpochs, "At least one epoch is needed.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batch size must be at least 1.");
        if (!(L2 >= 0) || !double.IsFinite(L2)) throw new ArgumentOutOfRangeException(nameof(L2), L2, "The L2 penalty must be a finite number ≥ 0.");
        if (!(ValidationFraction > 0 && ValidationFraction < 1)) throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "The validation fraction must be in (0, 1).");
        if (Patience < 1) throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "Patience must be at least 1.");
        if (!(Tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance must be ≥ 0.");
    }
}

/// <summary>
/// A multi-layer perceptron classifier: dense hidden layers, softmax output, cross-entropy loss, mini-batch Adam,
/// seeded initialisation and shuffling (same seed, same model), optional early stopping.
/// </summary>
/// <remarks>Standardise the features first: like every gradient-trained network it is sensitive to feature scales.</remarks>
public sealed class MlpClassifier : IClassifier
{
    private MlpNetwork? _network;

    /// <summary>Creates an unfitted classifier.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public MlpClassifier(MlpOptions? options = null)
    {
        Options = options ?? new MlpOptions();
        Options.Validate();
    }

    /// <summary>The options in force.</summary>
    public MlpOptions Options { get; }

    /// <inheritdoc />
    public string Name => "mlp";

    /// <inheritdoc />
    public int NumClasses { get; private set; }

    /// <summary>Mean training loss of each epoch of the last fit.</summary>
    public IReadOnlyList<double> LossHistory { get; private set; } = [];

    /// <inheritdoc />
    public void Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int numClasses)
    {
        int d = EstimatorChecks.Matrix(x);
        EstimatorChecks.Labels(y, x.Count, numClasses);
        var rng = new SeededRandom(Options.Seed);
        var network = new MlpNetwork(d, Options.HiddenLayers, numClasses, Options.Activation, softmax: true, new SeededRandom(SeededRandom.Derive(Options.Seed, 1)));
        var (train, validation) = Split(y);
        var labels = y.ToArray();
        LossHistory = MlpNetwork.Train(network, x, train, validation, i => labels[i], _ => [], Options, rng);
        _network = network;
        NumClasses = numClasses;
    }

    /// <inheritdoc />
    public double[][] PredictProba(IReadOnlyList<double[]> x)
    {
        if (_network is null) throw EstimatorChecks.NotFitted(Name);
        EstimatorChecks.Matrix(x, expectedWidth: _network.Inputs);
        return _network.Predict(x);
    }

    /// <inheritdoc />
    public int[] Predict(IReadOnlyList<double[]> x) => [.. PredictProba(x).Select(Linear.LogisticRegression.ArgMax)];

    private (int[] Train, int[]? Validation) Split(IReadOnlyList<int> y)
    {
        if (!Options.EarlyStopping) return ([.. Enumerable.Range(0, y.Count)], null);
        long seed = SeededRandom.Derive(Options.Seed, 2);
        Fold fold;
        try { fold = CrossValidation.StratifiedTrainTestSplit(y, Options.ValidationFraction, seed); }
        catch (ArgumentException) { fold = CrossValidation.TrainTestSplit(y.Count, Options.ValidationFraction, seed); } // a class too small to stratify
        return ([.. fold.Train], [.. fold.Test]);
    }
}

/// <summary>
/// A multi-layer perceptron regressor: dense hidden layers, linear output, squared-error loss, mini-batch Adam.
/// The targets are standardised inside (and predictions mapped back), so one learning rate suits targets of any scale.
/// </summary>
public sealed class MlpRegressor : IRegressor
{
    private MlpNetwork? _network;
    private double _yMean, _yScale = 1.0;

    /// <summary>Creates an unfitted regressor.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public MlpRegressor(MlpOptions? options = null)
    {
        Options = options ?? new MlpOptions();
        Options.Validate();
    }

    /// <summary>The options in force.</summary>
    public MlpOptions Options { get; }

    /// <inheritdoc />
    public string Name => "mlp";

    /// <summary>Mean training loss (on standardised targets) of each epoch of the last fit.</summary>
    public IReadOnlyList<double> LossHistory { get; private set; } = [];

    /// <inheritdoc />
    public void Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y)
    {
        int d = EstimatorChecks.Matrix(x);
        EstimatorChecks.Targets(y, x.Count);
        double mean = y.Average();
        double sd = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / y.Count);
        double scale = sd > 0 ? sd : 1.0;
        var targets = y.Select(v => new[] { (v - mean) / scale }).ToArray();
        var rng = new SeededRandom(Options.Seed);
        var network = new MlpNetwork(d, Options.HiddenLayers, 1, Options.Activation, softmax: false, new SeededRandom(SeededRandom.Derive(Options.Seed, 1)));
        int[] train = [.. Enumerable.Range(0, x.Count)];
        int[]? validation = null;
        if (Options.EarlyStopping)
        {
            var fold = CrossValidation.TrainTestSplit(x.Count, Options.ValidationFraction, SeededRandom.Derive(Options.Seed, 2));
            train = [.. fold.Train];
            validation = [.. fold.Test];
        }
        LossHistory = MlpNetwork.Train(network, x, train, validation, _ => 0, i => targets[i], Options, rng);
        _network = network;
        _yMean = mean;
        _yScale = scale;
    }

    /// <inheritdoc />
    public double[] Predict(IReadOnlyList<double[]> x)
    {
        if (_network is null) throw EstimatorChecks.NotFitted(Name);
        EstimatorChecks.Matrix(x, expectedWidth: _network.Inputs);
        return [.. _network.Predict(x).Select(o => o[0] * _yScale + _yMean)];
    }
}
