using System.Collections;
using Microsoft.Extensions.Configuration.CommandLine;

namespace Hanzo.Qml.Server.Configuration;

/// <summary>
/// Puts the service's configuration sources in order and turns the result into validated <see cref="QmlServerOptions"/>.
/// Precedence, weakest first: the options' defaults, ASP.NET's usual sources (appsettings, unprefixed environment), the
/// YAML file, <c>HANZO_QML_*</c> environment variables, ASP.NET command-line settings (<c>--Server:Port=…</c>, which
/// <c>WebApplicationFactory.UseSetting</c> also arrives as), and last the <see cref="ServeOverrides"/> flags.
/// </summary>
public static class QmlConfiguration
{
    /// <summary>The YAML file read when neither <c>--config</c> nor <c>HANZO_QML_CONFIG</c> names one and it exists.</summary>
    public const string DefaultConfigPath = "/etc/hanzo-qml/config.yaml";

    /// <summary>
    /// The YAML file to read and how it was chosen: <c>--config</c>, else <c>HANZO_QML_CONFIG</c>, else
    /// <see cref="DefaultConfigPath"/> when it exists; null when there is none (defaults and environment only).
    /// </summary>
    /// <param name="overrides">The flags.</param>
    /// <param name="environment">Environment variables, or null for the process's.</param>
    /// <param name="defaultPath">The default file (tests point it elsewhere).</param>
    public static (string Path, string Origin)? ResolveConfigFile(ServeOverrides overrides, IDictionary? environment = null, string defaultPath = DefaultConfigPath)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        if (!string.IsNullOrWhiteSpace(overrides.ConfigPath)) return (overrides.ConfigPath, "--config");
        var fromEnvironment = environment is null
            ? Environment.GetEnvironmentVariable(QmlEnvironmentSource.ConfigVariable)
            : environment[QmlEnvironmentSource.ConfigVariable] as string;
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return (fromEnvironment, QmlEnvironmentSource.ConfigVariable);
        return File.Exists(defaultPath) ? (defaultPath, "default location") : null;
    }

    /// <summary>
    /// Adds the YAML file and the <c>HANZO_QML_*</c> environment below ASP.NET's command-line settings, and the flags
    /// above everything (see the class remarks for the order).
    /// </summary>
    /// <param name="configuration">The application's configuration (<c>WebApplicationBuilder.Configuration</c>).</param>
    /// <param name="overrides">The flags.</param>
    /// <param name="environment">Environment variables, or null for the process's.</param>
    /// <param name="defaultPath">The default YAML file.</param>
    public static IConfigurationBuilder AddQmlSources(this IConfigurationBuilder configuration, ServeOverrides overrides, IDictionary? environment = null, string defaultPath = DefaultConfigPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(overrides);
        var sources = configuration.Sources;
        int at = sources.Count;
        for (int i = sources.Count - 1; i >= 0; i--)
        {
            if (sources[i] is CommandLineConfigurationSource)
            {
                at = i;
                break;
            }
        }
        var ours = new List<IConfigurationSource>();
        if (ResolveConfigFile(overrides, environment, defaultPath) is { } file) ours.Add(new YamlConfigurationSource(file.Path, file.Origin));
        ours.Add(new QmlEnvironmentSource(environment));
        for (int i = 0; i < ours.Count; i++) sources.Insert(at + i, ours[i]);
        configuration.Add(new ServeOverridesSource(overrides));
        return configuration;
    }

    /// <summary>The YAML file among <paramref name="configuration"/>'s sources, or null.</summary>
    public static string? ConfigFile(IConfiguration configuration) =>
        (configuration as IConfigurationRoot)?.Providers.OfType<YamlConfigurationProvider>().LastOrDefault()?.Path;

    /// <summary>
    /// Binds and validates the options. The problems the sources recorded while loading (unknown keys, wrong types),
    /// binding failures and validation problems are all collected.
    /// </summary>
    /// <param name="configuration">The configuration with the sources of <see cref="AddQmlSources"/>.</param>
    /// <param name="environment">Environment variables (for the keys <c>auth</c> names), or null for the process's.</param>
    /// <exception cref="QmlConfigurationException">Listing every problem.</exception>
    public static QmlServerOptions Load(IConfiguration configuration, IDictionary? environment = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providers = (configuration as IConfigurationRoot)?.Providers.ToList() ?? [];
        var problems = providers.OfType<TrackedConfigurationProvider>().SelectMany(p => p.Problems).ToList();
        var options = new QmlServerOptions();
        try
        {
            Bind(configuration, options);
        }
        catch (InvalidOperationException e)
        {
            // A value from a source that does not check types (appsettings, --Key=value); the binder names the key.
            problems.Add(new ConfigurationProblem("configuration", null, e.Message));
            throw new QmlConfigurationException(problems);
        }
        Func<string, string?> env = environment is null ? Environment.GetEnvironmentVariable : name => environment[name] as string;
        problems.AddRange(new QmlServerOptionsValidator(env, key => OriginOf(providers, key)).Validate(options));
        if (problems.Count > 0) throw new QmlConfigurationException(problems);
        return options;
    }

    /// <summary>
    /// Binds <paramref name="configuration"/> onto <paramref name="options"/>. A configured <c>backends</c> list replaces
    /// the default statevector entry instead of being appended to it (what the binder alone would do).
    /// </summary>
    public static void Bind(IConfiguration configuration, QmlServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        if (configuration.GetSection(nameof(QmlServerOptions.Backends)).GetChildren().Any()) options.Backends.Clear();
        configuration.Bind(options);
    }

    /// <summary>Where the value of <paramref name="key"/> came from: the strongest provider holding it.</summary>
    private static string? OriginOf(List<IConfigurationProvider> providers, string key)
    {
        for (int i = providers.Count - 1; i >= 0; i--)
        {
            if (!providers[i].TryGet(key, out _)) continue;
            return providers[i] switch
            {
                TrackedConfigurationProvider tracked => tracked.OriginOf(key),
                CommandLineConfigurationProvider => "command-line setting",
                _ => providers[i].ToString(),
            };
        }
        return null;
    }
}
