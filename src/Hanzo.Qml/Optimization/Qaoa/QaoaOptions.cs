using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Optimization.Qaoa;

/// <summary>Settings of <see cref="QaoaSolver"/>.</summary>
public sealed record QaoaOptions
{
    /// <summary>Number of layers p. Default 1.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>The mixer. Default X.</summary>
    public QaoaMixer Mixer { get; init; } = QaoaMixer.X;

    /// <summary>Start basis state instead of |+⟩ⁿ (character i is wire i); null for |+⟩ⁿ.</summary>
    public string? InitialBitstring { get; init; }

    /// <summary>
    /// The outer optimiser. Null (the default) is COBYLA with ρ_beg = 0.2, ρ_end = 1e-4 and 1000 evaluations. A gradient
    /// optimiser (<see cref="IGradientOptimizer"/>, e.g. <see cref="Adam"/>) receives the exact adjoint gradient.
    /// </summary>
    public IOptimizer? Optimizer { get; init; }

    /// <summary>How to start when <see cref="InitialAngles"/> is null. Default <see cref="QaoaInitialStrategy.LinearRamp"/>.</summary>
    public QaoaInitialStrategy Initialization { get; init; } = QaoaInitialStrategy.LinearRamp;

    /// <summary>Explicit starting angles (p must equal <see cref="Layers"/>); overrides <see cref="Initialization"/>.</summary>
    public QaoaAngles? InitialAngles { get; init; }

    /// <summary>
    /// Δ of the linear ramp: Δβ = Δ and Δγ = Δ / (mean |coefficient| of H_C), so the ramp adapts to the scale of the
    /// cost (for unweighted MaxCut, coefficients ½, Δγ = 2Δ). Default 0.75.
    /// </summary>
    public double RampDelta { get; init; } = 0.75;

    /// <summary>Shots drawn from the optimised state to pick the best bitstring. Default 1000.</summary>
    public int Shots { get; init; } = 1000;

    /// <summary>Seed of the final sampling: the same seed gives the same counts (a seeded optimiser such as SPSA carries its own seed).</summary>
    public int Seed { get; init; }

    /// <summary>Simulator settings (memory budget, threading threshold); null for the defaults.</summary>
    public SimulatorOptions? Simulator { get; init; }

    internal void Validate()
    {
        OptionCheck.AtLeast(Layers, 1, nameof(Layers));
        if (!Enum.IsDefined(Mixer)) throw new ArgumentOutOfRangeException(nameof(Mixer), Mixer, $"Unknown mixer; allowed: {string.Join(", ", Enum.GetNames<QaoaMixer>())}.");
        if (!Enum.IsDefined(Initialization))
            throw new ArgumentOutOfRangeException(nameof(Initialization), Initialization, $"Unknown strategy; allowed: {string.Join(", ", Enum.GetNames<QaoaInitialStrategy>())}.");
        if (InitialAngles is { } a && a.Layers != Layers)
            throw new ArgumentException($"{nameof(InitialAngles)} has {a.Layers} layers but {nameof(Layers)} is {Layers}.", nameof(InitialAngles));
        OptionCheck.Positive(RampDelta, nameof(RampDelta));
        OptionCheck.AtLeast(Shots, 1, nameof(Shots));
    }
}
