namespace Hanzo.Qml.Classical.Svm;

/// <summary>
/// ε-support vector regression on a precomputed kernel matrix — scikit-learn's <c>SVR(kernel="precomputed")</c>
/// (LIBSVM's ε-SVR): f(x) = Σ_s βₛ k(x, x_s) + b, solved as LIBSVM's 2l-variable dual with the same SMO solver.
/// </summary>
public sealed class SupportVectorRegressor
{
    private int[] _support = [];
    private double[] _coef = [];
    private double _rho;

    /// <summary>Creates an unfitted regressor.</summary>
    public SupportVectorRegressor(SupportVectorRegressorOptions? options = null)
    {
        Options = options ?? SupportVectorRegressorOptions.Default;
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public SupportVectorRegressorOptions Options { get; }

    /// <summary>True after <see cref="Fit"/>.</summary>
    public bool IsFitted { get; private set; }

    /// <summary>Number of training samples (the columns a prediction kernel must have).</summary>
    public int NumTrainingSamples { get; private set; }

    /// <summary>Training indices of the support vectors, ascending (scikit-learn's <c>support_</c>).</summary>
    public IReadOnlyList<int> Support => Fitted(_support);

    /// <summary>βₛ = α⁺ₛ − α⁻ₛ of each support vector (scikit-learn's <c>dual_coef_[0]</c>).</summary>
    public IReadOnlyList<double> DualCoefficients => Fitted(_coef);

    /// <summary>The bias b = −ρ (scikit-learn's <c>intercept_[0]</c>).</summary>
    public double Intercept => IsFitted ? -_rho : throw NotFitted();

    /// <summary>Solver iterations.</summary>
    public int Iterations { get; private set; }

    /// <summary>False when the solver stopped at the iteration limit.</summary>
    public bool Converged { get; private set; }

    /// <summary>Trains on the train×train kernel and real targets.</summary>
    /// <exception cref="ArgumentException">On shape mismatches or non-finite values.</exception>
    public SupportVectorRegressor Fit(double[,] kernel, IReadOnlyList<double> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        int l = SvmInput.TrainingKernel(kernel, targets.Count);
        for (int i = 0; i < l; i++)
            if (!double.IsFinite(targets[i])) throw new ArgumentException($"Target {i} is {targets[i]}; targets must be finite.", nameof(targets));
        var alpha2 = new double[2 * l];
        var linear = new double[2 * l];
        var y = new sbyte[2 * l];
        var c = new double[2 * l];
        for (int i = 0; i < l; i++)
        {
            linear[i] = Options.Epsilon - targets[i];
            y[i] = 1;
            linear[i + l] = Options.Epsilon + targets[i];
            y[i + l] = -1;
            c[i] = c[i + l] = Options.C;
        }
        var result = new SmoSolver().Solve(2 * l, new SvrQMatrix(kernel), linear, y, alpha2, c, Options.Tolerance, Options.Shrinking, Options.MaxIterations, cancellationToken);
        var support = new List<int>();
        var coef = new List<double>();
        for (int i = 0; i < l; i++)
        {
            double beta = alpha2[i] - alpha2[i + l];
            if (Math.Abs(beta) > 0)
            {
                support.Add(i);
                coef.Add(beta);
            }
        }
        _support = [.. support];
        _coef = [.. coef];
        _rho = result.Rho;
        Iterations = result.Iterations;
        Converged = result.Converged;
        NumTrainingSamples = l;
        IsFitted = true;
        return this;
    }

    /// <summary>Predictions from the test×train kernel (<see cref="NumTrainingSamples"/> columns).</summary>
    public double[] Predict(double[,] kernel)
    {
        if (!IsFitted) throw NotFitted();
        int m = SvmInput.PredictionKernel(kernel, NumTrainingSamples);
        var result = new double[m];
        for (int s = 0; s < m; s++)
        {
            double sum = 0;
            for (int v = 0; v < _support.Length; v++) sum += _coef[v] * kernel[s, _support[v]];
            result[s] = sum - _rho;
        }
        return result;
    }

    /// <summary>Coefficient of determination R² of <see cref="Predict"/> against <paramref name="targets"/> (scikit-learn's <c>score</c>).</summary>
    public double Score(double[,] kernel, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var predicted = Predict(kernel);
        if (targets.Count != predicted.Length) throw new ArgumentException($"{targets.Count} targets for {predicted.Length} kernel rows.", nameof(targets));
        double mean = targets.Average();
        double residual = 0, total = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            residual += (targets[i] - predicted[i]) * (targets[i] - predicted[i]);
            total += (targets[i] - mean) * (targets[i] - mean);
        }
        return total == 0 ? (residual == 0 ? 1.0 : 0.0) : 1 - residual / total;
    }

    private T Fitted<T>(T value) => IsFitted ? value : throw NotFitted();

    private static InvalidOperationException NotFitted() => new("The regressor is not fitted; call Fit first.");
}
