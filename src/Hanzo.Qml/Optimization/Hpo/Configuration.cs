namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>
/// One point of a <see cref="SearchSpace"/>: a value index per hyperparameter. Equal when the indices are equal (the
/// methods use this to evaluate every configuration at most once).
/// </summary>
public sealed class Configuration : IEquatable<Configuration>
{
    private readonly int[] _indices;

    /// <summary>The configuration of <paramref name="space"/> with the given value indices.</summary>
    /// <exception cref="ArgumentException">When the count or an index does not fit the space.</exception>
    public Configuration(SearchSpace space, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Count != space.Parameters.Count)
            throw new ArgumentException($"Expected {space.Parameters.Count} value indices, got {indices.Count}.", nameof(indices));
        for (int i = 0; i < indices.Count; i++)
            if (indices[i] < 0 || indices[i] >= space.Parameters[i].Values.Count)
                throw new ArgumentException($"Index {indices[i]} of '{space.Parameters[i].Name}' is outside 0..{space.Parameters[i].Values.Count - 1}.", nameof(indices));
        Space = space;
        _indices = [.. indices];
    }

    /// <summary>The space it belongs to.</summary>
    public SearchSpace Space { get; }

    /// <summary>The value index of each hyperparameter, in the space's order.</summary>
    public IReadOnlyList<int> Indices => _indices;

    /// <summary>The value of the hyperparameter called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">When the space has no such hyperparameter.</exception>
    public HyperparameterValue this[string name]
    {
        get
        {
            for (int i = 0; i < _indices.Length; i++)
                if (Space.Parameters[i].Name == name) return Space.Parameters[i].Values[_indices[i]];
            throw new KeyNotFoundException($"The search space has no hyperparameter '{name}'.");
        }
    }

    /// <summary>True when the space has a hyperparameter called <paramref name="name"/>.</summary>
    public bool Has(string name) => Space.Parameters.Any(p => p.Name == name);

    /// <summary>(name, value) pairs in the space's order.</summary>
    public IEnumerable<KeyValuePair<string, HyperparameterValue>> Values =>
        Space.Parameters.Select((p, i) => KeyValuePair.Create(p.Name, p.Values[_indices[i]]));

    /// <inheritdoc />
    public bool Equals(Configuration? other) => other is not null && ReferenceEquals(Space, other.Space) && _indices.AsSpan().SequenceEqual(other._indices);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Configuration);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (int i in _indices) h.Add(i);
        return h.ToHashCode();
    }

    /// <summary>Like <c>{C=1, gamma=0.01}</c>.</summary>
    public override string ToString() => "{" + string.Join(", ", Values.Select(kv => $"{kv.Key}={kv.Value}")) + "}";
}
