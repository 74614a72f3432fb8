namespace Hanzo.Qml.Optimization.Qaoa;

/// <summary>How <see cref="QaoaSolver"/> chooses the starting angles when none are given.</summary>
public enum QaoaInitialStrategy
{
    /// <summary>One optimisation at depth p from a <see cref="QaoaInitialization.LinearRamp"/>.</summary>
    LinearRamp,

    /// <summary>
    /// Depth by depth (Zhou et al. 2020): optimise p = 1 from the ramp, then start each depth q + 1 from the
    /// <see cref="QaoaInitialization.Interpolate">INTERP</see> of the optimum at q. Costs p optimisations, usually
    /// reaches better optima at p ≥ 3.
    /// </summary>
    Interp,
}
