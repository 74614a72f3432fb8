using Hanzo.Qml.Server.Configuration;

namespace Hanzo.Qml.Server.Circuits;

/// <summary>Chooses the backend of a circuit request among the configured ones (<c>backends:</c>).</summary>
public static class CircuitBackends
{
    /// <summary>The only engine this server can run circuits on.</summary>
    public const string StatevectorType = "statevector";

    /// <summary>Largest register of any configured backend: the bound for defining a circuit.</summary>
    /// <param name="options">The service configuration.</param>
    /// <exception cref="CircuitRequestException">400 when no backend is configured.</exception>
    public static int MaxQubits(QmlServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Backends.Count == 0)
            throw CircuitRequestException.BadRequest("This server has no backends configured (backends:), so it cannot accept circuits.", "No backend");
        return options.Backends.Max(b => b.MaxQubits);
    }

    /// <summary>
    /// The backend called <paramref name="name"/> (case-insensitive), or the first configured one when no name is given,
    /// checked to be runnable here and large enough for <paramref name="numQubits"/> qubits.
    /// </summary>
    /// <param name="options">The service configuration.</param>
    /// <param name="name">Requested name, or null.</param>
    /// <param name="numQubits">The circuit's register size.</param>
    /// <exception cref="CircuitRequestException">400 for an unknown backend (lists the names), one of a type this server cannot run, or a circuit too large for it.</exception>
    public static BackendSection Resolve(QmlServerOptions options, string? name, int numQubits)
    {
        ArgumentNullException.ThrowIfNull(options);
        var backends = options.Backends;
        if (backends.Count == 0)
            throw CircuitRequestException.BadRequest("This server has no backends configured (backends:), so it cannot run circuits.", "No backend");
        var names = string.Join(", ", backends.Select(b => b.Name));
        BackendSection backend;
        if (string.IsNullOrWhiteSpace(name)) backend = backends[0];
        else
        {
            backend = backends.FirstOrDefault(b => string.Equals(b.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw CircuitRequestException.BadRequest($"Unknown backend \"{name}\"; allowed: {names}.", "Unknown backend");
        }
        if (!string.Equals(backend.Type, StatevectorType, StringComparison.OrdinalIgnoreCase))
            throw CircuitRequestException.BadRequest($"Backend \"{backend.Name}\" is of type \"{backend.Type}\", which this server cannot run yet; only \"{StatevectorType}\" backends execute circuits.", "Backend unavailable");
        if (numQubits > backend.MaxQubits)
            throw CircuitRequestException.BadRequest($"The circuit has {numQubits} qubits; backend \"{backend.Name}\" accepts at most {backend.MaxQubits}.", "Too many qubits");
        return backend;
    }
}
