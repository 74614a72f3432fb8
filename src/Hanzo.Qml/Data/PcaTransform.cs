using System.Globalization;
using System.Text.Json.Serialization;

namespace Hanzo.Qml.Data;

/// <summary>
/// Principal component analysis to k components: the training data is centred, its covariance (denominator n − 1) is
/// diagonalised (cyclic Jacobi), and a row is projected onto the k eigenvectors of largest variance:
/// z = Wᵀ(x − mean). No whitening.
/// </summary>
/// <remarks>
/// Each component's sign is fixed so that its entry of largest magnitude is positive (scikit-learn's convention), so the
/// projection is reproducible; components of equal variance may still be any orthonormal basis of their eigenspace.
/// </remarks>
public sealed class PcaTransform : DataTransform
{
    private readonly double[] _mean;
    private readonly double[][] _components;
    private readonly double[] _variance;
    private readonly double[] _ratio;

    /// <summary>Rebuilds a fitted PCA (used by JSON loading).</summary>
    /// <param name="mean">Training mean per input feature.</param>
    /// <param name="components">k rows of length d: the principal axes.</param>
    /// <param name="explainedVariance">Variance along each component.</param>
    /// <param name="explainedVarianceRatio">That variance over the total training variance.</param>
    /// <exception cref="ArgumentException">When the shapes disagree.</exception>
    [JsonConstructor]
    public PcaTransform(IReadOnlyList<double> mean, IReadOnlyList<IReadOnlyList<double>> components,
        IReadOnlyList<double> explainedVariance, IReadOnlyList<double> explainedVarianceRatio)
    {
        _mean = CheckVector(mean, -1, nameof(mean));
        if (_mean.Length == 0) throw new ArgumentException("PCA needs at least one feature.", nameof(mean));
        ArgumentNullException.ThrowIfNull(components);
        if (components.Count == 0 || components.Count > _mean.Length)
            throw new ArgumentException($"PCA on {_mean.Length} features keeps 1..{_mean.Length} components; got {components.Count}.", nameof(components));
        _components = [.. components.Select((c, k) => CheckVector(c, _mean.Length, $"components[{k}]"))];
        _variance = CheckVector(explainedVariance, _components.Length, nameof(explainedVariance));
        _ratio = CheckVector(explainedVarianceRatio, _components.Length, nameof(explainedVarianceRatio));
    }

    /// <summary>Fits k principal components of <paramref name="train"/>.</summary>
    /// <param name="train">Training rows (at least two).</param>
    /// <param name="components">Number of components k, 1 ≤ k ≤ number of features.</param>
    /// <exception cref="ArgumentException">When the data is unusable or k is out of range.</exception>
    public static PcaTransform Fit(IReadOnlyList<double[]> train, int components)
    {
        var (n, d) = CheckTraining(train, "PCA", minRows: 2);
        if (components < 1 || components > d)
            throw new ArgumentOutOfRangeException(nameof(components), components, $"PCA on {d} features keeps 1..{d} components; got {components}.");
        var mean = new double[d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) mean[j] += train[i][j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        var cov = new double[d, d];
        var centred = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) centred[j] = train[i][j] - mean[j];
            for (int a = 0; a < d; a++)
            {
                double ca = centred[a];
                for (int b = a; b < d; b++) cov[a, b] += ca * centred[b];
            }
        }
        double total = 0.0;
        for (int a = 0; a < d; a++)
        {
            for (int b = a; b < d; b++) cov[b, a] = cov[a, b] /= n - 1;
            total += cov[a, a];
        }
        var (values, vectors) = SymmetricEigen.Decompose(cov);
        var comps = new double[components][];
        var variance = new double[components];
        var ratio = new double[components];
        for (int k = 0; k < components; k++)
        {
            comps[k] = new double[d];
            for (int j = 0; j < d; j++) comps[k][j] = vectors[j, k];
            variance[k] = Math.Max(values[k], 0.0); // tiny negative values are rounding noise of a PSD matrix
            ratio[k] = total > 0 ? variance[k] / total : 0.0;
        }
        return new PcaTransform(mean, comps, variance, ratio);
    }

    /// <summary>Training mean per input feature.</summary>
    public IReadOnlyList<double> Mean => Array.AsReadOnly(_mean);

    /// <summary>The principal axes, one row of length <see cref="InputDimension"/> per component, by decreasing variance.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Components => [.. _components.Select(c => (IReadOnlyList<double>)Array.AsReadOnly(c))];

    /// <summary>Training variance along each component (the covariance eigenvalues).</summary>
    public IReadOnlyList<double> ExplainedVariance => Array.AsReadOnly(_variance);

    /// <summary>Each component's share of the total training variance.</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio => Array.AsReadOnly(_ratio);

    /// <inheritdoc />
    [JsonIgnore]
    public override int InputDimension => _mean.Length;

    /// <inheritdoc />
    [JsonIgnore]
    public override int OutputDimension => _components.Length;

    /// <inheritdoc />
    protected override void TransformRow(ReadOnlySpan<double> input, Span<double> output)
    {
        for (int k = 0; k < _components.Length; k++)
        {
            var w = _components[k];
            double z = 0.0;
            for (int j = 0; j < input.Length; j++) z += w[j] * (input[j] - _mean[j]);
            output[k] = z;
        }
    }

    /// <inheritdoc />
    protected override IReadOnlyList<string> OutputNames(IReadOnlyList<string> inputNames) =>
        [.. Enumerable.Range(0, _components.Length).Select(k => "pc" + k.ToString(CultureInfo.InvariantCulture))];
}
