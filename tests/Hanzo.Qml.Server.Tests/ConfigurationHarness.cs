using System.Collections;
using Hanzo.Qml.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace Hanzo.Qml.Server.Tests;

/// <summary>Builds the service's configuration from a YAML text, fake environment variables, ASP.NET settings and flags.</summary>
public sealed class ConfigurationHarness : IDisposable
{
    private readonly string _folder = ServerFactory.TempFolder();

    /// <summary>A default YAML path that never exists, so a machine's /etc/hanzo-qml/config.yaml cannot leak into tests.</summary>
    public string NoDefaultFile => Path.Combine(_folder, "no-default.yaml");

    /// <summary>Writes <paramref name="yaml"/> to a fresh file and returns its path.</summary>
    public string Yaml(string yaml, string name = "config.yaml")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, yaml.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary>A file in the harness's folder (not created).</summary>
    public string PathOf(string name) => Path.Combine(_folder, name);

    /// <summary>
    /// The configuration as the server builds it: ASP.NET command-line settings (<paramref name="settings"/>, the form
    /// <c>UseSetting</c> arrives in) first, then the service's sources inserted below them and the flags on top.
    /// </summary>
    public IConfigurationRoot Build(string? yamlPath = null, IDictionary<string, string>? env = null, ServeOverrides? flags = null,
        IDictionary<string, string>? settings = null)
    {
        var builder = new ConfigurationBuilder();
        builder.AddCommandLine(settings?.Select(kv => $"--{kv.Key}={kv.Value}").ToArray() ?? []);
        flags ??= ServeOverrides.None;
        if (yamlPath is not null) flags = flags with { ConfigPath = yamlPath };
        builder.AddQmlSources(flags, Environment(env), NoDefaultFile);
        return builder.Build();
    }

    /// <summary>Loads validated options, as start-up does.</summary>
    public QmlServerOptions Load(string? yamlPath = null, IDictionary<string, string>? env = null, ServeOverrides? flags = null,
        IDictionary<string, string>? settings = null) =>
        QmlConfiguration.Load(Build(yamlPath, env, flags, settings), Environment(env));

    /// <summary>The problems start-up reports (fails the test when there are none).</summary>
    public IReadOnlyList<ConfigurationProblem> Problems(string? yamlPath = null, IDictionary<string, string>? env = null, ServeOverrides? flags = null)
    {
        var e = Assert.Throws<QmlConfigurationException>(() => Load(yamlPath, env, flags));
        Assert.NotEmpty(e.Problems);
        foreach (var p in e.Problems) Assert.Contains(p.ToString(), e.Message, StringComparison.Ordinal);
        return e.Problems;
    }

    /// <summary>The one problem reported for a YAML text.</summary>
    public ConfigurationProblem OneProblem(string yaml, IDictionary<string, string>? env = null) => Assert.Single(Problems(Yaml(yaml), env));

    private static Hashtable Environment(IDictionary<string, string>? env)
    {
        var table = new Hashtable();
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) table[k] = v;
        return table;
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
