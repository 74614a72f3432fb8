using Hanzo.Qml.Classical;
using Hanzo.Qml.Classical.Svm;

namespace Hanzo.Qml.Models;

/// <summary>
/// A <see cref="QSVM"/> behind the <see cref="IClassifier"/> interface, so the benchmark, grid search and
/// cross-validation treat it exactly like the classical baselines.
/// </summary>
/// <remarks>
/// <see cref="QSVM"/> itself keeps its own richer API (decision values, progress, cancellation, save/load); this adapter
/// adds what the interface needs: a class count that survives folds missing a class, the bandwidth scaling of
/// <see cref="QsvmClassifierOptions.Bandwidth"/>, and <see cref="PredictProba"/> as ranking scores (a monotone squashing
/// of the decision values, not Platt-calibrated probabilities, as for <see cref="RbfSvmClassifier"/>).
/// </remarks>
public sealed class QsvmClassifier : IClassifier
{
    private QSVM? _model;
    private int _features;

    /// <summary>Creates an unfitted model.</summary>
    /// <exception cref="ArgumentException">When an option is invalid (including an unknown encoding name).</exception>
    public QsvmClassifier(QsvmClassifierOptions? options = null)
    {
        Options = options ?? new QsvmClassifierOptions();
        Options.Validate();
        _ = Options.CreateEncoding(); // fail now, not in the middle of a benchmark, on an unknown encoding
    }

    /// <summary>The options in force.</summary>
    public QsvmClassifierOptions Options { get; }

    /// <inheritdoc />
    public string Name => "qsvm";

    /// <inheritdoc />
    public int NumClasses { get; private set; }

    /// <summary>The fitted QSVM.</summary>
    public QSVM Model => _model ?? throw EstimatorChecks.NotFitted(Name);

    /// <inheritdoc />
    public void Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int numClasses)
    {
        int d = EstimatorChecks.Matrix(x);
        EstimatorChecks.Labels(y, x.Count, numClasses);
        var kernel = Options.CreateKernel();
        if (d != kernel.Encoding.NumFeatures)
            throw new ArgumentException($"The {kernel.Encoding.Name} encoding on {Options.NumQubits} qubits reads {kernel.Encoding.NumFeatures} features; the rows have {d}. Reduce or select features first (PCA to the qubit count).", nameof(x));
        _model = new QSVM(kernel, Options.Svc).Fit(Scaled(x), y);
        _features = d;
        NumClasses = numClasses;
    }

    /// <inheritdoc />
    public int[] Predict(IReadOnlyList<double[]> x)
    {
        var model = Model;
        EstimatorChecks.Matrix(x, expectedWidth: _features);
        return model.Predict(Scaled(x));
    }

    /// <inheritdoc />
    public double[][] PredictProba(IReadOnlyList<double[]> x)
    {
        var model = Model;
        EstimatorChecks.Matrix(x, expectedWidth: _features);
        var raw = model.Classifier.RawFromSupportKernel(model.Kernel.Matrix(Scaled(x), model.SupportVectors));
        return SvmProbabilities.FromPairwise(raw, model.Classifier.Classes, NumClasses);
    }

    private IReadOnlyList<double[]> Scaled(IReadOnlyList<double[]> x)
    {
        if (Options.Bandwidth == 1.0) return x;
        double b = Options.Bandwidth;
        return [.. x.Select(r => r.Select(v => v * b).ToArray())];
    }
}
