using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Hanzo.Qml.Server.Configuration;

/// <summary>What a node of the configuration schema holds.</summary>
public enum SchemaKind
{
    /// <summary>A fixed set of named settings (a YAML mapping with known keys).</summary>
    Section,

    /// <summary>A list of entries (a YAML sequence; configuration keys <c>0</c>, <c>1</c>, …).</summary>
    Sequence,

    /// <summary>Free keys chosen by the user (budgets per organisation).</summary>
    Map,

    /// <summary>One value.</summary>
    Scalar,
}

/// <summary>
/// The shape of <see cref="QmlServerOptions"/> as the YAML file and the environment see it, derived from the options
/// classes by reflection so a property added there is accepted here without a second list to keep in step. YAML names
/// are the snake_case of the property names (<c>MaxQubits</c> → <c>max_qubits</c>); configuration keys keep the property
/// names (<c>Backends:0:MaxQubits</c>).
/// </summary>
public sealed class ConfigSchema
{
    private ConfigSchema(SchemaKind kind, Type clrType)
    {
        Kind = kind;
        ClrType = clrType;
    }

    /// <summary>The schema of the whole file.</summary>
    public static ConfigSchema Root { get; } = BuildRoot();

    /// <summary>What this node holds.</summary>
    public SchemaKind Kind { get; }

    /// <summary>The property's type (for scalars: the type values must parse as).</summary>
    public Type ClrType { get; }

    /// <summary>Section children by YAML name, in declaration order.</summary>
    public IReadOnlyList<SchemaChild> Children { get; private set; } = [];

    /// <summary>The node of each entry of a sequence or map.</summary>
    public ConfigSchema? Element { get; private set; }

    /// <summary>A section that is absent unless written (<c>auth.jwt</c>): writing it empty is refused, not ignored.</summary>
    public bool Optional { get; private set; }

    /// <summary>A sequence whose default is not empty (<c>backends</c>): an empty list would silently keep the default.</summary>
    public bool RequiresItems { get; private set; }

    /// <summary>The child called <paramref name="yamlName"/>, or null.</summary>
    public SchemaChild? Child(string yamlName) => Children.FirstOrDefault(c => string.Equals(c.YamlName, yamlName, StringComparison.Ordinal));

    /// <summary>The allowed YAML names of a section, for error messages.</summary>
    public string AllowedNames => string.Join(", ", Children.Select(c => c.YamlName));

    /// <summary>The snake_case YAML name of a property name.</summary>
    public static string YamlName(string propertyName) => JsonNamingPolicy.SnakeCaseLower.ConvertName(propertyName);

    /// <summary>
    /// The YAML spelling of a configuration key, for messages: <c>Backends:1:MaxQubits</c> → <c>backends[1].max_qubits</c>,
    /// <c>Budgets:acme</c> → <c>budgets.acme</c>.
    /// </summary>
    public static string YamlPath(string configKey)
    {
        ArgumentNullException.ThrowIfNull(configKey);
        if (string.Equals(configKey, nameof(QmlServerOptions.MlPipelineUrl), StringComparison.OrdinalIgnoreCase)) return "ml_pipeline.url";
        var node = Root;
        var path = new System.Text.StringBuilder();
        foreach (var segment in configKey.Split(':'))
        {
            if (node?.Kind == SchemaKind.Sequence)
            {
                path.Append('[').Append(segment).Append(']');
                node = node.Element;
                continue;
            }
            if (path.Length > 0) path.Append('.');
            if (node?.Kind == SchemaKind.Map)
            {
                path.Append(segment);
                node = node.Element;
                continue;
            }
            var child = node?.Children.FirstOrDefault(c => string.Equals(c.ConfigKey, segment, StringComparison.OrdinalIgnoreCase));
            path.Append(child?.YamlName ?? YamlName(segment));
            node = child?.Node;
        }
        return path.ToString();
    }

