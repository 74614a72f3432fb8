namespace Hanzo.Qml.Optimization;

/// <summary>Stopping rules and the finite-difference fallback shared by the gradient optimisers.</summary>
public abstract record GradientDescentOptions
{
    /// <summary>Learning rate (step-size multiplier). Default 0.01.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>Iterations (one value-and-gradient evaluation each). Default 1000.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Stop when the gradient's Euclidean norm falls to this. Default 1e-8 (0 never stops early).</summary>
    public double GradientTolerance { get; init; } = 1e-8;

    /// <summary>
    /// Step h of the central differences (f(x + h·eᵢ) − f(x − h·eᵢ))/2h used when the optimiser is called without a
    /// gradient (2n extra evaluations per iteration). Default 1e-6.
    /// </summary>
    public double FiniteDifferenceStep { get; init; } = 1e-6;

    internal virtual void Validate()
    {
        OptionCheck.Positive(LearningRate, nameof(LearningRate));
        OptionCheck.AtLeast(MaxIterations, 1, nameof(MaxIterations));
        OptionCheck.NonNegative(GradientTolerance, nameof(GradientTolerance));
        OptionCheck.Positive(FiniteDifferenceStep, nameof(FiniteDifferenceStep));
    }
}
