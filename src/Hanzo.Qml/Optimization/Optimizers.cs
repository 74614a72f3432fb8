namespace Hanzo.Qml.Optimization;

/// <summary>Creates optimisers by name, for the command line and the service.</summary>
public static class Optimizers
{
    /// <summary>The accepted names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["cobyla", "nelder-mead", "spsa", "adam", "sgd"];

    /// <summary>
    /// A new optimiser with default settings: "cobyla", "nelder-mead", "spsa" (seeded with <paramref name="seed"/>),
    /// "adam" or "sgd". Case-insensitive; "neldermead" and "nelder_mead" are accepted too.
    /// </summary>
    /// <exception cref="ArgumentException">For an unknown name (the message lists the known ones).</exception>
    public static IOptimizer Create(string name, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant().Replace('_', '-') switch
        {
            "cobyla" => new Cobyla(),
            "nelder-mead" or "neldermead" => new NelderMead(),
            "spsa" => new Spsa(new SpsaOptions { Seed = seed }),
            "adam" => new Adam(),
            "sgd" => new Sgd(),
            _ => throw new ArgumentException($"Unknown optimizer '{name}'; known: {string.Join(", ", Names)}.", nameof(name)),
        };
    }
}
