namespace Hanzo.Qml.Server.Configuration;

/// <summary>
/// The service's configuration, bound from the YAML file and <c>HANZO_QML_*</c> environment variables (section names
/// are the YAML keys: <c>server</c>, <c>database</c>, <c>ml_pipeline</c>, <c>backends</c>, <c>error_mitigation</c>,
/// <c>auth</c>, <c>budgets</c>, <c>metrics</c>, <c>logging</c>, <c>jobs</c>, <c>limits</c>).
/// </summary>
public sealed class QmlServerOptions
{
    /// <summary>HTTP listener.</summary>
    public ServerSection Server { get; set; } = new();

    /// <summary>Database.</summary>
    public DatabaseSection Database { get; set; } = new();

    /// <summary>Optional URL of an external ML pipeline that consumes trained models (informational today).</summary>
    public string? MlPipelineUrl { get; set; }

    /// <summary>Quantum backends; defaults to the local statevector simulator.</summary>
    public List<BackendSection> Backends { get; set; } = [new BackendSection()];

    /// <summary>Error-mitigation defaults applied when a request does not choose.</summary>
    public ErrorMitigationSection ErrorMitigation { get; set; } = new();

    /// <summary>Authentication. With neither JWT nor API keys configured, the server binds to loopback only.</summary>
    public AuthSection Auth { get; set; } = new();

    /// <summary>Per-organisation QPU budgets, in the unit of the backends' prices.</summary>
    public Dictionary<string, double> Budgets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Prometheus endpoint.</summary>
    public MetricsSection Metrics { get; set; } = new();

    /// <summary>Logging.</summary>
    public LoggingSection Logging { get; set; } = new();

    /// <summary>Background jobs.</summary>
    public JobsSection Jobs { get; set; } = new();

    /// <summary>Request and circuit bounds.</summary>
    public LimitsSection Limits { get; set; } = new();

    /// <summary>
    /// Whether any authentication is configured (a JWT section or at least one API key). Without it the server binds to
    /// loopback only, whatever <see cref="ServerSection.Host"/> says. Meaningful after validation, which refuses a JWT
    /// section or API key whose secret cannot be found.
    /// </summary>
    public bool AuthConfigured => Auth.IsConfigured;
}

/// <summary><c>server:</c> host, port and workers.</summary>
public sealed class ServerSection
{
    /// <summary>
    /// Address to bind: an IP address or <c>localhost</c>; 127.0.0.1 by default, 0.0.0.0 in a container. Without auth a
    /// non-loopback address is overridden with 127.0.0.1 (and a warning), see <see cref="ListenPlan"/>.
    /// </summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>API port.</summary>
    public int Port { get; set; } = 8072;
}

/// <summary><c>database:</c> a URL (PostgreSQL or sqlite:PATH) or a SQLite file path.</summary>
public sealed class DatabaseSection
{
    /// <summary><c>postgresql://user:pass@host:port/db</c>; also from <c>HANZO_QML_DATABASE_URL</c>. Null means SQLite.</summary>
    public string? Url { get; set; }

    /// <summary>SQLite file when no URL is set.</summary>
    public string Path { get; set; } = Storage.DatabaseSettings.DefaultSqlitePath;
}

/// <summary>One entry of <c>backends:</c>.</summary>
public sealed class BackendSection
{
    /// <summary>Name used in requests (<c>"backend": "…"</c>).</summary>
    public string Name { get; set; } = "statevector";

    /// <summary>Engines the service can run; a configured type outside this list is refused at start-up.</summary>
    public static readonly IReadOnlyList<string> Types = ["statevector"];

    /// <summary>Engine behind the name; only "statevector" exists today.</summary>
    public string Type { get; set; } = "statevector";

    /// <summary>Largest circuit accepted on it.</summary>
    public int MaxQubits { get; set; } = 20;

    /// <summary>Price of one execution (one circuit run, or one shot batch), in budget units; 0 = free, not metered.</summary>
    public double PricePerExecution { get; set; }

    /// <summary>Price of one shot, in budget units; 0 = free.</summary>
    public double PricePerShot { get; set; }
}

/// <summary><c>error_mitigation:</c> defaults.</summary>
public sealed class ErrorMitigationSection
{
    /// <summary>Methods the service implements; a configured default outside this list is refused at start-up.</summary>
    public static readonly IReadOnlyList<string> Methods = ["none"];

    /// <summary>Default method: "none" (the only one implemented in the service today).</summary>
    public string Method { get; set; } = "none";
}

