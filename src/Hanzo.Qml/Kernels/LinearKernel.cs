namespace Hanzo.Qml.Kernels;

/// <summary>The linear kernel k(x, z) = x·z, scikit-learn's <c>kernel="linear"</c>.</summary>
public sealed class LinearKernel : IKernel
{
    /// <inheritdoc />
    public string Name => "linear";

    /// <inheritdoc />
    public bool IsResolved => true;

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> z)
    {
        KernelInput.Vector(x, nameof(x));
        KernelInput.Vector(z, nameof(z));
        KernelInput.SameLength(x, z);
        return PairwiseMatrix.Dot(x, z);
    }

    /// <inheritdoc />
    public double[,] Matrix(IReadOnlyList<double[]> samples, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        KernelInput.Rows(samples, nameof(samples));
        return PairwiseMatrix.Compute(samples, samples, true, (x, z) => PairwiseMatrix.Dot(x, z), progress, cancellationToken);
    }

    /// <inheritdoc />
    public double[,] Matrix(IReadOnlyList<double[]> samples, IReadOnlyList<double[]> training, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        int f = KernelInput.Rows(training, nameof(training));
        KernelInput.Rows(samples, nameof(samples), f);
        return PairwiseMatrix.Compute(samples, training, false, (x, z) => PairwiseMatrix.Dot(x, z), progress, cancellationToken);
    }

    /// <inheritdoc />
    public IKernel FitTo(IReadOnlyList<double[]> training) => this;

    /// <inheritdoc />
    public override string ToString() => "LinearKernel()";
}
