using Hanzo.Qml.Server.Configuration;

namespace Hanzo.Qml.Server.Tests;

/// <summary>The YAML file: snake_case keys onto the options, sequences, maps, aliases, and refusals with file and line.</summary>
public sealed class ConfigurationYamlTests : IDisposable
{
    private readonly ConfigurationHarness _h = new();

    public void Dispose() => _h.Dispose();

    private const string Full = """
        # every section once
        server:
          host: 127.0.0.1
          port: 18072
          workers: 3
        database:
          path: /tmp/qml-test.db
        ml_pipeline:
          url: https://pipeline.example/v1
        backends:
          - name: fast
            type: statevector
            max_qubits: 12
            price_per_execution: 0.5
            price_per_shot: 0.001
          - name: big
            max_qubits: 24
        error_mitigation:
          method: none
        auth:
          api_keys:
            - key_env: TEST_KEY_ACME
              organisation: acme
        budgets:
          acme: 100
          Beta-Org: 2.5
        metrics:
          port: 19090
          path: /prom
        logging:
          level: debug
          format: text
        jobs:
          lease_seconds: 45
          poll_seconds: 2
          max_attempts: 5
        limits:
          max_request_bytes: 1048576
          max_circuit_depth: 100
          max_gates: 1000
          max_shots: 5000
          max_batch_rows: 50
          max_state_bytes: 65536
        """;

    [Fact]
    public void Every_snake_case_key_lands_on_its_option()
    {
        var o = _h.Load(_h.Yaml(Full), new Dictionary<string, string> { ["TEST_KEY_ACME"] = "k-acme-0123456789" });
        Assert.Equal("127.0.0.1", o.Server.Host);
        Assert.Equal(18072, o.Server.Port);
        Assert.Equal(3, o.Jobs.Workers); // server.workers is the spelling of jobs.workers
        Assert.Equal("/tmp/qml-test.db", o.Database.Path);
        Assert.Null(o.Database.Url);
        Assert.Equal("https://pipeline.example/v1", o.MlPipelineUrl);
        Assert.Equal(2, o.Backends.Count); // the list replaces the default statevector entry, it is not appended to it
        Assert.Equal(("fast", "statevector", 12, 0.5, 0.001), (o.Backends[0].Name, o.Backends[0].Type, o.Backends[0].MaxQubits, o.Backends[0].PricePerExecution, o.Backends[0].PricePerShot));
        Assert.Equal(("big", "statevector", 24, 0.0), (o.Backends[1].Name, o.Backends[1].Type, o.Backends[1].MaxQubits, o.Backends[1].PricePerShot));
        Assert.Equal("none", o.ErrorMitigation.Method);
        var key = Assert.Single(o.Auth.ApiKeys);
        Assert.Equal(("TEST_KEY_ACME", "acme"), (key.KeyEnv, key.Organisation));
        Assert.Null(o.Auth.Jwt);
        Assert.True(o.AuthConfigured);
        Assert.Equal(100, o.Budgets["acme"]);
        Assert.Equal(2.5, o.Budgets["Beta-Org"]); // organisation names are kept as written
        Assert.Equal((19090, "/prom"), (o.Metrics.Port, o.Metrics.Path));
        Assert.Equal(("debug", "text"), (o.Logging.Level, o.Logging.Format));
        Assert.Equal((45.0, 2.0, 5), (o.Jobs.LeaseSeconds, o.Jobs.PollSeconds, o.Jobs.MaxAttempts));
        Assert.Equal((1048576L, 100, 1000, 5000, 50, 65536L),
            (o.Limits.MaxRequestBytes, o.Limits.MaxCircuitDepth, o.Limits.MaxGates, o.Limits.MaxShots, o.Limits.MaxBatchRows, o.Limits.MaxStateBytes));
    }

