using System.Globalization;

namespace Hanzo.Qml.Server.Configuration;

/// <summary>
/// The command-line flags of <c>hanzo-qml serve</c> (and of the server executable): they beat the YAML file and the
/// environment. Null means "not given".
/// </summary>
/// <param name="ConfigPath"><c>--config FILE</c>: the YAML file, instead of <c>HANZO_QML_CONFIG</c> or <c>/etc/hanzo-qml/config.yaml</c>.</param>
/// <param name="Port"><c>--port N</c>: the API port.</param>
/// <param name="MetricsPort"><c>--metrics-port N</c>: the metrics port.</param>
/// <param name="Host"><c>--host H</c>: the address to bind.</param>
public sealed record ServeOverrides(string? ConfigPath = null, int? Port = null, int? MetricsPort = null, string? Host = null)
{
    /// <summary>No flags.</summary>
    public static ServeOverrides None { get; } = new();

    /// <summary>
    /// Takes <c>--config</c>, <c>--port</c>, <c>--metrics-port</c> and <c>--host</c> (as <c>--flag value</c> or
    /// <c>--flag=value</c>) out of <paramref name="args"/>; the other arguments (ASP.NET's own <c>--key=value</c>
    /// settings, which tests use) are returned in <paramref name="rest"/>.
    /// </summary>
    /// <exception cref="QmlConfigurationException">A flag without a value, or a port that is not a whole number.</exception>
    public static ServeOverrides Parse(IReadOnlyList<string> args, out string[] rest)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new ServeOverrides();
        var others = new List<string>();
        var problems = new List<ConfigurationProblem>();
        for (int i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            var flag = eq > 0 ? arg[..eq] : arg;
            if (flag is not ("--config" or "--port" or "--metrics-port" or "--host"))
            {
                others.Add(arg);
                continue;
            }
            string? value = eq > 0 ? arg[(eq + 1)..] : i + 1 < args.Count ? args[++i] : null;
            if (string.IsNullOrEmpty(value))
            {
                problems.Add(new ConfigurationProblem(flag, null, "needs a value"));
                continue;
            }
            switch (flag)
            {
                case "--config": result = result with { ConfigPath = value }; break;
                case "--host": result = result with { Host = value }; break;
                default:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
                    {
                        problems.Add(new ConfigurationProblem(flag, null, $"\"{value}\" is not a port number (1-65535)"));
                        break;
                    }
                    result = flag == "--port" ? result with { Port = port } : result with { MetricsPort = port };
                    break;
            }
        }
        if (problems.Count > 0) throw new QmlConfigurationException(problems);
        rest = [.. others];
        return result;
    }
}
