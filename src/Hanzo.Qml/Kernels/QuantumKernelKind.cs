namespace Hanzo.Qml.Kernels;

/// <summary>Which quantum kernel a model built by name uses.</summary>
public enum QuantumKernelKind
{
    /// <summary><see cref="FidelityKernel"/>: |⟨ψ(x)|ψ(z)⟩|².</summary>
    Fidelity,

    /// <summary><see cref="ProjectedQuantumKernel"/>: an RBF kernel on the one-qubit reduced states (better behaved as qubits grow).</summary>
    Projected,
}
