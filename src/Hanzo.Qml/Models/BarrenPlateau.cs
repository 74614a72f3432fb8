using Hanzo.Qml.Ansatze;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Data;
using Hanzo.Qml.Gradients;

namespace Hanzo.Qml.Models;

/// <summary>Result of a <see cref="BarrenPlateau"/> gradient-variance estimate.</summary>
/// <param name="Variances">Var[∂⟨O⟩/∂θ_k] per weight over the random initialisations.</param>
/// <param name="MeanVariance">Mean of <paramref name="Variances"/>.</param>
/// <param name="Threshold">The warning threshold used.</param>
/// <param name="Warning">A message when <paramref name="MeanVariance"/> is below <paramref name="Threshold"/>; otherwise null.</param>
public sealed record GradientVarianceReport(double[] Variances, double MeanVariance, double Threshold, string? Warning);

/// <summary>
/// Barren-plateau diagnostics (McClean et al. 2018): for random weights, gradients of deep random circuits with global
/// observables concentrate around 0 with a variance that shrinks exponentially in the qubit count, so training stalls
/// before it starts. Mitigations offered by the models: small-angle initialisation
/// (<see cref="VariationalModelOptions.InitialWeightScale"/>), layer-wise training
/// (<see cref="VariationalModelOptions.LayerwiseTraining"/>) and local readouts.
/// </summary>
public static class BarrenPlateau
{
    /// <summary>Default warning threshold on the mean gradient variance.</summary>
    public const double DefaultThreshold = 1e-3;

    /// <summary>
    /// Estimates Var[∂⟨O⟩/∂θ_k] over <paramref name="samples"/> initialisations with weights uniform in
    /// [−π·<paramref name="initialScale"/>, π·<paramref name="initialScale"/>] (1 = the uniform [−π, π] of the
    /// plateau theorems), inputs all zero unless <paramref name="features"/> is given.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="samples"/> &lt; 2.</exception>
    public static GradientVarianceReport GradientVariance(Circuit circuit, Hamiltonian observable, int samples = 100, long seed = 0,
        double initialScale = 1.0, double[]? features = null, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        if (samples < 2) throw new ArgumentOutOfRangeException(nameof(samples), samples, "A variance needs at least two samples.");
        var x = features ?? new double[circuit.NumFeatures];
        var rng = new SeededRandom(seed);
        var adjoint = new AdjointDifferentiator();
        int p = circuit.NumWeights;
        var sum = new double[p];
        var sq = new double[p];
        var w = new double[p];
        for (int s = 0; s < samples; s++)
        {
            for (int i = 0; i < p; i++) w[i] = initialScale * Math.PI * rng.NextDouble(-1, 1);
            var g = adjoint.Compute(circuit, observable, w, x).WeightGradient;
            for (int i = 0; i < p; i++) { sum[i] += g[i]; sq[i] += g[i] * g[i]; }
        }
        var variances = new double[p];
        for (int i = 0; i < p; i++) variances[i] = (sq[i] - sum[i] * sum[i] / samples) / (samples - 1);
        double mean = p == 0 ? 0 : variances.Average();
        string? warning = mean < threshold
            ? $"Mean gradient variance {mean:G3} is below {threshold:G3} ({circuit.NumQubits} qubits, {p} weights): a barren plateau is likely. Use fewer layers, a local observable, small-angle initialisation or layer-wise training."
            : null;
        return new GradientVarianceReport(variances, mean, threshold, warning);
    }

    /// <summary>The same diagnostic for an ansatz alone (no encoding), e.g. before choosing a model's depth.</summary>
    public static GradientVarianceReport GradientVariance(IAnsatz ansatz, Hamiltonian observable, int samples = 100, long seed = 0,
        double initialScale = 1.0, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(ansatz);
        return GradientVariance(ansatz.ToCircuit(), observable, samples, seed, initialScale, null, threshold);
    }

    /// <summary>Z on every wire: the global observable of the plateau theorems.</summary>
    public static Hamiltonian GlobalZ(int numQubits) => new PauliString(Enumerable.Range(0, numQubits).Select(w => (w, Pauli.Z)));
}
