namespace Hanzo.Qml.Optimization;

/// <summary>Settings of <see cref="Adam"/> (defaults of Kingma &amp; Ba 2015, learning rate 0.01).</summary>
public sealed record AdamOptions : GradientDescentOptions
{
    /// <summary>β₁, decay of the first-moment (mean) estimate. Default 0.9.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>β₂, decay of the second-moment (uncentred variance) estimate. Default 0.999.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>ε, added to the root of the second moment to avoid division by zero. Default 1e-8.</summary>
    public double Epsilon { get; init; } = 1e-8;

    internal override void Validate()
    {
        base.Validate();
        OptionCheck.Range(Beta1, 0, 1, false, true, nameof(Beta1));
        OptionCheck.Range(Beta2, 0, 1, false, true, nameof(Beta2));
        OptionCheck.Positive(Epsilon, nameof(Epsilon));
    }
}
