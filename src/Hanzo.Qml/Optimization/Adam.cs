namespace Hanzo.Qml.Optimization;

/// <summary>
/// Adam (Kingma &amp; Ba 2015): steps of η·m̂/(√v̂ + ε) with bias-corrected exponential averages m of the gradient and v
/// of its square, so each coordinate gets its own step size. The usual choice for training variational models.
/// </summary>
/// <param name="options">Learning rate, moments and stopping rules; null for the defaults.</param>
public sealed class Adam(AdamOptions? options = null) : IGradientOptimizer
{
    /// <summary>The settings in force (validated at construction).</summary>
    public AdamOptions Options { get; } = Validated(options ?? new AdamOptions());

    /// <inheritdoc />
    public string Name => "adam";

    /// <inheritdoc />
    public OptimizationResult Minimize(Func<double[], (double Value, double[] Gradient)> objective, double[] initial,
        CancellationToken cancellationToken = default, IProgress<OptimizationStep>? progress = null) =>
        GradientLoop.Run(Name, Options, CreateStepper(initial?.Length ?? 0), objective, initial!, cancellationToken, progress);

    /// <summary>Minimises with gradients from central differences (<see cref="GradientDescentOptions.FiniteDifferenceStep"/>).</summary>
    public OptimizationResult Minimize(Func<double[], double> objective, double[] initial, CancellationToken cancellationToken = default,
        IProgress<OptimizationStep>? progress = null) =>
        Minimize(GradientLoop.FiniteDifferences(objective, Options.FiniteDifferenceStep), initial, cancellationToken, progress);

    /// <inheritdoc />
    public IGradientStepper CreateStepper(int dimension) => new Stepper(Options, dimension);

    private sealed class Stepper(AdamOptions o, int dimension) : IGradientStepper
    {
        private double[] _m = new double[dimension];
        private double[] _v = new double[dimension];
        private double _beta1Power = 1, _beta2Power = 1;

        public int Dimension => dimension;

        public int Steps { get; private set; }

        public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
        {
            GradientLoop.CheckStep(dimension, parameters, gradient);
            Steps++;
            _beta1Power *= o.Beta1;
            _beta2Power *= o.Beta2;
            for (int i = 0; i < dimension; i++)
            {
                _m[i] = o.Beta1 * _m[i] + (1 - o.Beta1) * gradient[i];
                _v[i] = o.Beta2 * _v[i] + (1 - o.Beta2) * gradient[i] * gradient[i];
                double mHat = _m[i] / (1 - _beta1Power), vHat = _v[i] / (1 - _beta2Power);
                parameters[i] -= o.LearningRate * mHat / (Math.Sqrt(vHat) + o.Epsilon);
            }
        }

        public GradientStepperState ExportState() =>
            new("adam", Steps, new Dictionary<string, IReadOnlyList<double>> { ["m"] = _m, ["v"] = _v });

        public void ImportState(GradientStepperState state)
        {
            ArgumentNullException.ThrowIfNull(state);
            state.CheckOptimizer("adam");
            var m = state.Buffer("m", dimension);
            var v = state.Buffer("v", dimension);
            // β^t is rebuilt by the same sequence of multiplications Step performs, not by Math.Pow, so it is equal to
            // the bit and the state needs only the step count.
            double b1 = 1, b2 = 1;
            for (int t = 0; t < state.Steps; t++) { b1 *= o.Beta1; b2 *= o.Beta2; }
            (_m, _v, _beta1Power, _beta2Power, Steps) = (m, v, b1, b2, state.Steps);
        }
    }

    private static AdamOptions Validated(AdamOptions o)
    {
        o.Validate();
        return o;
    }
}
