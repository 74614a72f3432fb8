namespace Hanzo.Qml.Server.Security;

/// <summary>
/// Where the service reads secrets (JWT keys, API keys) named in its configuration. The configuration only ever names
/// an environment variable; the value never sits in the YAML file. Tests replace this service so that they do not race
/// on process-wide environment variables.
/// </summary>
public interface ISecretSource
{
    /// <summary>The secret held by the environment variable <paramref name="name"/>, or null when it is unset or empty.</summary>
    /// <param name="name">Environment variable name, e.g. <c>HANZO_QML_JWT_KEY</c>.</param>
    string? Get(string name);
}
