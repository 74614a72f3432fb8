namespace Hanzo.Qml.Encodings;

/// <summary>Creates encodings by name, for configuration files and the command line.</summary>
public static class EncodingFactory
{
    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(["angle", "amplitude", "iqp", "zz", "pauli"]);

    /// <summary>Creates the encoding called <paramref name="name"/> (case-insensitive) on <paramref name="numQubits"/> wires.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="numQubits">Number of wires.</param>
    /// <param name="options">Settings; null for <see cref="EncodingOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">When the name is unknown (the message lists the allowed names) or a setting is invalid.</exception>
    public static IEncoding Create(string name, int numQubits, EncodingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var o = options ?? EncodingOptions.Default;
        return name.Trim().ToLowerInvariant() switch
        {
            "angle" => new AngleEncoding(numQubits, o.Rotation),
            "amplitude" => new AmplitudeEncoding(numQubits, o.NumFeatures, o.PadWith),
            "iqp" => new IqpEncoding(numQubits, o.Reps),
            "zz" => new ZZFeatureMap(numQubits, o.Reps, o.Entanglement, o.Alpha),
            "pauli" => new PauliFeatureMap(numQubits, o.Paulis, o.Reps, o.Entanglement, o.Alpha),
            _ => throw new ArgumentException($"Unknown encoding \"{name}\"; allowed names: {string.Join(", ", Names)}.", nameof(name)),
        };
    }
}
