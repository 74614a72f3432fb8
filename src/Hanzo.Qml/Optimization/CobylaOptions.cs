namespace Hanzo.Qml.Optimization;

/// <summary>Settings of <see cref="Cobyla"/>.</summary>
public sealed record CobylaOptions
{
    /// <summary>
    /// ρ_beg, the initial trust-region radius and the edge of the initial simplex: about a tenth of the expected
    /// distance to the solution, or the scale on which the function changes. Default 0.5.
    /// </summary>
    public double InitialTrustRadius { get; init; } = 0.5;

    /// <summary>
    /// ρ_end, the final trust-region radius: the accuracy wanted in the variables (COBYLA stops when the radius has
    /// shrunk to it and no step of that length helps). Default 1e-6; must not exceed <see cref="InitialTrustRadius"/>.
    /// </summary>
    public double FinalTrustRadius { get; init; } = 1e-6;

    /// <summary>Limit on objective evaluations (each evaluates the objective and every constraint once). Default 2000.</summary>
    public int MaxEvaluations { get; init; } = 2000;

    internal void Validate()
    {
        OptionCheck.Positive(InitialTrustRadius, nameof(InitialTrustRadius));
        OptionCheck.Positive(FinalTrustRadius, nameof(FinalTrustRadius));
        if (FinalTrustRadius > InitialTrustRadius)
            throw new ArgumentOutOfRangeException(nameof(FinalTrustRadius), FinalTrustRadius,
                $"{nameof(FinalTrustRadius)} ({FinalTrustRadius}) must not exceed {nameof(InitialTrustRadius)} ({InitialTrustRadius}).");
        OptionCheck.AtLeast(MaxEvaluations, 2, nameof(MaxEvaluations));
    }
}
