namespace Hanzo.Qml.Kernels;

/// <summary>
/// The Gaussian (RBF) kernel k(x, z) = exp(−γ‖x − z‖²), scikit-learn's <c>kernel="rbf"</c>; γ defaults to
/// scikit-learn's <c>"scale"</c>, 1 / (n_features · Var(X_train)).
/// </summary>
public sealed class RbfKernel : IKernel
{
    private readonly double _gamma;

    /// <summary>Creates the kernel.</summary>
    /// <param name="gamma">γ, or a rule that derives it from the training data; null for <see cref="KernelGamma.Scale"/>.</param>
    public RbfKernel(KernelGamma? gamma = null)
    {
        Gamma = gamma ?? KernelGamma.Scale;
        _gamma = Gamma.Value;
    }

    /// <summary>Creates the kernel with a fixed γ.</summary>
    public RbfKernel(double gamma) : this(KernelGamma.Fixed(gamma)) { }

    /// <summary>The γ setting.</summary>
    public KernelGamma Gamma { get; }

    /// <inheritdoc />
    public string Name => "rbf";

    /// <inheritdoc />
    public bool IsResolved => Gamma.IsFixed;

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> z)
    {
        RequireResolved();
        KernelInput.Vector(x, nameof(x));
        KernelInput.Vector(z, nameof(z));
        KernelInput.SameLength(x, z);
        return Math.Exp(-_gamma * PairwiseMatrix.SquaredDistance(x, z));
    }

    /// <inheritdoc />
    public double[,] Matrix(IReadOnlyList<double[]> samples, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        KernelInput.Rows(samples, nameof(samples));
        double g = Gamma.Resolve(samples);
        return PairwiseMatrix.Compute(samples, samples, true, (x, z) => Math.Exp(-g * PairwiseMatrix.SquaredDistance(x, z)), progress, cancellationToken);
    }

    /// <inheritdoc />
    public double[,] Matrix(IReadOnlyList<double[]> samples, IReadOnlyList<double[]> training, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        int f = KernelInput.Rows(training, nameof(training));
        KernelInput.Rows(samples, nameof(samples), f);
        double g = Gamma.Resolve(training);
        return PairwiseMatrix.Compute(samples, training, false, (x, z) => Math.Exp(-g * PairwiseMatrix.SquaredDistance(x, z)), progress, cancellationToken);
    }

    /// <inheritdoc />
    public IKernel FitTo(IReadOnlyList<double[]> training) => IsResolved ? this : new RbfKernel(Gamma.Resolve(training));

    /// <inheritdoc />
    public override string ToString() => $"RbfKernel(gamma={Gamma})";

    private void RequireResolved()
    {
        if (!IsResolved)
            throw new InvalidOperationException($"γ = \"{Gamma}\" is derived from the training data; call FitTo(training) first, or give a fixed γ.");
    }
}
