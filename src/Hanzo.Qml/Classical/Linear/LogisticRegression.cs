namespace Hanzo.Qml.Classical.Linear;

/// <summary>Options of <see cref="LogisticRegression"/> (scikit-learn's defaults where they exist).</summary>
public sealed record LogisticRegressionOptions : IClassifierFactory
{
    /// <summary>Inverse L2 strength C (default 1): the loss is C·Σ log-loss + ½‖W‖², intercepts not penalised.</summary>
    public double C { get; init; } = 1.0;

    /// <summary>Fit an intercept per class (default true).</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>L-BFGS iteration limit (default 1000).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Stop when every gradient component of the per-row loss is below this (default 1e-6).</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <inheritdoc />
    public IClassifier CreateClassifier() => new LogisticRegression(this);
}

/// <summary>
/// L2-regularised logistic regression: the sigmoid model for two classes, the multinomial (softmax) model for more,
/// trained by L-BFGS from zero weights, so the same data always gives the same model.
/// </summary>
/// <remarks>
/// The objective is scikit-learn's (C·Σᵢ ℓᵢ + ½‖W‖²), divided by the row count for a well-scaled gradient tolerance,
/// which does not move the minimiser: with the same C, coefficients match scikit-learn's <c>lbfgs</c> solver to its
/// tolerance. A class absent from the training rows gets probability 0 rather than an intercept that diverges to −∞.
/// Features are not scaled inside: standardise them first (<see cref="Data.Preprocessor"/>) for a well-conditioned fit.
/// </remarks>
public sealed class LogisticRegression : IClassifier
{
    private double[][]? _weights;   // per output: d weights then the intercept
    private int[] _present = [];    // class index of each output (multinomial) or [negative, positive] (binary)
    private int _features;

