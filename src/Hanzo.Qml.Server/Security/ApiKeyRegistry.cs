using System.Security.Cryptography;
using System.Text;
using Hanzo.Qml.Server.Configuration;

namespace Hanzo.Qml.Server.Security;

/// <summary>
/// The configured static API keys, held only as SHA-256 hashes computed at start-up, each bound to its organisation.
/// A presented key is hashed and compared in constant time against every entry, so the comparison time says nothing
/// about how much of a key was right.
/// </summary>
public sealed class ApiKeyRegistry
{
    /// <summary>Shortest API key accepted (characters).</summary>
    public const int MinKeyLength = 24;

    /// <summary>Longest organisation identifier (the database column's width).</summary>
    public const int MaxOrganisationLength = 128;

    private readonly Entry[] _entries;

    /// <summary>Reads and hashes the keys named by <paramref name="keys"/>.</summary>
    /// <param name="keys">The <c>auth.api_keys</c> entries.</param>
    /// <param name="secrets">Where the keys' environment variables are read.</param>
    /// <exception cref="InvalidOperationException">When an entry is incomplete, its variable unset, its key too short or shaped like a JWT, or two entries share a key; messages name the variable, never the key.</exception>
    public ApiKeyRegistry(IReadOnlyList<ApiKeySection> keys, ISecretSource secrets)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(secrets);
        var entries = new List<Entry>(keys.Count);
        for (int i = 0; i < keys.Count; i++)
        {
            var section = keys[i];
            var where = $"auth.api_keys[{i}]";
            if (string.IsNullOrWhiteSpace(section.KeyEnv))
                throw new InvalidOperationException($"{where} names no key_env: give the environment variable that holds the key (the key itself never goes in the configuration).");
            if (string.IsNullOrWhiteSpace(section.Organisation) || section.Organisation.Length > MaxOrganisationLength)
                throw new InvalidOperationException($"{where}.organisation must be a non-empty identifier of at most {MaxOrganisationLength} characters.");
            var key = secrets.Get(section.KeyEnv)
                ?? throw new InvalidOperationException($"{where}: the environment variable {section.KeyEnv} is not set; it must hold the API key (at least {MinKeyLength} characters, e.g. `openssl rand -hex 32`).");
            if (key.Length < MinKeyLength)
                throw new InvalidOperationException($"{where}: the key in {section.KeyEnv} has {key.Length} characters; at least {MinKeyLength} are required (e.g. `openssl rand -hex 32`).");
            if (key.Any(char.IsWhiteSpace) || AuthSchemes.LooksLikeJwt(key))
                throw new InvalidOperationException($"{where}: the key in {section.KeyEnv} contains whitespace or has the shape of a JWT (two dots); use a random hex or base64 string.");
            var hash = Hash(key);
            if (entries.Any(e => CryptographicOperations.FixedTimeEquals(e.Hash, hash)))
                throw new InvalidOperationException($"{where}: the key in {section.KeyEnv} is also configured for another entry; every key must be distinct.");
            entries.Add(new Entry(hash, section.Organisation, i));
        }
        _entries = [.. entries];
    }

    /// <summary>How many keys are configured.</summary>
    public int Count => _entries.Length;

    /// <summary>The organisation and configuration index of <paramref name="presented"/>, or null for an unknown key.</summary>
    /// <param name="presented">The key sent by the client.</param>
    public (string Organisation, int Index)? Find(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var hash = Hash(presented);
        Entry? match = null;
        // Every entry is compared, without an early exit, so that timing does not reveal which entry matched.
        foreach (var entry in _entries)
            if (CryptographicOperations.FixedTimeEquals(entry.Hash, hash)) match = entry;
        return match is { } m ? (m.Organisation, m.Index) : null;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private sealed record Entry(byte[] Hash, string Organisation, int Index);
}
