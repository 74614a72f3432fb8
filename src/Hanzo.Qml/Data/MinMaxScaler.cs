using System.Text.Json.Serialization;

namespace Hanzo.Qml.Data;

/// <summary>
/// Min–max scaling of each feature from its training range [min, max] onto [<see cref="RangeMin"/>, <see cref="RangeMax"/>],
/// by default the angle range [0, π] (<see cref="AngleMin"/>, <see cref="AngleMax"/>).
/// </summary>
/// <remarks>
/// <para>Why [0, π] for angles: a rotation angle is periodic, so a range of width 2π would send a feature's smallest
/// and largest values to the same rotation; within [0, π] an angle encoding such as RX(x) moves |0⟩ monotonically to
/// |1⟩ and distinct values stay distinguishable. (Bowles et al. 2024 use [−π/2, π/2], the same width.)</para>
/// <para>Test values outside the training range map outside the target range unless <see cref="Clip"/> is set, as in
/// scikit-learn's <c>MinMaxScaler(clip=False)</c>; clipping is an option because it hides distribution shift. A
/// constant training feature maps to <see cref="RangeMin"/>, as scikit-learn does.</para>
/// </remarks>
public sealed class MinMaxScaler : DataTransform
{
    /// <summary>Lower end of the default angle range.</summary>
    public const double AngleMin = 0.0;

    /// <summary>Upper end of the default angle range (π).</summary>
    public const double AngleMax = Math.PI;

    private readonly double[] _dataMin;
    private readonly double[] _dataMax;

    /// <summary>Rebuilds a fitted scaler (used by JSON loading).</summary>
    /// <param name="dataMin">Per-feature training minimum.</param>
    /// <param name="dataMax">Per-feature training maximum (≥ the minimum).</param>
    /// <param name="rangeMin">Lower end of the target range.</param>
    /// <param name="rangeMax">Upper end of the target range (greater than <paramref name="rangeMin"/>).</param>
    /// <param name="clip">Whether outputs are clipped to the target range.</param>
    /// <exception cref="ArgumentException">When the statistics are inconsistent.</exception>
    [JsonConstructor]
    public MinMaxScaler(IReadOnlyList<double> dataMin, IReadOnlyList<double> dataMax, double rangeMin = AngleMin, double rangeMax = AngleMax, bool clip = false)
    {
        _dataMin = CheckVector(dataMin, -1, nameof(dataMin));
        if (_dataMin.Length == 0) throw new ArgumentException("A scaler needs at least one feature.", nameof(dataMin));
        _dataMax = CheckVector(dataMax, _dataMin.Length, nameof(dataMax));
        for (int j = 0; j < _dataMin.Length; j++)
            if (_dataMax[j] < _dataMin[j]) throw new ArgumentException($"Feature {j}: maximum {_dataMax[j]} is below minimum {_dataMin[j]}.", nameof(dataMax));
        if (!double.IsFinite(rangeMin) || !double.IsFinite(rangeMax) || !(rangeMax > rangeMin))
            throw new ArgumentException($"The target range [{rangeMin}, {rangeMax}] must be finite with min < max.", nameof(rangeMax));
        RangeMin = rangeMin;
        RangeMax = rangeMax;
        Clip = clip;
    }

    /// <summary>Fits each feature's training minimum and maximum.</summary>
    /// <param name="train">Training rows.</param>
    /// <param name="rangeMin">Lower end of the target range (default 0).</param>
    /// <param name="rangeMax">Upper end of the target range (default π).</param>
    /// <param name="clip">Clip transformed values to the target range.</param>
    /// <exception cref="ArgumentException">When the data is empty, ragged or not finite, or the range is empty.</exception>
    public static MinMaxScaler Fit(IReadOnlyList<double[]> train, double rangeMin = AngleMin, double rangeMax = AngleMax, bool clip = false)
    {
        var (n, d) = CheckTraining(train, "Min-max scaling");
        var lo = new double[d];
        var hi = new double[d];
        for (int j = 0; j < d; j++)
        {
            lo[j] = double.PositiveInfinity;
            hi[j] = double.NegativeInfinity;
            for (int i = 0; i < n; i++)
            {
                lo[j] = Math.Min(lo[j], train[i][j]);
                hi[j] = Math.Max(hi[j], train[i][j]);
            }
        }
        return new MinMaxScaler(lo, hi, rangeMin, rangeMax, clip);
    }

    /// <summary>Per-feature training minimum.</summary>
    public IReadOnlyList<double> DataMin => Array.AsReadOnly(_dataMin);

    /// <summary>Per-feature training maximum.</summary>
    public IReadOnlyList<double> DataMax => Array.AsReadOnly(_dataMax);

    /// <summary>Lower end of the target range.</summary>
    public double RangeMin { get; }

    /// <summary>Upper end of the target range.</summary>
    public double RangeMax { get; }

    /// <summary>Whether outputs are clipped to the target range.</summary>
    public bool Clip { get; }

    /// <inheritdoc />
    [JsonIgnore]
    public override int InputDimension => _dataMin.Length;

    /// <inheritdoc />
    [JsonIgnore]
    public override int OutputDimension => _dataMin.Length;

    /// <inheritdoc />
    protected override void TransformRow(ReadOnlySpan<double> input, Span<double> output)
    {
        double width = RangeMax - RangeMin;
        for (int j = 0; j < input.Length; j++)
        {
            double span = _dataMax[j] - _dataMin[j];
            double v = span > 0 ? RangeMin + (input[j] - _dataMin[j]) / span * width : RangeMin;
            output[j] = Clip ? Math.Clamp(v, RangeMin, RangeMax) : v;
        }
    }
}