    [Fact]
    public void The_example_file_documents_a_valid_configuration()
    {
        var example = Path.Combine(RepoRoot(), "examples", "server.yaml");
        var o = _h.Load(example, new Dictionary<string, string> { ["HANZO_QML_JWT_KEY"] = "a-test-signing-key-of-at-least-32-bytes!!", ["HANZO_QML_KEY_ACME"] = "acme-key" });
        Assert.True(o.AuthConfigured);
        // Every key of the schema appears in the example, so the file stays the reference it claims to be.
        var text = File.ReadAllText(example);
        foreach (var name in AllYamlNames(ConfigSchema.Root)) Assert.Contains(name + ":", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_and_no_file_give_the_defaults()
    {
        var empty = _h.Load(_h.Yaml("# nothing yet\n"));
        var none = _h.Load();
        foreach (var o in new[] { empty, none })
        {
            Assert.Equal(("127.0.0.1", 8072, 9090, "/metrics"), (o.Server.Host, o.Server.Port, o.Metrics.Port, o.Metrics.Path));
            Assert.Equal(("statevector", 20), (Assert.Single(o.Backends).Name, o.Backends[0].MaxQubits));
            Assert.Equal(("information", "json"), (o.Logging.Level, o.Logging.Format));
            Assert.False(o.AuthConfigured);
        }
    }

    [Fact]
    public void A_null_value_keeps_the_default()
    {
        var o = _h.Load(_h.Yaml("server:\n  port:\ndatabase:\n  url: ~\n"));
        Assert.Equal(8072, o.Server.Port);
        Assert.Null(o.Database.Url);
    }

    [Fact]
    public void An_unknown_key_is_refused_with_file_line_and_the_allowed_keys()
    {
        var path = _h.Yaml("server:\n  host: 127.0.0.1\n  prot: 8080\n");
        var p = Assert.Single(_h.Problems(path));
        Assert.Equal("server", p.Setting);
        Assert.Equal($"{path} line 3", p.Origin);
        Assert.Equal("unknown key \"prot\"; allowed keys: host, port, workers", p.Message);
    }

    [Fact]
    public void An_unknown_top_level_key_lists_the_sections()
    {
        var p = _h.OneProblem("sever:\n  port: 1\n");
        Assert.Equal("the file", p.Setting);
        Assert.EndsWith("line 1", p.Origin, StringComparison.Ordinal);
        Assert.Equal("unknown key \"sever\"; allowed keys: server, database, ml_pipeline, backends, error_mitigation, auth, budgets, metrics, logging, jobs, limits", p.Message);
    }

    [Fact]
    public void Keys_are_snake_case_not_property_names()
    {
        var p = _h.OneProblem("backends:\n  - name: a\n    MaxQubits: 4\n");
        Assert.Equal("backends[0]", p.Setting);
        Assert.StartsWith("unknown key \"MaxQubits\"; allowed keys: name, type, max_qubits, price_per_execution, price_per_shot", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_all_reported_with_their_lines()
    {
        var path = _h.Yaml("server:\n  prot: 1\nmetrics:\n  poort: 2\nauth:\n  api_keys:\n    - key: x\n");
        var problems = _h.Problems(path);
        Assert.Equal(["line 2", "line 4", "line 7"], problems.Select(p => p.Origin![(path.Length + 1)..]));
        Assert.Equal(["server", "metrics", "auth.api_keys[0]"], problems.Select(p => p.Setting));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_with_its_line()
    {
        var path = _h.Yaml("server:\n  port: eighty\njobs:\n  lease_seconds: .nan\n");
        var problems = _h.Problems(path);
        Assert.Equal(new ConfigurationProblem("server.port", $"{path} line 2", "\"eighty\" is not a whole number"), problems[0]);
        Assert.Equal(new ConfigurationProblem("jobs.lease_seconds", $"{path} line 4", "\".nan\" is not a finite number"), problems[1]);
    }

    [Fact]
    public void Structure_mismatches_are_refused()
    {
        Assert.Equal("must be a list (entries starting with \"- \")", _h.OneProblem("backends:\n  name: a\n").Message);
        Assert.Equal("must be a single value, not a list or mapping", _h.OneProblem("server:\n  port: [1, 2]\n").Message);
        Assert.StartsWith("must be a mapping with keys among: host, port", _h.OneProblem("server: 8080\n").Message, StringComparison.Ordinal);
        Assert.Equal("must be a mapping of names to values", _h.OneProblem("budgets: [1]\n").Message);
    }

    [Fact]
    public void An_empty_jwt_section_is_refused_not_ignored()
    {
        var p = _h.OneProblem("auth:\n  jwt:\n");
        Assert.Equal("auth.jwt", p.Setting);
        Assert.Equal("is empty; set at least one of: key_env, key_file, issuer, audience, organisation_claim, or remove it", p.Message);
    }

    [Fact]
    public void An_empty_backend_list_is_refused_rather_than_keeping_the_default()
    {
        var p = _h.OneProblem("backends: []\n");
        Assert.Equal("backends", p.Setting);
        Assert.StartsWith("is an empty list", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_spellings_of_one_setting_with_different_values_are_refused()
    {
        var p = _h.OneProblem("server:\n  workers: 2\njobs:\n  workers: 3\n");
        Assert.Equal("jobs.workers", p.Setting);
        Assert.Contains("is also set (", p.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_errors_give_the_line()
    {
        var path = _h.Yaml("server:\n  port: 1\n    host: x\n");
        var p = Assert.Single(_h.Problems(path));
        Assert.Equal("config file", p.Setting);
        Assert.StartsWith($"{path} line ", p.Origin, StringComparison.Ordinal);
        Assert.StartsWith("is not valid YAML: ", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_are_refused()
    {
        var p = _h.OneProblem("server:\n  port: 1000\n  port: 2000\n");
        Assert.Contains("line 3", p.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_config_file_named_by_flag_or_environment_is_an_error()
    {
        var missing = _h.PathOf("nope.yaml");
        var byFlag = Assert.Single(_h.Problems(flags: new ServeOverrides(ConfigPath: missing)));
        Assert.Equal(new ConfigurationProblem("config file", "--config", $"{missing} does not exist"), byFlag);
        var byEnv = Assert.Single(_h.Problems(env: new Dictionary<string, string> { ["HANZO_QML_CONFIG"] = missing }));
        Assert.Equal(new ConfigurationProblem("config file", "HANZO_QML_CONFIG", $"{missing} does not exist"), byEnv);
    }

    [Fact]
    public void The_config_file_is_flag_then_environment_then_default_location()
    {
        var flag = _h.Yaml("server: {port: 1001}\n", "flag.yaml");
        var env = _h.Yaml("server: {port: 1002}\n", "env.yaml");
        var fallback = _h.Yaml("server: {port: 1003}\n", "default.yaml");
        var vars = new System.Collections.Hashtable { ["HANZO_QML_CONFIG"] = env };
        Assert.Equal((flag, "--config"), QmlConfiguration.ResolveConfigFile(new ServeOverrides(ConfigPath: flag), vars, fallback));
        Assert.Equal((env, "HANZO_QML_CONFIG"), QmlConfiguration.ResolveConfigFile(ServeOverrides.None, vars, fallback));
        Assert.Equal((fallback, "default location"), QmlConfiguration.ResolveConfigFile(ServeOverrides.None, new System.Collections.Hashtable(), fallback));
        Assert.Null(QmlConfiguration.ResolveConfigFile(ServeOverrides.None, new System.Collections.Hashtable(), _h.PathOf("absent.yaml")));
    }

    private static IEnumerable<string> AllYamlNames(ConfigSchema node)
    {
        var inner = node.Kind is SchemaKind.Sequence or SchemaKind.Map ? node.Element! : node;
        foreach (var child in inner.Children)
        {
            yield return child.YamlName;
            foreach (var name in AllYamlNames(child.Node)) yield return name;
        }
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Hanzo.Qml.slnx"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
