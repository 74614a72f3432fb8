namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>A named hyperparameter with its finite, ordered list of candidate values.</summary>
public sealed class Hyperparameter
{
    /// <summary>A hyperparameter over <paramref name="values"/> (at least one, no duplicates).</summary>
    /// <exception cref="ArgumentException">For an empty name, no values or a repeated value.</exception>
    public Hyperparameter(string name, IEnumerable<HyperparameterValue> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        Name = name;
        Values = [.. values];
        if (Values.Count == 0) throw new ArgumentException($"Hyperparameter '{name}' needs at least one value.", nameof(values));
        // A repeated value would get two one-hot bits with the same meaning and bias every method towards it.
        if (Values.Distinct().Count() != Values.Count) throw new ArgumentException($"Hyperparameter '{name}' lists a value twice.", nameof(values));
    }

    /// <summary>A numeric hyperparameter.</summary>
    public static Hyperparameter Numeric(string name, params double[] values) => new(name, values.Select(HyperparameterValue.Of));

    /// <summary>A categorical (string) hyperparameter.</summary>
    public static Hyperparameter Categorical(string name, params string[] values) => new(name, values.Select(HyperparameterValue.Of));

    /// <summary>The name (the key of the objective's lookup).</summary>
    public string Name { get; }

    /// <summary>The candidate values, in the order given.</summary>
    public IReadOnlyList<HyperparameterValue> Values { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: [{string.Join(", ", Values)}]";
}
