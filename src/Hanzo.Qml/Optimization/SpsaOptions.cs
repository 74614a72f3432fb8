namespace Hanzo.Qml.Optimization;

/// <summary>Settings of <see cref="Spsa"/>. The gains follow Spall (1998): a_k = a/(k + 1 + A)^α, c_k = c/(k + 1)^γ.</summary>
public sealed record SpsaOptions
{
    /// <summary>Iterations (two evaluations each). Default 200.</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>
    /// a, the step-size numerator. Null (the default) calibrates it from the start point as Qiskit does: a is chosen so
    /// the first step has length <see cref="TargetFirstStep"/> on average over <see cref="CalibrationSamples"/>
    /// gradient estimates.
    /// </summary>
    public double? StepSize { get; init; }

    /// <summary>c, the perturbation size numerator. Default 0.1 (about the noise level or the scale of interest).</summary>
    public double Perturbation { get; init; } = 0.1;

    /// <summary>A, the stability constant. Null (default) means 10 % of <see cref="MaxIterations"/>, Spall's advice.</summary>
    public double? StabilityConstant { get; init; }

    /// <summary>α, the step-size decay exponent. Default 0.602 (Spall's practical value; 1 is the asymptotic optimum).</summary>
    public double Alpha { get; init; } = 0.602;

    /// <summary>γ, the perturbation decay exponent. Default 0.101 (Spall's practical value).</summary>
    public double Gamma { get; init; } = 0.101;

    /// <summary>Length of the first step when <see cref="StepSize"/> is calibrated. Default 0.2.</summary>
    public double TargetFirstStep { get; init; } = 0.2;

    /// <summary>Gradient estimates averaged to calibrate <see cref="StepSize"/>. Default 10.</summary>
    public int CalibrationSamples { get; init; } = 10;

    /// <summary>Seed of the ±1 perturbation directions: the same seed gives the same run.</summary>
    public int Seed { get; init; }

    internal void Validate()
    {
        OptionCheck.AtLeast(MaxIterations, 1, nameof(MaxIterations));
        if (StepSize is { } a) OptionCheck.Positive(a, nameof(StepSize));
        OptionCheck.Positive(Perturbation, nameof(Perturbation));
        if (StabilityConstant is { } s) OptionCheck.NonNegative(s, nameof(StabilityConstant));
        OptionCheck.Range(Alpha, 0, 1, true, false, nameof(Alpha));
        OptionCheck.Range(Gamma, 0, 1, false, false, nameof(Gamma));
        OptionCheck.Positive(TargetFirstStep, nameof(TargetFirstStep));
        OptionCheck.AtLeast(CalibrationSamples, 1, nameof(CalibrationSamples));
    }
}
