namespace Hanzo.Qml.Kernels;

/// <summary>
/// The polynomial kernel k(x, z) = (γ·x·z + coef0)^degree, scikit-learn's <c>kernel="poly"</c> (defaults degree 3,
/// γ "scale", coef0 0).
/// </summary>
public sealed class PolynomialKernel : IKernel
{
    private readonly double _gamma;

    /// <summary>Creates the kernel.</summary>
    /// <param name="degree">The power (≥ 1).</param>
    /// <param name="gamma">γ or a rule; null for <see cref="KernelGamma.Scale"/>.</param>
    /// <param name="coef0">The additive constant (finite).</param>
    /// <exception cref="ArgumentOutOfRangeException">When degree &lt; 1 or coef0 is not finite.</exception>
    public PolynomialKernel(int degree = 3, KernelGamma? gamma = null, double coef0 = 0.0)
    {
        if (degree < 1) throw new ArgumentOutOfRangeException(nameof(degree), degree, "The degree must be at least 1.");
        if (!double.IsFinite(coef0)) throw new ArgumentOutOfRangeException(nameof(coef0), coef0, "coef0 must be a finite number.");
        Degree = degree;
        Gamma = gamma ?? KernelGamma.Scale;
        Coef0 = coef0;
        _gamma = Gamma.Value;
    }

    /// <summary>The power.</summary>
    public int Degree { get; }

    /// <summary>The γ setting.</summary>
    public KernelGamma Gamma { get; }

    /// <summary>The additive constant.</summary>
    public double Coef0 { get; }

    /// <inheritdoc />
    public string Name => "poly";

    /// <inheritdoc />
    public bool IsResolved => Gamma.IsFixed;

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> z)
    {
        if (!IsResolved)
            throw new InvalidOperationException($"γ = \"{Gamma}\" is derived from the training data; call FitTo(training) first, or give a fixed γ.");
        KernelInput.Vector(x, nameof(x));
        KernelInput.Vector(z, nameof(z));
        KernelInput.SameLength(x, z);
        return Power(_gamma * PairwiseMatrix.Dot(x, z) + Coef0, Degree);
    }

    /// <inheritdoc />
    public double[,] Matrix(IReadOnlyList<double[]> samples, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        KernelInput.Rows(samples, nameof(samples));
        double g = Gamma.Resolve(samples);
        return PairwiseMatrix.Compute(samples, samples, true, (x, z) => Power(g * PairwiseMatrix.Dot(x, z) + Coef0, Degree), progress, cancellationToken);
    }

    /// <inheritdoc />
    public double[,] Matrix(IReadOnlyList<double[]> samples, IReadOnlyList<double[]> training, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        int f = KernelInput.Rows(training, nameof(training));
        KernelInput.Rows(samples, nameof(samples), f);
        double g = Gamma.Resolve(training);
        return PairwiseMatrix.Compute(samples, training, false, (x, z) => Power(g * PairwiseMatrix.Dot(x, z) + Coef0, Degree), progress, cancellationToken);
    }

    /// <inheritdoc />
    public IKernel FitTo(IReadOnlyList<double[]> training) =>
        IsResolved ? this : new PolynomialKernel(Degree, KernelGamma.Fixed(Gamma.Resolve(training)), Coef0);

    /// <inheritdoc />
    public override string ToString() => $"PolynomialKernel(degree={Degree}, gamma={Gamma}, coef0={Coef0})";

    /// <summary>base^times by squaring, as LIBSVM's powi, so results match scikit-learn bit for bit where it can.</summary>
    private static double Power(double b, int times)
    {
        double result = 1.0, t = b;
        for (int k = times; k > 0; k /= 2)
        {
            if (k % 2 == 1) result *= t;
            t *= t;
        }
        return result;
    }
}
