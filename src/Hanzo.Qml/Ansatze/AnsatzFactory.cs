namespace Hanzo.Qml.Ansatze;

/// <summary>Creates ansätze by name, for configuration files and the command line.</summary>
public static class AnsatzFactory
{
    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(["hardware_efficient", "strongly_entangling", "basic_entangler"]);

    /// <summary>Creates the ansatz called <paramref name="name"/> (case-insensitive) with default settings.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="numQubits">Number of wires.</param>
    /// <param name="numLayers">Number of layers.</param>
    /// <exception cref="ArgumentException">When the name is unknown (the message lists the allowed names) or a count is invalid.</exception>
    public static IAnsatz Create(string name, int numQubits, int numLayers)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "hardware_efficient" => new HardwareEfficientAnsatz(numQubits, numLayers),
            "strongly_entangling" => new StronglyEntanglingLayers(numQubits, numLayers),
            "basic_entangler" => new BasicEntanglerLayers(numQubits, numLayers),
            _ => throw new ArgumentException($"Unknown ansatz \"{name}\"; allowed names: {string.Join(", ", Names)}.", nameof(name)),
        };
    }
}