    /// <summary>Creates an unfitted model.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public LogisticRegression(LogisticRegressionOptions? options = null)
    {
        Options = options ?? new LogisticRegressionOptions();
        if (!(Options.C > 0) || !double.IsFinite(Options.C)) throw new ArgumentOutOfRangeException(nameof(options), Options.C, "C must be a finite number > 0.");
        if (Options.MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(options), Options.MaxIterations, "MaxIterations must be at least 1.");
        if (!(Options.Tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(options), Options.Tolerance, "Tolerance must be > 0.");
    }

    /// <summary>The options in force.</summary>
    public LogisticRegressionOptions Options { get; }

    /// <inheritdoc />
    public string Name => "logistic_regression";

    /// <inheritdoc />
    public int NumClasses { get; private set; }

    /// <summary>L-BFGS iterations of the last fit.</summary>
    public int Iterations { get; private set; }

    /// <summary>Whether the last fit met the gradient tolerance.</summary>
    public bool Converged { get; private set; }

    /// <summary>
    /// Fitted coefficients: one row for a binary model (the log-odds of class 1), one row per class present in training
    /// for a multinomial model (<see cref="CoefficientClasses"/>).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> Coefficients =>
        _weights?.Select(w => (IReadOnlyList<double>)Array.AsReadOnly(w[.._features])).ToArray() ?? throw EstimatorChecks.NotFitted(Name);

    /// <summary>Fitted intercepts, one per coefficient row.</summary>
    public IReadOnlyList<double> Intercepts => _weights?.Select(w => w[_features]).ToArray() ?? throw EstimatorChecks.NotFitted(Name);

    /// <summary>The class each coefficient row belongs to (for a binary model, the positive class).</summary>
    public IReadOnlyList<int> CoefficientClasses => _weights is null ? throw EstimatorChecks.NotFitted(Name) : _present.Length == 2 && _weights.Length == 1 ? [_present[1]] : _present;

    /// <inheritdoc />
    public void Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int numClasses)
    {
        int d = EstimatorChecks.Matrix(x);
        EstimatorChecks.Labels(y, x.Count, numClasses);
        var present = y.Distinct().Order().ToArray();
        if (present.Length < 2)
            throw new ArgumentException($"Every training row is class {present[0]}; logistic regression needs at least two classes in the training data.", nameof(y));
        var local = new int[numClasses];
        for (int k = 0; k < present.Length; k++) local[present[k]] = k;
        int n = x.Count;
        int outputs = present.Length == 2 ? 1 : present.Length;
        int stride = d + 1;
        double lambda = 1.0 / (Options.C * n);
        bool intercept = Options.FitIntercept;
        var yl = y.Select(c => local[c]).ToArray();

        double Objective(ReadOnlySpan<double> theta, Span<double> grad)
        {
            grad.Clear();
            double loss = 0.0;
            var zs = new double[outputs];
            for (int i = 0; i < n; i++)
            {
                var row = x[i];
                for (int k = 0; k < outputs; k++)
                {
                    var w = theta.Slice(k * stride, stride);
                    double s = intercept ? w[d] : 0.0;
                    for (int j = 0; j < d; j++) s += w[j] * row[j];
                    zs[k] = s;
                }
                if (outputs == 1)
                {
                    double s = zs[0];
                    // log(1 + e^s) − y·s, stable for both signs of s.
                    loss += (s > 0 ? s + Math.Log(1 + Math.Exp(-s)) : Math.Log(1 + Math.Exp(s))) - (yl[i] == 1 ? s : 0.0);
                    double r = Sigmoid(s) - yl[i];
                    var gw = grad[..stride];
                    for (int j = 0; j < d; j++) gw[j] += r * row[j];
                    if (intercept) gw[d] += r;
                }
                else
                {
                    double max = zs.Max(), sum = 0.0;
                    for (int k = 0; k < outputs; k++) sum += Math.Exp(zs[k] - max);
                    double logSum = max + Math.Log(sum);
                    loss += logSum - zs[yl[i]];
                    for (int k = 0; k < outputs; k++)
                    {
                        double r = Math.Exp(zs[k] - logSum) - (k == yl[i] ? 1.0 : 0.0);
                        var gw = grad.Slice(k * stride, stride);
                        for (int j = 0; j < d; j++) gw[j] += r * row[j];
                        if (intercept) gw[d] += r;
                    }
                }
            }
            loss /= n;
            for (int t = 0; t < grad.Length; t++) grad[t] /= n;
            for (int k = 0; k < outputs; k++)
                for (int j = 0; j < d; j++)
                {
                    double w = theta[k * stride + j];
                    loss += 0.5 * lambda * w * w;
                    grad[k * stride + j] += lambda * w;
                }
            return loss;
        }

        var result = Lbfgs.Minimize(Objective, new double[outputs * stride], Options.MaxIterations, Options.Tolerance);
        _weights = [.. Enumerable.Range(0, outputs).Select(k => result.X[(k * stride)..((k + 1) * stride)])];
        _present = present;
        _features = d;
        NumClasses = numClasses;
        Iterations = result.Iterations;
        Converged = result.Converged;
    }

    /// <inheritdoc />
    public double[][] PredictProba(IReadOnlyList<double[]> x)
    {
        if (_weights is null) throw EstimatorChecks.NotFitted(Name);
        EstimatorChecks.Matrix(x, expectedWidth: _features);
        var result = new double[x.Count][];
        var z = new double[_weights.Length];
        for (int i = 0; i < x.Count; i++)
        {
            for (int k = 0; k < _weights.Length; k++)
            {
                var w = _weights[k];
                double s = w[_features];
                for (int j = 0; j < _features; j++) s += w[j] * x[i][j];
                z[k] = s;
            }
            var p = new double[NumClasses];
            if (_weights.Length == 1)
            {
                double p1 = Sigmoid(z[0]);
                p[_present[1]] = p1;
                p[_present[0]] = 1.0 - p1;
            }
            else
            {
                double max = z.Max(), sum = 0.0;
                for (int k = 0; k < z.Length; k++) sum += Math.Exp(z[k] - max);
                for (int k = 0; k < z.Length; k++) p[_present[k]] = Math.Exp(z[k] - max) / sum;
            }
            result[i] = p;
        }
        return result;
    }

    /// <inheritdoc />
    public int[] Predict(IReadOnlyList<double[]> x) => [.. PredictProba(x).Select(ArgMax)];

    internal static int ArgMax(double[] p)
    {
        int best = 0;
        for (int k = 1; k < p.Length; k++) if (p[k] > p[best]) best = k;
        return best;
    }

    private static double Sigmoid(double s) => s >= 0 ? 1.0 / (1.0 + Math.Exp(-s)) : Math.Exp(s) / (1.0 + Math.Exp(s));
}
