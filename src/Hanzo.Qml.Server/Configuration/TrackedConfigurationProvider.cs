namespace Hanzo.Qml.Server.Configuration;

/// <summary>
/// A configuration provider that remembers where each value came from and what it refused, so start-up validation can
/// name the file line, environment variable or flag behind a bad value and report every problem at once instead of
/// failing on the first.
/// </summary>
public abstract class TrackedConfigurationProvider : ConfigurationProvider
{
    private readonly Dictionary<string, string> _origins = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ConfigurationProblem> _problems = [];

    /// <summary>What this source refused while loading (unknown keys, values of the wrong type, an unreadable file).</summary>
    public IReadOnlyList<ConfigurationProblem> Problems => _problems;

    /// <summary>Where the value of <paramref name="key"/> came from, or null when this provider does not hold it.</summary>
    public string? OriginOf(string key) => _origins.GetValueOrDefault(key);

    /// <summary>Clears what an earlier load recorded.</summary>
    protected void Reset()
    {
        Data.Clear();
        _origins.Clear();
        _problems.Clear();
    }

    /// <summary>Stores a value; a key already set by this source (two spellings of one setting) is a problem.</summary>
    /// <param name="key">Configuration key.</param>
    /// <param name="value">The value.</param>
    /// <param name="origin">Where it was written.</param>
    protected void Set(string key, string? value, string origin)
    {
        if (_origins.TryGetValue(key, out var earlier) && Data.TryGetValue(key, out var previous) && previous != value)
        {
            Problem(key, origin, $"is also set ({earlier}) to a different value; set it once");
            return;
        }
        Data[key] = value;
        _origins[key] = origin;
    }

    /// <summary>Records a problem with the setting whose configuration key is <paramref name="key"/>.</summary>
    protected void Problem(string key, string? origin, string message) =>
        _problems.Add(new ConfigurationProblem(ConfigSchema.YamlPath(key), origin, message));

    /// <summary>Records a problem that belongs to no single setting (the file, an environment variable name).</summary>
    protected void ProblemAt(string what, string? origin, string message) =>
        _problems.Add(new ConfigurationProblem(what, origin, message));
}
