using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Classical.Svm;

/// <summary>
/// The RBF-SVM baseline as an <see cref="IClassifier"/>: <see cref="SupportVectorClassifier"/> (SMO, equal to
/// scikit-learn's SVC) on an <see cref="RbfKernel"/> whose γ is resolved on the training rows.
/// </summary>
/// <remarks>
/// Only the support vectors are kept after fitting, so a prediction computes the kernel against them alone.
/// <see cref="PredictProba"/> returns ranking scores, not Platt-calibrated probabilities (see <see cref="SvmProbabilities"/>);
/// <see cref="Predict"/> is LIBSVM's one-vs-one vote, as scikit-learn's <c>predict</c>.
/// </remarks>
public sealed class RbfSvmClassifier : IClassifier
{
    private SupportVectorClassifier? _svc;
    private RbfKernel? _kernel;
    private double[][] _supportVectors = [];
    private int _features;

    /// <summary>Creates an unfitted model.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public RbfSvmClassifier(RbfSvmOptions? options = null)
    {
        Options = options ?? RbfSvmOptions.Default;
        Options.Validate();
    }

    /// <summary>The options in force.</summary>
    public RbfSvmOptions Options { get; }

    /// <inheritdoc />
    public string Name => "rbf_svm";

    /// <inheritdoc />
    public int NumClasses { get; private set; }

    /// <summary>The γ resolved on the training rows (factor included); NaN before fitting.</summary>
    public double ResolvedGamma => _kernel?.Gamma.Value ?? double.NaN;

    /// <summary>The fitted SVC (support vectors, coefficients).</summary>
    public SupportVectorClassifier Svc => _svc ?? throw EstimatorChecks.NotFitted(Name);

    /// <inheritdoc />
    public void Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int numClasses)
    {
        int d = EstimatorChecks.Matrix(x);
        EstimatorChecks.Labels(y, x.Count, numClasses);
        double gamma = Options.Gamma.Resolve(x) * Options.GammaFactor;
        var kernel = new RbfKernel(gamma);
        var svc = new SupportVectorClassifier(Options.Svc).Fit(kernel.Matrix(x), y);
        _supportVectors = [.. svc.Support.Select(i => (double[])x[i].Clone())];
        _kernel = kernel;
        _svc = svc;
        _features = d;
        NumClasses = numClasses;
    }

    /// <inheritdoc />
    public int[] Predict(IReadOnlyList<double[]> x)
    {
        var svc = Svc;
        return svc.Vote(Raw(x));
    }

    /// <inheritdoc />
    public double[][] PredictProba(IReadOnlyList<double[]> x)
    {
        var svc = Svc;
        return SvmProbabilities.FromPairwise(Raw(x), svc.Classes, NumClasses);
    }

    private double[,] Raw(IReadOnlyList<double[]> x)
    {
        EstimatorChecks.Matrix(x, expectedWidth: _features);
        return Svc.RawFromSupportKernel(_kernel!.Matrix(x, _supportVectors));
    }
}
