namespace Hanzo.Qml.Optimization;

/// <summary>
/// COBYLA, Constrained Optimization BY Linear Approximations (M. J. D. Powell, 1994): a derivative-free method for
/// minimising f(x) subject to inequality constraints cᵢ(x) ≥ 0.
/// <para>
/// It keeps a simplex of n + 1 evaluated points, through which f and every cᵢ are interpolated linearly. Each
/// iteration minimises the linear model of f subject to the linear models of the constraints inside a trust region
/// ‖d‖ ≤ ρ around the best vertex, where "best" is judged by the merit function Φ(x) = f(x) + μ·max(0, maxᵢ −cᵢ(x)).
/// The penalty μ grows whenever the step would otherwise not promise a merit reduction. A step that is short or
/// disappointing either repairs the simplex's shape (a vertex too far away or too close to the opposite face is moved)
/// or, when the shape is good, halves ρ. The run ends when ρ has reached <see cref="CobylaOptions.FinalTrustRadius"/>
/// and no step of that length helps, or when the evaluation budget is spent.
/// </para>
/// <para>
/// Good for the smooth, cheap-to-moderate objectives of variational algorithms with few parameters (up to a few
/// dozen): each iteration costs one evaluation. The test set and the tolerances reached are listed in
/// docs/OPTIMIZERS.md.
/// </para>
/// </summary>
/// <param name="options">Radii and evaluation budget; null for the defaults.</param>
public sealed class Cobyla(CobylaOptions? options = null) : IOptimizer
{
    /// <summary>The settings in force (validated at construction).</summary>
    public CobylaOptions Options { get; } = Validated(options ?? new CobylaOptions());

    /// <inheritdoc />
    public string Name => "cobyla";

    /// <inheritdoc />
    public OptimizationResult Minimize(Func<double[], double> objective, double[] initial, CancellationToken cancellationToken = default,
        IProgress<OptimizationStep>? progress = null) =>
        Minimize(objective, [], initial, cancellationToken, progress);

    /// <summary>
    /// Minimises <paramref name="objective"/> subject to cᵢ(x) ≥ 0 for every function in <paramref name="constraints"/>.
    /// The starting point need not be feasible. The result reports the largest constraint violation at its point
    /// (<see cref="OptimizationResult.MaxConstraintViolation"/>), which is 0 up to about the final trust radius when
    /// the problem is feasible.
    /// </summary>
    /// <param name="objective">f, to minimise.</param>
    /// <param name="constraints">The cᵢ; each must return a finite number.</param>
    /// <param name="initial">The starting point (not modified).</param>
    /// <param name="cancellationToken">Checked before every evaluation; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Receives one step per iteration (value = f at the current best vertex).</param>
    public OptimizationResult Minimize(Func<double[], double> objective, IReadOnlyList<Func<double[], double>> constraints, double[] initial,
        CancellationToken cancellationToken = default, IProgress<OptimizationStep>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(constraints);
        var x0 = Objective.CheckInitial(initial);
        for (int i = 0; i < constraints.Count; i++)
            if (constraints[i] is null) throw new ArgumentException($"Constraint {i} is null.", nameof(constraints));
        if (Options.MaxEvaluations < x0.Length + 1)
            throw new ArgumentException($"COBYLA needs n + 1 = {x0.Length + 1} evaluations for its first simplex, but {nameof(CobylaOptions.MaxEvaluations)} is {Options.MaxEvaluations}.", nameof(initial));
        return new CobylaRun(Options, new Objective(objective, cancellationToken), constraints, x0, progress).Execute();
    }

    private static CobylaOptions Validated(CobylaOptions o)
    {
        o.Validate();
        return o;
    }
}
