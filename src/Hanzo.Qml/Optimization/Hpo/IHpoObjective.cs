namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>
/// What a hyperparameter search minimises: e.g. a validation loss or 1 − accuracy. Evaluations are assumed expensive
/// (a model fit each), which is why every method spends a fixed budget and never evaluates a configuration twice.
/// </summary>
public interface IHpoObjective
{
    /// <summary>The value of <paramref name="configuration"/> (lower is better; must be finite).</summary>
    double Evaluate(Configuration configuration, CancellationToken cancellationToken);
}

/// <summary>Adapts a delegate to <see cref="IHpoObjective"/>.</summary>
public sealed class HpoObjective : IHpoObjective
{
    private readonly Func<Configuration, CancellationToken, double> _f;

    /// <summary>Wraps <paramref name="f"/>.</summary>
    public HpoObjective(Func<Configuration, CancellationToken, double> f) => _f = f ?? throw new ArgumentNullException(nameof(f));

    /// <summary>Wraps a function that ignores cancellation.</summary>
    public static HpoObjective From(Func<Configuration, double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new HpoObjective((c, _) => f(c));
    }

    /// <inheritdoc />
    public double Evaluate(Configuration configuration, CancellationToken cancellationToken) => _f(configuration, cancellationToken);
}