/// <summary><c>auth:</c> JWT bearer tokens and/or static API keys.</summary>
public sealed class AuthSection
{
    /// <summary>JWT validation; null or without a key means no JWT.</summary>
    public JwtSection? Jwt { get; set; }

    /// <summary>Static API keys. Each entry names the environment variable that holds the key (never the key itself) and its organisation.</summary>
    public List<ApiKeySection> ApiKeys { get; set; } = [];

    /// <summary>True when a JWT section or at least one API key is configured.</summary>
    public bool IsConfigured => Jwt is not null || ApiKeys.Count > 0;
}

/// <summary><c>auth.jwt:</c> the signing key comes from an environment variable or a file, never from the YAML.</summary>
public sealed class JwtSection
{
    /// <summary>Environment variable holding the HMAC key (≥ 32 bytes) or a PEM public key; default HANZO_QML_JWT_KEY.</summary>
    public string KeyEnv { get; set; } = "HANZO_QML_JWT_KEY";

    /// <summary>File holding the key (PEM RSA/EC public key or raw HMAC secret), alternative to <see cref="KeyEnv"/>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Required issuer (<c>iss</c>).</summary>
    public string? Issuer { get; set; }

    /// <summary>Required audience (<c>aud</c>).</summary>
    public string? Audience { get; set; }

    /// <summary>Claim that names the organisation; default "org".</summary>
    public string OrganisationClaim { get; set; } = "org";
}

/// <summary>One entry of <c>auth.api_keys:</c>.</summary>
public sealed class ApiKeySection
{
    /// <summary>Environment variable holding the key.</summary>
    public string KeyEnv { get; set; } = "";

    /// <summary>Organisation the key acts for.</summary>
    public string Organisation { get; set; } = "";
}

/// <summary><c>metrics:</c> Prometheus endpoint.</summary>
public sealed class MetricsSection
{
    /// <summary>Port of the metrics listener (separate from the API port).</summary>
    public int Port { get; set; } = 9090;

    /// <summary>Path of the scrape endpoint.</summary>
    public string Path { get; set; } = "/metrics";
}

/// <summary><c>logging:</c> level and format.</summary>
public sealed class LoggingSection
{
    /// <summary>Allowed values of <see cref="Level"/>.</summary>
    public static readonly IReadOnlyList<string> Levels = ["trace", "debug", "information", "warning", "error", "critical"];

    /// <summary>Allowed values of <see cref="Format"/>.</summary>
    public static readonly IReadOnlyList<string> Formats = ["json", "text"];

    /// <summary>Minimum level: trace, debug, information, warning, error, critical.</summary>
    public string Level { get; set; } = "information";

    /// <summary>"json" (structured, default) or "text".</summary>
    public string Format { get; set; } = "json";
}

/// <summary><c>jobs:</c> background workers and leases.</summary>
public sealed class JobsSection
{
    /// <summary>Concurrent job workers in this process.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>Lease length; a job whose process died is taken over this long after its last heartbeat.</summary>
    public double LeaseSeconds { get; set; } = 30;

    /// <summary>How often an idle worker looks for queued jobs.</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>Starts of one job before it is marked failed (a job that keeps crashing the process must stop).</summary>
    public int MaxAttempts { get; set; } = 3;
}

/// <summary><c>limits:</c> bounds on what one request may ask for.</summary>
public sealed class LimitsSection
{
    /// <summary>Largest request body in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 16 << 20;

    /// <summary>Deepest circuit accepted.</summary>
    public int MaxCircuitDepth { get; set; } = 2000;

    /// <summary>Most gates in one circuit.</summary>
    public int MaxGates { get; set; } = 20000;

    /// <summary>Most shots in one execution.</summary>
    public int MaxShots { get; set; } = 1_000_000;

    /// <summary>Most rows in one batch (execute, predict, kernel matrix).</summary>
    public int MaxBatchRows { get; set; } = 2000;

    /// <summary>
    /// Most simulation work one synchronous circuit request may ask for, in gate applications × amplitudes
    /// (executions × gates × 2^n_qubits); the default, 2^34, is a few seconds on one core.
    /// </summary>
    public long MaxWorkPerRequest { get; set; } = 1L << 34;

    /// <summary>Most rows (x plus z) of an asynchronous kernel-matrix job.</summary>
    public int MaxAsyncMatrixRows { get; set; } = 20000;

    /// <summary>Bound on the statevector memory of one kernel-matrix request.</summary>
    public long MaxStateBytes { get; set; } = 1L << 30;
}
