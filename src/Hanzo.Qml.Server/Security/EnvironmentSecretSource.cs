namespace Hanzo.Qml.Server.Security;

/// <summary>Secrets from the process environment (the production <see cref="ISecretSource"/>).</summary>
public sealed class EnvironmentSecretSource : ISecretSource
{
    /// <inheritdoc />
    public string? Get(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
