namespace Hanzo.Qml.Optimization;

/// <summary>Why an optimiser stopped.</summary>
public enum ConvergenceReason
{
    /// <summary>
    /// The optimiser's own accuracy test was met: the trust region reached its final radius (COBYLA), the simplex
    /// shrank below the tolerances (Nelder–Mead), or the gradient norm fell below the tolerance (Adam, SGD).
    /// </summary>
    ToleranceReached,

    /// <summary>The iteration limit was reached (the normal end of SPSA, which has no accuracy test).</summary>
    MaxIterations,

    /// <summary>The limit on objective evaluations was reached.</summary>
    MaxEvaluations,

    /// <summary>
    /// No further progress was possible at the working accuracy (rounding errors dominate the model, or the simplex
    /// degenerated); the result is the best point found.
    /// </summary>
    Stalled,
}
