namespace Hanzo.Qml.Optimization.Problems;

/// <summary>A term J·Zᵢ·Zⱼ of an Ising Hamiltonian (I &lt; J).</summary>
/// <param name="I">The smaller spin index.</param>
/// <param name="J">The larger spin index.</param>
/// <param name="Value">The coupling J_ij.</param>
public readonly record struct IsingCoupling(int I, int J, double Value);
