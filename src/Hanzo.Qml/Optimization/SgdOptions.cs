namespace Hanzo.Qml.Optimization;

/// <summary>Settings of <see cref="Sgd"/>.</summary>
public sealed record SgdOptions : GradientDescentOptions
{
    /// <summary>Momentum μ in [0, 1): the velocity is v ← μ·v − η·g. Default 0.9 (0 gives plain gradient descent).</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Use Nesterov's look-ahead form: x ← x + μ·v − η·g after updating v. Default false.</summary>
    public bool Nesterov { get; init; }

    internal override void Validate()
    {
        base.Validate();
        OptionCheck.Range(Momentum, 0, 1, false, true, nameof(Momentum));
    }
}
