using Hanzo.Qml.Server.Configuration;

namespace Hanzo.Qml.Server.Tests;

/// <summary>Defaults &lt; YAML &lt; HANZO_QML_* environment &lt; ASP.NET settings (UseSetting) &lt; serve flags.</summary>
public sealed class ConfigurationPrecedenceTests : IDisposable
{
    private readonly ConfigurationHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string Yaml => _h.Yaml("""
        server:
          host: 10.0.0.1
          port: 1001
        metrics:
          port: 2001
        database:
          path: from-yaml.db
        logging:
          level: debug
        """);

    [Fact]
    public void Environment_beats_yaml()
    {
        var o = _h.Load(Yaml, new Dictionary<string, string>
        {
            ["HANZO_QML_SERVER__PORT"] = "1002",
            ["HANZO_QML_METRICS_PORT"] = "2002",
            ["HANZO_QML_DATABASE__PATH"] = "from-env.db",
            ["HANZO_QML_LOG_LEVEL"] = "warning",
        });
        Assert.Equal((1002, 2002, "from-env.db", "warning", "10.0.0.1"), (o.Server.Port, o.Metrics.Port, o.Database.Path, o.Logging.Level, o.Server.Host));
    }

    [Fact]
    public void Flags_beat_environment_and_yaml()
    {
        var o = _h.Load(Yaml, new Dictionary<string, string> { ["HANZO_QML_PORT"] = "1002", ["HANZO_QML_HOST"] = "10.0.0.2" },
            new ServeOverrides(Port: 1003, MetricsPort: 2003, Host: "::1"));
        Assert.Equal((1003, 2003, "::1"), (o.Server.Port, o.Metrics.Port, o.Server.Host));
    }

    [Fact]
    public void Asp_net_settings_as_used_by_UseSetting_beat_environment_but_not_flags()
    {
        var settings = new Dictionary<string, string> { ["Server:Port"] = "1004", ["Database:Path"] = "from-setting.db" };
        var env = new Dictionary<string, string> { ["HANZO_QML_PORT"] = "1002", ["HANZO_QML_DATABASE__PATH"] = "from-env.db" };
        var o = _h.Load(Yaml, env, settings: settings);
        Assert.Equal((1004, "from-setting.db"), (o.Server.Port, o.Database.Path));
        Assert.Equal(1003, _h.Load(Yaml, env, new ServeOverrides(Port: 1003), settings).Server.Port);
    }

    [Fact]
    public void Every_flat_environment_name_sets_its_key()
    {
        var o = _h.Load(env: new Dictionary<string, string>
        {
            ["HANZO_QML_HOST"] = "localhost",
            ["HANZO_QML_PORT"] = "7001",
            ["HANZO_QML_METRICS_PORT"] = "7002",
            ["HANZO_QML_WORKERS"] = "4",
            ["HANZO_QML_DATABASE_URL"] = "sqlite:/tmp/x.db",
            ["HANZO_QML_ML_PIPELINE_URL"] = "http://pipeline:8000",
            ["HANZO_QML_LOG_LEVEL"] = "error",
            ["HANZO_QML_LOG_FORMAT"] = "text",
        });
        Assert.Equal(("localhost", 7001, 7002, 4), (o.Server.Host, o.Server.Port, o.Metrics.Port, o.Jobs.Workers));
        Assert.Equal(("sqlite:/tmp/x.db", "http://pipeline:8000", "error", "text"), (o.Database.Url, o.MlPipelineUrl, o.Logging.Level, o.Logging.Format));
    }

    [Fact]
    public void Sectioned_environment_names_follow_the_yaml_path()
    {
        var o = _h.Load(env: new Dictionary<string, string>
        {
            ["HANZO_QML_JOBS__LEASE_SECONDS"] = "90",
            ["HANZO_QML_JOBS__POLLSECONDS"] = "3",
            ["HANZO_QML_BACKENDS__0__NAME"] = "sv",
            ["HANZO_QML_BACKENDS__0__MAX_QUBITS"] = "16",
            ["HANZO_QML_BUDGETS__acme"] = "12.5",
            ["HANZO_QML_AUTH__API_KEYS__0__KEY_ENV"] = "ACME_KEY",
            ["HANZO_QML_AUTH__API_KEYS__0__ORGANISATION"] = "acme",
            ["ACME_KEY"] = "secret-acme-key",
            ["HANZO_QML_ML_PIPELINE__URL"] = "https://p.example",
            ["HANZO_QML_LIMITS__MAX_STATE_BYTES"] = "4096",
        });
        Assert.Equal((90.0, 3.0), (o.Jobs.LeaseSeconds, o.Jobs.PollSeconds));
        Assert.Equal(("sv", 16), (Assert.Single(o.Backends).Name, o.Backends[0].MaxQubits));
        Assert.Equal(12.5, o.Budgets["acme"]);
        Assert.Equal(("ACME_KEY", "acme"), (o.Auth.ApiKeys[0].KeyEnv, o.Auth.ApiKeys[0].Organisation));
        Assert.Equal("https://p.example", o.MlPipelineUrl);
        Assert.Equal(4096, o.Limits.MaxStateBytes);
    }

    [Fact]
    public void A_sectioned_environment_name_that_names_no_setting_is_refused()
    {
        var p = Assert.Single(_h.Problems(env: new Dictionary<string, string> { ["HANZO_QML_SEVER__PORT"] = "1" }));
        Assert.Equal("HANZO_QML_SEVER__PORT", p.Setting);
        Assert.StartsWith("names no setting;", p.Message, StringComparison.Ordinal);
        Assert.Contains("sections: server, database,", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_prefixed_variables_such_as_secrets_are_not_configuration()
    {
        var root = _h.Build(env: new Dictionary<string, string> { ["HANZO_QML_JWT_KEY"] = "do-not-copy-me", ["HANZO_QML_KEY_ACME"] = "nor-me" });
        Assert.DoesNotContain(Microsoft.Extensions.Configuration.ConfigurationExtensions.AsEnumerable(root), kv => kv.Value is "do-not-copy-me" or "nor-me");
    }

    [Fact]
    public void A_badly_typed_environment_value_names_the_variable()
    {
        var p = Assert.Single(_h.Problems(env: new Dictionary<string, string> { ["HANZO_QML_WORKERS"] = "many" }));
        Assert.Equal(new ConfigurationProblem("jobs.workers", "HANZO_QML_WORKERS", "\"many\" is not a whole number"), p);
    }

    [Fact]
    public void A_flat_and_a_sectioned_name_that_disagree_are_refused()
    {
        var p = Assert.Single(_h.Problems(env: new Dictionary<string, string> { ["HANZO_QML_PORT"] = "1", ["HANZO_QML_SERVER__PORT"] = "2" }));
        Assert.Equal("server.port", p.Setting);
        Assert.Contains("is also set (HANZO_QML_PORT)", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_are_parsed_out_of_the_executable_arguments()
    {
        var flags = ServeOverrides.Parse(["--config", "a.yaml", "--port=81", "--Database:Path=x.db", "--metrics-port", "91", "--host", "0.0.0.0", "--environment=Testing"], out var rest);
        Assert.Equal(new ServeOverrides("a.yaml", 81, 91, "0.0.0.0"), flags);
        Assert.Equal(["--Database:Path=x.db", "--environment=Testing"], rest);
        var e = Assert.Throws<QmlConfigurationException>(() => ServeOverrides.Parse(["--port", "http", "--host"], out _));
        Assert.Equal(["--port: \"http\" is not a port number (1-65535)", "--host: needs a value"], e.Problems.Select(p => p.ToString()));
    }
}
