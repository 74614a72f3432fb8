using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Classical.Svm;

/// <summary>
/// Settings of <see cref="RbfSvmClassifier"/>, the RBF-SVM baseline: scikit-learn's <c>SVC()</c> defaults (RBF kernel,
/// γ = "scale", C = 1). Also the factory the benchmark and grid search use to make fresh, unfitted models.
/// </summary>
public sealed record RbfSvmOptions : IClassifierFactory
{
    /// <summary>scikit-learn's <c>SVC()</c>: C = 1, γ = "scale".</summary>
    public static RbfSvmOptions Default { get; } = new();

    /// <summary>Penalty C of margin violations (&gt; 0).</summary>
    public double C { get; init; } = 1.0;

    /// <summary>The γ rule or value (default <see cref="KernelGamma.Scale"/>, scikit-learn's default).</summary>
    public KernelGamma Gamma { get; init; } = KernelGamma.Scale;

    /// <summary>
    /// Multiplies the γ that <see cref="Gamma"/> gives (default 1). A grid over factors of "scale" searches around the
    /// data-derived γ, which adapts to the feature scale of each training fold where a fixed grid of values would not.
    /// </summary>
    public double GammaFactor { get; init; } = 1.0;

    /// <summary>SMO stopping tolerance (scikit-learn's <c>tol</c>, default 1e-3).</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>Iteration limit per binary problem; null for none.</summary>
    public int? MaxIterations { get; init; }

    /// <inheritdoc />
    public IClassifier CreateClassifier() => new RbfSvmClassifier(this);

    internal SupportVectorClassifierOptions Svc => new() { C = C, Tolerance = Tolerance, MaxIterations = MaxIterations };

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Gamma, nameof(Gamma));
        if (!(GammaFactor > 0) || !double.IsFinite(GammaFactor)) throw new ArgumentOutOfRangeException(nameof(GammaFactor), GammaFactor, "The γ factor must be a finite number > 0.");
        Svc.Validate();
    }
}
