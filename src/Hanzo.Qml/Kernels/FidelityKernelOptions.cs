using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Kernels;

/// <summary>Settings of <see cref="FidelityKernel"/>.</summary>
public sealed record FidelityKernelOptions
{
    /// <summary>Exact kernel values, seed 0, the simulator's default memory budget.</summary>
    public static FidelityKernelOptions Default { get; } = new();

    /// <summary>
    /// Null (default) for exact values. Otherwise every entry K is replaced by Binomial(Shots, K)/Shots — what an overlap
    /// test on hardware with that many shots observes (as Qiskit's statevector kernel with <c>shots</c>). The
    /// train×train matrix stays symmetric (pairs are drawn once and mirrored) and its diagonal stays 1.
    /// </summary>
    public int? Shots { get; init; }

    /// <summary>Seed of the shot-noise generator: the same seed and inputs give the same matrices.</summary>
    public int Seed { get; init; }

    /// <summary>Memory budget and simulator settings; null for <see cref="SimulatorOptions.Default"/>.</summary>
    public SimulatorOptions? Simulator { get; init; }
}
