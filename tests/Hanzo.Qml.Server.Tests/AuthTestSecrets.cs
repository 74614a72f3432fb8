using System.Collections.Concurrent;
using Hanzo.Qml.Server.Security;

namespace Hanzo.Qml.Server.Tests;

/// <summary>An <see cref="ISecretSource"/> backed by a dictionary, so tests never touch process-wide environment variables.</summary>
public sealed class AuthTestSecrets : ISecretSource
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? this[string name]
    {
        get => Get(name);
        set
        {
            if (value is null) _values.TryRemove(name, out _);
            else _values[name] = value;
        }
    }

    public string? Get(string name) => _values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
}
