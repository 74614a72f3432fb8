namespace Hanzo.Qml.Benchmark;

/// <summary>Wall times of a run's stages, in seconds.</summary>
/// <param name="TotalSeconds">The whole run.</param>
/// <param name="CrossValidationSeconds">Every model on every split.</param>
/// <param name="GeometricDifferenceSeconds">Kernels and eigendecompositions of the geometric difference.</param>
/// <param name="NoEntanglementTwinSeconds">The twin's cross-validation (0 when not run).</param>
/// <param name="HeldOutSeconds">Final fits and held-out scoring (0 without held-out data).</param>
public sealed record BenchmarkTimings(double TotalSeconds, double CrossValidationSeconds, double GeometricDifferenceSeconds, double NoEntanglementTwinSeconds, double HeldOutSeconds);
