using System.Collections;

namespace Hanzo.Qml.Server.Configuration;

/// <summary>
/// <c>HANZO_QML_*</c> environment variables as a configuration source. A name with <c>__</c> is a path through the YAML
/// keys, upper-cased, with <c>__</c> between levels (<c>HANZO_QML_SERVER__PORT</c>, <c>HANZO_QML_JOBS__LEASE_SECONDS</c>,
/// <c>HANZO_QML_BACKENDS__0__MAX_QUBITS</c>, <c>HANZO_QML_BUDGETS__acme</c>); a path that names no setting is refused.
/// A few flat names are shorthands (<see cref="FlatNames"/>). Other <c>HANZO_QML_</c> names without <c>__</c> are left
/// alone: they may hold secrets that <c>auth</c> refers to (<c>HANZO_QML_JWT_KEY</c>) and must never enter the configuration.
/// </summary>
public sealed class QmlEnvironmentSource : IConfigurationSource
{
    /// <summary>The prefix of every variable read.</summary>
    public const string Prefix = "HANZO_QML_";

    /// <summary>The variable naming the YAML file (read by <see cref="QmlConfiguration"/>, not a setting).</summary>
    public const string ConfigVariable = "HANZO_QML_CONFIG";

    /// <summary>Shorthand variables and the full variable each stands for.</summary>
    public static readonly IReadOnlyDictionary<string, string> FlatNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["HANZO_QML_HOST"] = "HANZO_QML_SERVER__HOST",
        ["HANZO_QML_PORT"] = "HANZO_QML_SERVER__PORT",
        ["HANZO_QML_WORKERS"] = "HANZO_QML_JOBS__WORKERS",
        ["HANZO_QML_DATABASE_URL"] = "HANZO_QML_DATABASE__URL",
        ["HANZO_QML_ML_PIPELINE_URL"] = "HANZO_QML_ML_PIPELINE__URL",
        ["HANZO_QML_METRICS_PORT"] = "HANZO_QML_METRICS__PORT",
        ["HANZO_QML_LOG_LEVEL"] = "HANZO_QML_LOGGING__LEVEL",
        ["HANZO_QML_LOG_FORMAT"] = "HANZO_QML_LOGGING__FORMAT",
    };

    /// <summary>Creates the source; <paramref name="variables"/> replaces the process environment (tests).</summary>
    public QmlEnvironmentSource(IDictionary? variables = null) => Variables = variables;

    /// <summary>The variables to read, or null for the process environment.</summary>
    public IDictionary? Variables { get; }

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new QmlEnvironmentProvider(this);
}

/// <summary>Loads a <see cref="QmlEnvironmentSource"/>.</summary>
public sealed class QmlEnvironmentProvider : TrackedConfigurationProvider
{
    private readonly QmlEnvironmentSource _source;

    /// <summary>Creates the provider.</summary>
    public QmlEnvironmentProvider(QmlEnvironmentSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <inheritdoc />
    public override void Load()
    {
        Reset();
        var variables = _source.Variables ?? Environment.GetEnvironmentVariables();
        // Sorted so two spellings of one setting are reported the same way on every run.
        var names = variables.Keys.OfType<string>().Where(n => n.StartsWith(QmlEnvironmentSource.Prefix, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            var value = variables[name] as string;
            if (string.IsNullOrEmpty(value)) continue; // an empty variable means "not set", as in most shells' habits
            var full = QmlEnvironmentSource.FlatNames.GetValueOrDefault(name.ToUpperInvariant()) ?? name;
            var path = full[QmlEnvironmentSource.Prefix.Length..];
            if (!path.Contains("__", StringComparison.Ordinal)) continue;
            var node = Resolve(path, out var key);
            if (node is null || key is null)
            {
                ProblemAt(name, null, $"names no setting; a name is HANZO_QML_ + the YAML path in capitals with __ between levels "
                    + $"(HANZO_QML_SERVER__PORT, HANZO_QML_BACKENDS__0__MAX_QUBITS); sections: {ConfigSchema.Root.AllowedNames}");
                continue;
            }
            if (node.CheckScalar(value) is { } error)
            {
                Problem(key, name, error);
                continue;
            }
            Set(key, value, name);
        }
    }

    /// <summary>
    /// Follows <paramref name="path"/> (<c>SERVER__PORT</c>) through the schema; underscores inside a level are ignored so
    /// <c>MAX_QUBITS</c> and <c>MAXQUBITS</c> both name <c>MaxQubits</c>. Returns the scalar's node and key, or null.
    /// </summary>
    private static ConfigSchema? Resolve(string path, out string? key)
    {
        key = null;
        var node = ConfigSchema.Root;
        string current = "";
        var segments = path.Split("__");
        for (int i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            switch (node.Kind)
            {
                case SchemaKind.Section:
                    var wanted = Squash(segment);
                    var child = node.Children.FirstOrDefault(c => Squash(c.YamlName) == wanted);
                    if (child is null) return null;
                    current = child.KeyUnder(current);
                    node = child.Node;
                    break;
                case SchemaKind.Sequence:
                    if (segment.Length == 0 || !segment.All(char.IsAsciiDigit) || segment.Length > 4) return null;
                    current += ":" + int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    node = node.Element!;
                    break;
                case SchemaKind.Map:
                    if (segment.Length == 0) return null;
                    current += ":" + segment;
                    node = node.Element!;
                    break;
                default:
                    return null; // a path that goes on below a single value
            }
        }
        if (node.Kind != SchemaKind.Scalar) return null;
        key = current;
        return node;
    }

    private static string Squash(string segment) => segment.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
}
