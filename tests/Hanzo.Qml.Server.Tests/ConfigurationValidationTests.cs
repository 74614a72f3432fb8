using Hanzo.Qml.Server.Configuration;

namespace Hanzo.Qml.Server.Tests;

/// <summary>Start-up validation: each rule's message, all problems at once, and no secret in any message.</summary>
public sealed class ConfigurationValidationTests : IDisposable
{
    private readonly ConfigurationHarness _h = new();

    public void Dispose() => _h.Dispose();

    private ConfigurationProblem Only(string yaml, IDictionary<string, string>? env = null) => _h.OneProblem(yaml, env);

    [Theory]
    [InlineData("server: {port: 0}", "server.port", "0 is not a port; allowed: 1-65535")]
    [InlineData("server: {port: 65536}", "server.port", "65536 is not a port; allowed: 1-65535")]
    [InlineData("metrics: {port: -1}", "metrics.port", "-1 is not a port; allowed: 1-65535")]
    [InlineData("metrics: {port: 8072}", "metrics.port", "equals server.port (8072); the API and the metrics need different ports")]
    [InlineData("metrics: {path: metrics}", "metrics.path", "\"metrics\" is not a path; write one like /metrics (starting with /, no spaces, no ? or #)")]
    [InlineData("server: {host: example.com}", "server.host", "\"example.com\" is not an address to bind; use an IP address (0.0.0.0, ::, 127.0.0.1, …) or localhost")]
    [InlineData("server: {workers: 0}", "jobs.workers", "0 is outside 1-64")]
    [InlineData("jobs: {workers: 65}", "jobs.workers", "65 is outside 1-64")]
    [InlineData("jobs: {lease_seconds: 1, poll_seconds: 1}", "jobs.lease_seconds", "1 s is not longer than jobs.poll_seconds (1 s); a lease must outlast a poll interval or live jobs get taken over")]
    [InlineData("jobs: {poll_seconds: 0}", "jobs.poll_seconds", "0 must be a number of seconds > 0")]
    [InlineData("jobs: {max_attempts: 0}", "jobs.max_attempts", "0 is outside 1-100")]
    [InlineData("backends: [{name: a, max_qubits: 0}]", "backends[0].max_qubits", "0 is outside 1-30")]
    [InlineData("backends: [{name: a, max_qubits: 31}]", "backends[0].max_qubits", "31 is outside 1-30")]
    [InlineData("backends: [{name: a, price_per_shot: -0.5}]", "backends[0].price_per_shot", "-0.5 is not a price; it must be a finite number ≥ 0")]
    [InlineData("backends: [{name: a, price_per_execution: -1}]", "backends[0].price_per_execution", "-1 is not a price; it must be a finite number ≥ 0")]
    [InlineData("backends: [{name: a, type: ibmq}]", "backends[0].type", "\"ibmq\" is not a backend type this service can run; allowed: statevector")]
    [InlineData("backends: [{name: a}, {name: A}]", "backends[1].name", "\"A\" is used by another backend too; names must be unique")]
    [InlineData("backends: [{name: ''}]", "backends[0].name", "is empty; every backend needs a name")]
    [InlineData("budgets: {acme: -5}", "budgets.acme", "-5 is not a budget; it must be a finite number ≥ 0")]
    [InlineData("logging: {level: verbose}", "logging.level", "\"verbose\" is not a level; allowed: trace, debug, information, warning, error, critical")]
    [InlineData("logging: {format: xml}", "logging.format", "\"xml\" is not a format; allowed: json, text")]
    [InlineData("error_mitigation: {method: zne}", "error_mitigation.method", "\"zne\" is not implemented; allowed: none")]
    [InlineData("ml_pipeline: {url: 'ftp://x'}", "ml_pipeline.url", "is not an absolute http:// or https:// URL")]
    [InlineData("database: {path: ' '}", "database.path", "is empty; name a SQLite file, or set database.url")]
    [InlineData("limits: {max_shots: 0}", "limits.max_shots", "0 must be at least 1")]
    [InlineData("limits: {max_state_bytes: -1}", "limits.max_state_bytes", "-1 must be at least 1")]
    public void Each_rule_says_what_is_wrong_and_what_is_allowed(string yaml, string setting, string message)
    {
        var p = Only(yaml);
        Assert.Equal(setting, p.Setting);
        Assert.Equal(message, p.Message);
        Assert.Contains(" line 1", p.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_not_only_the_first()
    {
        var e = Assert.Throws<QmlConfigurationException>(() => _h.Load(_h.Yaml("server: {port: 0}\nlogging: {format: xml}\njobs: {workers: 99}\nextra: 1\n")));
        Assert.Equal(4, e.Problems.Count);
        Assert.StartsWith("invalid configuration, 4 problems:", e.Message, StringComparison.Ordinal);
        Assert.Equal(5, e.Message.Split('\n').Length); // the heading and one line per problem
    }

    [Fact]
    public void A_bad_database_url_is_refused_without_echoing_the_password()
    {
        var p = Only("database: {url: 'mysql://user:hunter2-secret@db/x'}");
        Assert.Equal("database.url", p.Setting);
        Assert.StartsWith("database url must look like postgresql://", p.Message, StringComparison.Ordinal);
        var q = Only("database: {url: 'postgresql://user:hunter2-secret@db/x?timeout=3'}");
        Assert.Equal("database url option \"timeout\" is not supported; allowed: sslmode, pooling, maxpoolsize.", q.Message);
        foreach (var text in new[] { p.ToString(), q.ToString() }) Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_postgres_url_passes()
    {
        var o = _h.Load(_h.Yaml("database: {url: 'postgresql://qml:pw@db.internal:5433/qml?sslmode=require'}"));
        Assert.Equal("postgresql://qml:pw@db.internal:5433/qml?sslmode=require", o.Database.Url);
    }

    [Fact]
    public void Api_keys_must_name_a_set_variable_and_an_organisation()
    {
        var path = _h.Yaml("""
            auth:
              api_keys:
                - key_env: KEY_UNSET
                  organisation: acme
                - key_env: KEY_B
                - organisation: gamma
                - key_env: KEY_B
                  organisation: delta
            """);
        var problems = _h.Problems(path, new Dictionary<string, string> { ["KEY_B"] = "b-secret-value" });
        Assert.Equal([
            "auth.api_keys[0].key_env: environment variable KEY_UNSET is not set or empty",
            "auth.api_keys[1].organisation: is empty; every API key acts for an organisation",
            "auth.api_keys[2].key_env: is empty; name the environment variable that holds the key (the key itself never goes in the file)",
            "auth.api_keys[3].key_env: KEY_B is also used by auth.api_keys[1]; each entry needs its own variable",
        ], problems.Select(p => $"{p.Setting}: {p.Message}"));
    }

    [Fact]
    public void Two_api_keys_with_the_same_value_are_refused_without_showing_it()
    {
        var p = Only("auth:\n  api_keys:\n    - {key_env: KEY_A, organisation: a}\n    - {key_env: KEY_B, organisation: b}\n",
            new Dictionary<string, string> { ["KEY_A"] = "same-secret-123", ["KEY_B"] = "same-secret-123" });
        Assert.Equal("auth.api_keys[1].key_env", p.Setting);
        Assert.Equal("the key in KEY_B equals the key of auth.api_keys[0] (KEY_A); every key must be distinct", p.Message);
        Assert.DoesNotContain("same-secret", p.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_jwt_configuration_must_name_issuer_and_audience()
    {
        var problems = _h.Problems(_h.Yaml("auth:\n  jwt:\n    key_env: MY_JWT_KEY\n"), new Dictionary<string, string> { ["MY_JWT_KEY"] = "k" });
        Assert.Contains(problems, p => p.Setting == "auth.jwt.issuer" && p.Message.Contains("is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Setting == "auth.jwt.audience" && p.Message.Contains("is required", StringComparison.Ordinal));
    }

    [Fact]
    public void The_jwt_key_must_be_resolvable_from_the_environment_or_a_file()
    {
        var p = Only("auth:\n  jwt:\n    key_env: MY_JWT_KEY\n    issuer: i\n    audience: a\n");
        Assert.Equal(("auth.jwt.key_env", "environment variable MY_JWT_KEY is not set or empty; put the signing key there, or set auth.jwt.key_file"), (p.Setting, p.Message));

        var missing = _h.PathOf("jwt.pem");
        var q = Only($"auth:\n  jwt:\n    key_file: {missing}\n    issuer: i\n    audience: a\n");
        Assert.Equal(("auth.jwt.key_file", $"{missing} does not exist"), (q.Setting, q.Message));

        File.WriteAllText(missing, "");
        Assert.Equal($"{missing} is empty", Only($"auth:\n  jwt:\n    key_file: {missing}\n    issuer: i\n    audience: a\n").Message);

        File.WriteAllText(missing, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        Assert.True(_h.Load(_h.Yaml($"auth:\n  jwt:\n    key_file: {missing}\n    issuer: https://id.example\n    audience: a\n")).AuthConfigured);
        var o = _h.Load(_h.Yaml("auth:\n  jwt:\n    issuer: https://id.example\n    audience: a\n"), new Dictionary<string, string> { ["HANZO_QML_JWT_KEY"] = "k" });
        Assert.Equal(("HANZO_QML_JWT_KEY", "org", "https://id.example"), (o.Auth.Jwt!.KeyEnv, o.Auth.Jwt.OrganisationClaim, o.Auth.Jwt.Issuer));
    }

    [Fact]
    public void Problems_from_flags_and_environment_name_their_origin()
    {
        var problems = _h.Problems(env: new Dictionary<string, string> { ["HANZO_QML_LOG_FORMAT"] = "xml" }, flags: new ServeOverrides(Port: 70000));
        Assert.Contains(new ConfigurationProblem("server.port", "--port", "70000 is not a port; allowed: 1-65535"), problems);
        Assert.Contains(new ConfigurationProblem("logging.format", "HANZO_QML_LOG_FORMAT", "\"xml\" is not a format; allowed: json, text"), problems);
    }
}
