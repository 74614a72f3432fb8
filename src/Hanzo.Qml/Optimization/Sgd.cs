namespace Hanzo.Qml.Optimization;

/// <summary>
/// Stochastic gradient descent with (heavy-ball or Nesterov) momentum: v ← μ·v − η·g, then x ← x + v (or, Nesterov,
/// x ← x + μ·v − η·g). With μ = 0 it is plain gradient descent.
/// </summary>
/// <param name="options">Learning rate, momentum and stopping rules; null for the defaults.</param>
public sealed class Sgd(SgdOptions? options = null) : IGradientOptimizer
{
    /// <summary>The settings in force (validated at construction).</summary>
    public SgdOptions Options { get; } = Validated(options ?? new SgdOptions());

    /// <inheritdoc />
    public string Name => "sgd";

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

    private sealed class Stepper(SgdOptions o, int dimension) : IGradientStepper
    {
        private double[] _velocity = new double[dimension];

        public int Dimension => dimension;

        public int Steps { get; private set; }

        public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
        {
            GradientLoop.CheckStep(dimension, parameters, gradient);
            Steps++;
            for (int i = 0; i < dimension; i++)
            {
                _velocity[i] = o.Momentum * _velocity[i] - o.LearningRate * gradient[i];
                parameters[i] += o.Nesterov ? o.Momentum * _velocity[i] - o.LearningRate * gradient[i] : _velocity[i];
            }
        }

        public GradientStepperState ExportState() =>
            new("sgd", Steps, new Dictionary<string, IReadOnlyList<double>> { ["velocity"] = _velocity });

        public void ImportState(GradientStepperState state)
        {
            ArgumentNullException.ThrowIfNull(state);
            state.CheckOptimizer("sgd");
            _velocity = state.Buffer("velocity", dimension);
            Steps = state.Steps;
        }
    }

    private static SgdOptions Validated(SgdOptions o)
    {
        o.Validate();
        return o;
    }
}
