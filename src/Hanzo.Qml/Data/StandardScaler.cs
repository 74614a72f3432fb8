using System.Text.Json.Serialization;

namespace Hanzo.Qml.Data;

/// <summary>
/// Standardisation: x′ = (x − mean) / std per feature, with the mean and the population standard deviation (ddof = 0,
/// as scikit-learn's <c>StandardScaler</c>) of the training data. A constant training feature gets scale 1, so it
/// maps to 0 instead of dividing by zero.
/// </summary>
public sealed class StandardScaler : DataTransform
{
    private readonly double[] _means;
    private readonly double[] _scales;

    /// <summary>Rebuilds a fitted scaler from its statistics (used by JSON loading).</summary>
    /// <param name="means">Per-feature mean.</param>
    /// <param name="scales">Per-feature divisor (positive).</param>
    /// <exception cref="ArgumentException">When lengths differ or a scale is not positive.</exception>
    [JsonConstructor]
    public StandardScaler(IReadOnlyList<double> means, IReadOnlyList<double> scales)
    {
        _means = CheckVector(means, -1, nameof(means));
        if (_means.Length == 0) throw new ArgumentException("A scaler needs at least one feature.", nameof(means));
        _scales = CheckVector(scales, _means.Length, nameof(scales));
        foreach (double s in _scales)
            if (!(s > 0)) throw new ArgumentException("Every scale must be positive.", nameof(scales));
    }

    /// <summary>Fits the per-feature mean and standard deviation of <paramref name="train"/>.</summary>
    /// <exception cref="ArgumentException">When the data is empty, ragged or not finite.</exception>
    public static StandardScaler Fit(IReadOnlyList<double[]> train)
    {
        var (n, d) = CheckTraining(train, "Standardisation");
        var mean = new double[d];
        var scale = new double[d];
        for (int j = 0; j < d; j++)
        {
            double m = 0.0;
            for (int i = 0; i < n; i++) m += train[i][j];
            m /= n;
            double ss = 0.0;
            for (int i = 0; i < n; i++) { double t = train[i][j] - m; ss += t * t; }
            double sd = Math.Sqrt(ss / n);
            mean[j] = m;
            // A near-constant feature would be blown up to noise of order 1; treat it as constant.
            scale[j] = sd > 1e-12 * Math.Max(1.0, Math.Abs(m)) ? sd : 1.0;
        }
        return new StandardScaler(mean, scale);
    }

    /// <summary>Fits on the features of a training dataset.</summary>
    public static StandardScaler Fit(Dataset train)
    {
        ArgumentNullException.ThrowIfNull(train);
        return Fit(train.ToJaggedArray());
    }

    /// <summary>Per-feature training mean.</summary>
    public IReadOnlyList<double> Means => Array.AsReadOnly(_means);

    /// <summary>Per-feature divisor (training standard deviation, or 1 for a constant feature).</summary>
    public IReadOnlyList<double> Scales => Array.AsReadOnly(_scales);

    /// <inheritdoc />
    [JsonIgnore]
    public override int InputDimension => _means.Length;

    /// <inheritdoc />
    [JsonIgnore]
    public override int OutputDimension => _means.Length;

    /// <summary>Maps standardised values back to the original units.</summary>
    public double[] InverseTransform(ReadOnlySpan<double> row)
    {
        if (row.Length != _means.Length) throw new ArgumentException($"The row has {row.Length} features; expected {_means.Length}.", nameof(row));
        var x = new double[row.Length];
        for (int j = 0; j < x.Length; j++) x[j] = row[j] * _scales[j] + _means[j];
        return x;
    }

    /// <inheritdoc />
    protected override void TransformRow(ReadOnlySpan<double> input, Span<double> output)
    {
        for (int j = 0; j < input.Length; j++) output[j] = (input[j] - _means[j]) / _scales[j];
    }
}
