using Hanzo.Qml.Data;

namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>
/// A discrete search space: an ordered list of hyperparameters, each a finite list of values. A configuration picks
/// one value per hyperparameter, so the space has Π |valuesᵢ| points.
/// </summary>
public sealed class SearchSpace
{
    /// <summary>The space over <paramref name="parameters"/> (at least one, distinct names).</summary>
    /// <exception cref="ArgumentException">For no parameters or a repeated name.</exception>
    public SearchSpace(IEnumerable<Hyperparameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = [.. parameters];
        if (Parameters.Count == 0) throw new ArgumentException("A search space needs at least one hyperparameter.", nameof(parameters));
        var dup = Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"Hyperparameter '{dup.Key}' appears twice.", nameof(parameters));
        double size = 1;
        foreach (var p in Parameters) size *= p.Values.Count;
        Size = size > long.MaxValue / 2 ? long.MaxValue : (long)size;
    }

    /// <summary>The hyperparameters, in order.</summary>
    public IReadOnlyList<Hyperparameter> Parameters { get; }

    /// <summary>Number of configurations (saturates at <see cref="long.MaxValue"/>).</summary>
    public long Size { get; }

    /// <summary>Bits of the one-hot encoding: Σ |valuesᵢ|.</summary>
    public int OneHotBits => Parameters.Sum(p => p.Values.Count);

    /// <summary>The configuration with value index <paramref name="indices"/>[i] for hyperparameter i.</summary>
    public Configuration At(params int[] indices) => new(this, indices);

    /// <summary>The configuration with mixed-radix number <paramref name="ordinal"/> (the last hyperparameter varies fastest).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the ordinal is outside 0..Size−1.</exception>
    public Configuration FromOrdinal(long ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, Size);
        var idx = new int[Parameters.Count];
        for (int i = Parameters.Count - 1; i >= 0; i--)
        {
            int k = Parameters[i].Values.Count;
            idx[i] = (int)(ordinal % k);
            ordinal /= k;
        }
        return new Configuration(this, idx);
    }

    /// <summary>Every configuration in ordinal order (lazy: only enumerate small spaces).</summary>
    public IEnumerable<Configuration> Enumerate()
    {
        for (long o = 0; o < Size; o++) yield return FromOrdinal(o);
    }

    /// <summary>A uniformly random configuration from <paramref name="random"/>.</summary>
    public Configuration Sample(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new Configuration(this, [.. Parameters.Select(p => random.NextInt(p.Values.Count))]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{{{string.Join("; ", Parameters)}}} ({Size} configurations)";
}
