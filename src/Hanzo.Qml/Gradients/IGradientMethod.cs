using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Gradients;

/// <summary>A way of differentiating ⟨ψ(θ, x)|H|ψ(θ, x)⟩ with respect to weights θ and features x.</summary>
public interface IGradientMethod
{
    /// <summary>Short name: "adjoint", "parameter-shift" or "finite-difference".</summary>
    string Name { get; }

    /// <summary>The value and the requested gradients.</summary>
    GradientResult Compute(Circuit circuit, Hamiltonian observable, ReadOnlySpan<double> weights, ReadOnlySpan<double> features, GradientTargets targets = GradientTargets.Weights);
}
