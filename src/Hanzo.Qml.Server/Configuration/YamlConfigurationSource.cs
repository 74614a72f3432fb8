using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hanzo.Qml.Server.Configuration;

/// <summary>
/// The service's YAML file as a configuration source. Keys are the snake_case names of <see cref="QmlServerOptions"/>
/// (<c>server: {port: 8072}</c> → <c>Server:Port</c>, <c>backends: [{max_qubits: 20}]</c> → <c>Backends:0:MaxQubits</c>);
/// an unknown key, a value of the wrong type or a YAML syntax error is recorded with the file and line and reported by
/// start-up validation, never silently ignored.
/// </summary>
public sealed class YamlConfigurationSource : IConfigurationSource
{
    /// <summary>Creates the source for <paramref name="path"/>.</summary>
    /// <param name="path">The YAML file.</param>
    /// <param name="origin">How the path was chosen (<c>--config</c>, <c>HANZO_QML_CONFIG</c>, default), for a missing-file message.</param>
    public YamlConfigurationSource(string path, string origin)
    {
        Path = path;
        Origin = origin;
    }

    /// <summary>The YAML file.</summary>
    public string Path { get; }

    /// <summary>How the path was chosen.</summary>
    public string Origin { get; }

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new YamlConfigurationProvider(this);
}

/// <summary>Loads a <see cref="YamlConfigurationSource"/>.</summary>
public sealed class YamlConfigurationProvider : TrackedConfigurationProvider
{
    private readonly YamlConfigurationSource _source;

    /// <summary>Creates the provider.</summary>
    public YamlConfigurationProvider(YamlConfigurationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <summary>The file this provider reads.</summary>
    public string Path => _source.Path;

    /// <inheritdoc />
    public override void Load()
    {
        Reset();
        string text;
        try
        {
            text = File.ReadAllText(_source.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var why = e is FileNotFoundException or DirectoryNotFoundException ? "does not exist" : $"cannot be read ({e.Message})";
            ProblemAt("config file", _source.Origin, $"{_source.Path} {why}");
            return;
        }
        LoadText(text);
    }

    private void LoadText(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            ProblemAt("config file", Where(e.Start), $"is not valid YAML: {Innermost(e).Message}");
            return;
        }
        if (stream.Documents.Count == 0) return;
        if (stream.Documents.Count > 1)
        {
            ProblemAt("config file", Where(stream.Documents[1].RootNode.Start), "holds more than one YAML document; keep one");
            return;
        }
        var root = stream.Documents[0].RootNode;
        if (IsNull(root)) return;
        Walk(root, ConfigSchema.Root, "", "");
    }

    private void Walk(YamlNode node, ConfigSchema schema, string key, string yamlPath)
    {
        switch (schema.Kind)
        {
            case SchemaKind.Section:
                WalkSection(node, schema, key, yamlPath);
                break;
            case SchemaKind.Sequence:
                if (node is not YamlSequenceNode sequence)
                {
                    ProblemAt(yamlPath, Where(node.Start), "must be a list (entries starting with \"- \")");
                    return;
                }
                if (sequence.Children.Count == 0 && schema.RequiresItems)
                    ProblemAt(yamlPath, Where(node.Start), "is an empty list; give at least one entry, or remove the key to keep the default");
                for (int i = 0; i < sequence.Children.Count; i++)
                    Walk(sequence.Children[i], schema.Element!, $"{key}:{i}", $"{yamlPath}[{i}]");
                break;
            case SchemaKind.Map:
                if (node is not YamlMappingNode map)
                {
                    ProblemAt(yamlPath, Where(node.Start), "must be a mapping of names to values");
                    return;
                }
                foreach (var (k, v) in map.Children)
                {
                    if (k is not YamlScalarNode { Value: { Length: > 0 } name } || name.Contains(':', StringComparison.Ordinal))
                    {
                        ProblemAt(yamlPath, Where(k.Start), "keys must be non-empty names without ':'");
                        continue;
                    }
                    Walk(v, schema.Element!, $"{key}:{name}", $"{yamlPath}.{name}");
                }
                break;
            default:
                if (node is not YamlScalarNode scalar)
                {
                    ProblemAt(yamlPath, Where(node.Start), "must be a single value, not a list or mapping");
                    return;
                }
                if (IsNull(scalar)) return; // "url:" with nothing after it keeps the default
                if (schema.CheckScalar(scalar.Value!) is { } error)
                {
                    ProblemAt(yamlPath, Where(node.Start), error);
                    return;
                }
                Set(key, scalar.Value, Where(node.Start));
                break;
        }
    }

    private void WalkSection(YamlNode node, ConfigSchema schema, string key, string yamlPath)
    {
        string here = yamlPath.Length == 0 ? "the file" : yamlPath;
        if (IsNull(node) || node is YamlMappingNode { Children.Count: 0 })
        {
            // An empty optional section (auth.jwt:) reads like "turn it on" but would bind nothing: refuse it.
            if (schema.Optional) ProblemAt(yamlPath, Where(node.Start), $"is empty; set at least one of: {schema.AllowedNames}, or remove it");
            return;
        }
        if (node is not YamlMappingNode mapping)
        {
            ProblemAt(here, Where(node.Start), $"must be a mapping with keys among: {schema.AllowedNames}");
            return;
        }
        foreach (var (k, v) in mapping.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            var child = schema.Child(name);
            if (child is null)
            {
                ProblemAt(here, Where(k.Start), $"unknown key \"{name}\"; allowed keys: {schema.AllowedNames}");
                continue;
            }
            Walk(v, child.Node, child.KeyUnder(key), yamlPath.Length == 0 ? name : $"{yamlPath}.{name}");
        }
    }

    private string Where(Mark mark) => $"{_source.Path} line {mark.Line}";

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static Exception Innermost(Exception e) => e.InnerException is YamlException inner ? Innermost(inner) : e;
}
