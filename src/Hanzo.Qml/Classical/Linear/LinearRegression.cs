using Hanzo.Qml.Data;

namespace Hanzo.Qml.Classical.Linear;

/// <summary>Options of <see cref="LinearRegression"/>.</summary>
public sealed record LinearRegressionOptions : IRegressorFactory
{
    /// <summary>L2 strength α (default 0: ordinary least squares; &gt; 0: ridge, scikit-learn's <c>Ridge(alpha)</c>).</summary>
    public double Alpha { get; init; }

    /// <summary>Fit an unpenalised intercept (default true).</summary>
    public bool FitIntercept { get; init; } = true;

    /// <inheritdoc />
    public IRegressor CreateRegressor() => new LinearRegression(this);
}

/// <summary>
/// Least squares and ridge regression: minimises ‖y − Xβ − b‖² + α‖β‖², solved in closed form on centred data through
/// an eigendecomposition of XᵀX.
/// </summary>
/// <remarks>
/// The eigendecomposition (rather than a Cholesky factorisation) is what makes α = 0 safe on collinear features:
/// directions with a zero eigenvalue are dropped, giving the minimum-norm least-squares solution that scikit-learn's
/// <c>LinearRegression</c> also returns, instead of a failure.
/// </remarks>
public sealed class LinearRegression : IRegressor
{
    private double[]? _coefficients;

    /// <summary>Creates an unfitted model.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When α is negative or not finite.</exception>
    public LinearRegression(LinearRegressionOptions? options = null)
    {
        Options = options ?? new LinearRegressionOptions();
        if (!(Options.Alpha >= 0) || !double.IsFinite(Options.Alpha)) throw new ArgumentOutOfRangeException(nameof(options), Options.Alpha, "Alpha must be a finite number ≥ 0.");
    }

    /// <summary>The options in force.</summary>
    public LinearRegressionOptions Options { get; }

    /// <inheritdoc />
    public string Name => Options.Alpha > 0 ? "ridge_regression" : "linear_regression";

    /// <summary>Fitted coefficients β.</summary>
    public IReadOnlyList<double> Coefficients => _coefficients is null ? throw EstimatorChecks.NotFitted(Name) : Array.AsReadOnly(_coefficients);

    /// <summary>Fitted intercept b (0 without an intercept).</summary>
    public double Intercept { get; private set; }

    /// <inheritdoc />
    public void Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y)
    {
        int d = EstimatorChecks.Matrix(x);
        EstimatorChecks.Targets(y, x.Count);
        int n = x.Count;
        var xMean = new double[d];
        double yMean = 0.0;
        if (Options.FitIntercept)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < d; j++) xMean[j] += x[i][j];
                yMean += y[i];
            }
            for (int j = 0; j < d; j++) xMean[j] /= n;
            yMean /= n;
        }
        var gram = new double[d, d];
        var rhs = new double[d];
        var c = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) c[j] = x[i][j] - xMean[j];
            double yc = y[i] - yMean;
            for (int a = 0; a < d; a++)
            {
                rhs[a] += c[a] * yc;
                for (int b = a; b < d; b++) gram[a, b] += c[a] * c[b];
            }
        }
        for (int a = 0; a < d; a++)
            for (int b = 0; b < a; b++) gram[a, b] = gram[b, a];
        _coefficients = SymmetricEigen.Solve(gram, rhs, Options.Alpha);
        double intercept = yMean;
        for (int j = 0; j < d; j++) intercept -= xMean[j] * _coefficients[j];
        Intercept = Options.FitIntercept ? intercept : 0.0;
    }

    /// <inheritdoc />
    public double[] Predict(IReadOnlyList<double[]> x)
    {
        if (_coefficients is null) throw EstimatorChecks.NotFitted(Name);
        EstimatorChecks.Matrix(x, expectedWidth: _coefficients.Length);
        var result = new double[x.Count];
        for (int i = 0; i < x.Count; i++)
            result[i] = Intercept + System.Numerics.Tensors.TensorPrimitives.Dot<double>(_coefficients, x[i]);
        return result;
    }
}
