namespace Hanzo.Qml.Gradients;

/// <summary>An expectation value with its gradients.</summary>
/// <param name="Value">⟨H⟩ at the given weights and features.</param>
/// <param name="WeightGradient">∂⟨H⟩/∂θᵢ for every weight (empty when not requested).</param>
/// <param name="FeatureGradient">∂⟨H⟩/∂xᵢ for every feature (empty when not requested).</param>
public sealed record GradientResult(double Value, double[] WeightGradient, double[] FeatureGradient);
