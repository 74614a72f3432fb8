namespace Hanzo.Qml.Optimization;

/// <summary>Settings of <see cref="NelderMead"/>.</summary>
public sealed record NelderMeadOptions
{
    /// <summary>Edge of the initial simplex: vertex i is the start point plus this step on coordinate i. Default 0.1.</summary>
    public double InitialStep { get; init; } = 0.1;

    /// <summary>Stop when every vertex lies within this distance (max-norm) of the best one... Default 1e-8.</summary>
    public double PointTolerance { get; init; } = 1e-8;

    /// <summary>...and every vertex value lies within this of the best value. Default 1e-10.</summary>
    public double ValueTolerance { get; init; } = 1e-10;

    /// <summary>Limit on objective evaluations. Default 5000.</summary>
    public int MaxEvaluations { get; init; } = 5000;

    /// <summary>Limit on iterations (reflections, expansions, contractions or shrinks). Default 5000.</summary>
    public int MaxIterations { get; init; } = 5000;

    /// <summary>
    /// Use the dimension-dependent coefficients of Gao &amp; Han (2012) — expansion 1 + 2/n, contraction 0.75 − 1/(2n),
    /// shrink 1 − 1/n — which keep the method effective beyond a handful of variables. Default false (the classic 1, 2, ½, ½).
    /// </summary>
    public bool Adaptive { get; init; }

    internal void Validate()
    {
        OptionCheck.Positive(InitialStep, nameof(InitialStep));
        OptionCheck.NonNegative(PointTolerance, nameof(PointTolerance));
        OptionCheck.NonNegative(ValueTolerance, nameof(ValueTolerance));
        OptionCheck.AtLeast(MaxEvaluations, 2, nameof(MaxEvaluations));
        OptionCheck.AtLeast(MaxIterations, 1, nameof(MaxIterations));
    }
}
