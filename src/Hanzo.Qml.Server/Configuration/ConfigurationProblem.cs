namespace Hanzo.Qml.Server.Configuration;

/// <summary>One thing wrong with the configuration.</summary>
/// <param name="Setting">The setting in YAML spelling (<c>server.port</c>, <c>backends[1].max_qubits</c>), or the file itself.</param>
/// <param name="Origin">Where the value came from (<c>config.yaml line 4</c>, <c>HANZO_QML_PORT</c>, <c>--port</c>), or null for a default.</param>
/// <param name="Message">What is wrong and what is allowed; never contains a secret.</param>
public sealed record ConfigurationProblem(string Setting, string? Origin, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Origin is null ? $"{Setting}: {Message}" : $"{Setting} ({Origin}): {Message}";
}
