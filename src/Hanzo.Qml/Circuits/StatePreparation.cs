namespace Hanzo.Qml.Circuits;

/// <summary>
/// Amplitude encoding as the circuit's initial state: features x[0..k) are padded with <see cref="PadWith"/> up to 2ⁿ
/// entries, then divided by their 2-norm (PennyLane's AmplitudeEmbedding with normalize=True: pad first, then normalise).
/// </summary>
/// <param name="NumFeatures">How many features are read, at most 2ⁿ.</param>
/// <param name="PadWith">Value of the padded entries (used only when NumFeatures &lt; 2ⁿ).</param>
/// <param name="FeatureOffset">Index of the first feature read.</param>
public sealed record StatePreparation(int NumFeatures, double PadWith = 0.0, int FeatureOffset = 0)
{
    /// <summary>Writes the normalised amplitudes for <paramref name="features"/> into <paramref name="amplitudes"/>.</summary>
    /// <exception cref="ArgumentException">When the padded vector has zero norm or holds a non-finite value.</exception>
    public void Prepare(ReadOnlySpan<double> features, Span<System.Numerics.Complex> amplitudes)
    {
        double norm2 = Fill(features, amplitudes.Length, out _);
        double inv = 1.0 / Math.Sqrt(norm2);
        for (int k = 0; k < amplitudes.Length; k++)
            amplitudes[k] = new System.Numerics.Complex(RawValue(features, k) * inv, 0.0);
    }

    /// <summary>Squared norm of the padded vector; checks the values.</summary>
    internal double Fill(ReadOnlySpan<double> features, int dimension, out int count)
    {
        if (NumFeatures > dimension)
            throw new ArgumentException($"Amplitude encoding of {NumFeatures} features needs at least {NumFeatures} amplitudes; the register has {dimension}.");
        if (FeatureOffset + NumFeatures > features.Length)
            throw new ArgumentException($"Amplitude encoding reads features [{FeatureOffset}, {FeatureOffset + NumFeatures}); only {features.Length} were given.");
        double norm2 = 0.0;
        for (int k = 0; k < dimension; k++)
        {
            double v = RawValue(features, k);
            if (!double.IsFinite(v)) throw new ArgumentException($"Amplitude encoding: feature {k} is {v}; features must be finite.");
            norm2 += v * v;
        }
        if (norm2 == 0.0) throw new ArgumentException("Amplitude encoding: the padded feature vector is all zeros and cannot be normalised.");
        count = dimension;
        return norm2;
    }

    /// <summary>Entry k of the padded, un-normalised vector.</summary>
    internal double RawValue(ReadOnlySpan<double> features, int k) => k < NumFeatures ? features[FeatureOffset + k] : PadWith;
}
