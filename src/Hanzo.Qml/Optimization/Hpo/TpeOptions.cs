namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>Settings of <see cref="TpeHpo"/>.</summary>
public sealed record TpeOptions : HpoOptions
{
    /// <summary>Fraction γ of observations counted as good (default 0.25, Bergstra et al.'s choice).</summary>
    public double Gamma { get; init; } = 0.25;

    /// <summary>Candidates drawn from l(x) per proposal (default 24, hyperopt's n_EI_candidates).</summary>
    public int Candidates { get; init; } = 24;

    internal void Validate()
    {
        ValidateCommon();
        OptionCheck.Range(Gamma, 0, 1, lowOpen: true, highOpen: true, nameof(Gamma));
        OptionCheck.AtLeast(Candidates, 1, nameof(Candidates));
    }
}
