namespace Hanzo.Qml.Optimization.Qaoa;

/// <summary>⟨H_C⟩ and its exact derivatives with respect to the QAOA angles.</summary>
/// <param name="Value">⟨H_C⟩ at the angles.</param>
/// <param name="Gammas">∂⟨H_C⟩/∂γₖ.</param>
/// <param name="Betas">∂⟨H_C⟩/∂βₖ.</param>
public sealed record QaoaGradient(double Value, double[] Gammas, double[] Betas)
{
    /// <summary>The gradient in the flat order [∂γ…, ∂β…] of <see cref="QaoaAngles.ToVector"/>.</summary>
    public double[] ToVector() => [.. Gammas, .. Betas];
}