    /// <summary>
    /// Checks that <paramref name="value"/> parses as this scalar's type; returns a message saying what is allowed, or null.
    /// </summary>
    public string? CheckScalar(string value)
    {
        var t = Nullable.GetUnderlyingType(ClrType) ?? ClrType;
        var inv = CultureInfo.InvariantCulture;
        if (t == typeof(int))
            return int.TryParse(value, NumberStyles.AllowLeadingSign, inv, out _) ? null : $"\"{value}\" is not a whole number";
        if (t == typeof(long))
            return long.TryParse(value, NumberStyles.AllowLeadingSign, inv, out _) ? null : $"\"{value}\" is not a whole number";
        if (t == typeof(double))
            return double.TryParse(value, NumberStyles.Float, inv, out var d) && double.IsFinite(d) ? null : $"\"{value}\" is not a finite number";
        if (t == typeof(bool))
            return bool.TryParse(value, out _) ? null : $"\"{value}\" is not true or false";
        return null;
    }

    private static ConfigSchema BuildRoot()
    {
        var root = FromType(typeof(QmlServerOptions), new QmlServerOptions());
        // The URL of the ML pipeline reads better as its own section in YAML (ml_pipeline: {url: …}) while the options
        // keep one flat property; server.workers is the spelling of jobs.workers. Both are aliases onto one key.
        var urlType = new ConfigSchema(SchemaKind.Scalar, typeof(string));
        var pipeline = new ConfigSchema(SchemaKind.Section, typeof(object))
        {
            Children = [new SchemaChild("url", nameof(QmlServerOptions.MlPipelineUrl), urlType, Absolute: true)],
        };
        var children = root.Children.Where(c => c.ConfigKey != nameof(QmlServerOptions.MlPipelineUrl)).ToList();
        int at = children.FindIndex(c => c.ConfigKey == nameof(QmlServerOptions.Database)) + 1;
        children.Insert(at, new SchemaChild("ml_pipeline", "", pipeline, Absolute: true));
        var server = children.Single(c => c.ConfigKey == nameof(QmlServerOptions.Server));
        var workers = new SchemaChild("workers", $"{nameof(QmlServerOptions.Jobs)}:{nameof(JobsSection.Workers)}", new ConfigSchema(SchemaKind.Scalar, typeof(int)), Absolute: true);
        server.Node.Children = [.. server.Node.Children, workers];
        root.Children = children;
        return root;
    }

    private static ConfigSchema FromType(Type type, object? defaults)
    {
        if (type == typeof(string) || type.IsPrimitive || Nullable.GetUnderlyingType(type) is not null)
            return new ConfigSchema(SchemaKind.Scalar, type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var element = type.GetGenericArguments()[0];
            return new ConfigSchema(SchemaKind.Sequence, type)
            {
                Element = FromType(element, Activator.CreateInstance(element)),
                RequiresItems = defaults is System.Collections.ICollection { Count: > 0 },
            };
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return new ConfigSchema(SchemaKind.Map, type) { Element = FromType(type.GetGenericArguments()[1], null) };

        var nullability = new NullabilityInfoContext();
        var node = new ConfigSchema(SchemaKind.Section, type);
        var children = new List<SchemaChild>();
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.SetMethod is not { IsPublic: true }) continue; // computed properties (AuthConfigured) are not settings
            var propertyType = p.PropertyType;
            object? value = defaults is null ? null : p.GetValue(defaults);
            if (value is null && !propertyType.IsValueType && propertyType != typeof(string) && !propertyType.IsGenericType)
                value = Activator.CreateInstance(propertyType);
            var child = FromType(propertyType, value);
            if (child.Kind == SchemaKind.Section && nullability.Create(p).WriteState == NullabilityState.Nullable) child.Optional = true;
            children.Add(new SchemaChild(YamlName(p.Name), p.Name, child, Absolute: false));
        }
        node.Children = children;
        return node;
    }
}

/// <summary>One named setting of a section.</summary>
/// <param name="YamlName">Its YAML key (snake_case).</param>
/// <param name="ConfigKey">Its configuration key segment, or the full key from the root when <paramref name="Absolute"/>.</param>
/// <param name="Node">What it holds.</param>
/// <param name="Absolute">An alias whose key does not nest under its YAML parent.</param>
public sealed record SchemaChild(string YamlName, string ConfigKey, ConfigSchema Node, bool Absolute)
{
    /// <summary>The full configuration key of this child under <paramref name="parentKey"/>.</summary>
    public string KeyUnder(string parentKey) =>
        Absolute ? ConfigKey : parentKey.Length == 0 ? ConfigKey : ConfigKey.Length == 0 ? parentKey : parentKey + ":" + ConfigKey;
}
