using System.Globalization;
using Hanzo.Qml.Server.Storage;

namespace Hanzo.Qml.Server.Configuration;

/// <summary>
/// Start-up checks of <see cref="QmlServerOptions"/>: every value in its allowed range, the secrets that <c>auth</c>
/// names present (without reading them into any message), the database URL parseable. Returns all problems, not the first.
/// </summary>
public sealed class QmlServerOptionsValidator
{
    /// <summary>Most qubits a backend may declare: the simulator's ceiling.</summary>
    public const int MaxBackendQubits = 30;

    /// <summary>Most job workers in one process.</summary>
    public const int MaxWorkers = 64;

    private readonly Func<string, string?> _environment;
    private readonly Func<string, string?> _originOf;
    private readonly List<ConfigurationProblem> _problems = [];

    /// <summary>Creates a validator.</summary>
    /// <param name="environment">Reads an environment variable (the keys that <c>auth</c> names).</param>
    /// <param name="originOf">Where the value of a configuration key came from, or null for a default.</param>
    public QmlServerOptionsValidator(Func<string, string?> environment, Func<string, string?> originOf)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(originOf);
        _environment = environment;
        _originOf = originOf;
    }

    /// <summary>Checks <paramref name="o"/> and returns every problem found (empty when it is valid).</summary>
    public IReadOnlyList<ConfigurationProblem> Validate(QmlServerOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        _problems.Clear();
        Server(o);
        Database(o.Database);
        if (o.MlPipelineUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            Problem("MlPipelineUrl", "is not an absolute http:// or https:// URL");
        Backends(o.Backends);
        if (!ErrorMitigationSection.Methods.Contains(o.ErrorMitigation.Method, StringComparer.OrdinalIgnoreCase))
            Problem("ErrorMitigation:Method", $"\"{o.ErrorMitigation.Method}\" is not implemented; allowed: {string.Join(", ", ErrorMitigationSection.Methods)}");
        Auth(o.Auth);
        foreach (var (organisation, budget) in o.Budgets)
        {
            if (string.IsNullOrWhiteSpace(organisation)) Problem("Budgets", "an organisation name is empty");
            else if (!double.IsFinite(budget) || budget < 0) Problem($"Budgets:{organisation}", $"{Show(budget)} is not a budget; it must be a finite number ≥ 0");
        }
        Metrics(o);
        if (!LoggingSection.Levels.Contains(o.Logging.Level, StringComparer.OrdinalIgnoreCase))
            Problem("Logging:Level", $"\"{o.Logging.Level}\" is not a level; allowed: {string.Join(", ", LoggingSection.Levels)}");
        if (!LoggingSection.Formats.Contains(o.Logging.Format, StringComparer.OrdinalIgnoreCase))
            Problem("Logging:Format", $"\"{o.Logging.Format}\" is not a format; allowed: {string.Join(", ", LoggingSection.Formats)}");
        Jobs(o.Jobs);
        Limits(o.Limits);
        return [.. _problems];
    }

    private void Server(QmlServerOptions o)
    {
        if (ListenPlan.ParseHost(o.Server.Host) is null)
            Problem("Server:Host", $"\"{o.Server.Host}\" is not an address to bind; use an IP address (0.0.0.0, ::, 127.0.0.1, …) or localhost");
        Port("Server:Port", o.Server.Port);
    }

    private void Metrics(QmlServerOptions o)
    {
        Port("Metrics:Port", o.Metrics.Port);
        if (o.Metrics.Port == o.Server.Port)
            Problem("Metrics:Port", $"equals server.port ({o.Server.Port}); the API and the metrics need different ports");
        var path = o.Metrics.Path;
        if (path is not { Length: > 1 } || path[0] != '/' || path.Any(c => char.IsWhiteSpace(c) || c is '?' or '#'))
            Problem("Metrics:Path", $"\"{path}\" is not a path; write one like /metrics (starting with /, no spaces, no ? or #)");
    }

    private void Port(string key, int port)
    {
        if (port is < 1 or > 65535) Problem(key, $"{port} is not a port; allowed: 1-65535");
    }

    private void Database(DatabaseSection d)
    {
        if (!string.IsNullOrWhiteSpace(d.Url))
        {
            try
            {
                DatabaseSettings.FromUrl(d.Url);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
            {
                // FromUrl's messages never repeat the password; the URL itself is not echoed here either.
                Problem("Database:Url", e.Message);
            }
        }
        else if (string.IsNullOrWhiteSpace(d.Path))
        {
            Problem("Database:Path", "is empty; name a SQLite file, or set database.url");
        }
    }

    private void Backends(List<BackendSection> backends)
    {
        if (backends.Count == 0) Problem("Backends", "no backend is configured; list at least one (type: statevector)");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < backends.Count; i++)
        {
            var b = backends[i];
            var at = $"Backends:{i}";
            if (string.IsNullOrWhiteSpace(b.Name)) Problem($"{at}:Name", "is empty; every backend needs a name");
            else if (!seen.Add(b.Name)) Problem($"{at}:Name", $"\"{b.Name}\" is used by another backend too; names must be unique");
            if (!BackendSection.Types.Contains(b.Type, StringComparer.OrdinalIgnoreCase))
                Problem($"{at}:Type", $"\"{b.Type}\" is not a backend type this service can run; allowed: {string.Join(", ", BackendSection.Types)}");
            if (b.MaxQubits is < 1 or > MaxBackendQubits)
                Problem($"{at}:MaxQubits", $"{b.MaxQubits} is outside 1-{MaxBackendQubits}");
            if (!double.IsFinite(b.PricePerExecution) || b.PricePerExecution < 0)
                Problem($"{at}:PricePerExecution", $"{Show(b.PricePerExecution)} is not a price; it must be a finite number ≥ 0");
            if (!double.IsFinite(b.PricePerShot) || b.PricePerShot < 0)
                Problem($"{at}:PricePerShot", $"{Show(b.PricePerShot)} is not a price; it must be a finite number ≥ 0");
        }
    }

    private void Auth(AuthSection auth)
    {
        if (auth.Jwt is { } jwt)
        {
            if (!string.IsNullOrWhiteSpace(jwt.KeyFile))
            {
                var file = new FileInfo(jwt.KeyFile);
                if (!file.Exists) Problem("Auth:Jwt:KeyFile", $"{jwt.KeyFile} does not exist");
                else if (file.Length == 0) Problem("Auth:Jwt:KeyFile", $"{jwt.KeyFile} is empty");
                else if (!Readable(file)) Problem("Auth:Jwt:KeyFile", $"{jwt.KeyFile} cannot be read by this process");
            }
            else if (string.IsNullOrWhiteSpace(jwt.KeyEnv))
            {
                Problem("Auth:Jwt:KeyEnv", "is empty and auth.jwt.key_file is not set; name the environment variable or the file that holds the signing key");
            }
            else if (string.IsNullOrEmpty(_environment(jwt.KeyEnv)))
            {
                Problem("Auth:Jwt:KeyEnv", $"environment variable {jwt.KeyEnv} is not set or empty; put the signing key there, or set auth.jwt.key_file");
            }
            if (string.IsNullOrWhiteSpace(jwt.OrganisationClaim)) Problem("Auth:Jwt:OrganisationClaim", "is empty; name the claim that carries the organisation (default org)");
            // Tokens are only as narrow as what is checked: a server must name the issuer it trusts and the audience it is.
            if (string.IsNullOrWhiteSpace(jwt.Issuer)) Problem("Auth:Jwt:Issuer", "is required when auth.jwt is configured: give the issuer (iss) tokens must carry");
            if (string.IsNullOrWhiteSpace(jwt.Audience)) Problem("Auth:Jwt:Audience", "is required when auth.jwt is configured: give the audience (aud) tokens must carry");
        }

        var byVariable = new Dictionary<string, int>(StringComparer.Ordinal);
        var byValue = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < auth.ApiKeys.Count; i++)
        {
            var k = auth.ApiKeys[i];
            var at = $"Auth:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(k.Organisation)) Problem($"{at}:Organisation", "is empty; every API key acts for an organisation");
            if (string.IsNullOrWhiteSpace(k.KeyEnv))
            {
                Problem($"{at}:KeyEnv", "is empty; name the environment variable that holds the key (the key itself never goes in the file)");
                continue;
            }
            if (byVariable.TryGetValue(k.KeyEnv, out var other))
            {
                Problem($"{at}:KeyEnv", $"{k.KeyEnv} is also used by auth.api_keys[{other}]; each entry needs its own variable");
                continue;
            }
            byVariable[k.KeyEnv] = i;
            var value = _environment(k.KeyEnv);
            if (string.IsNullOrEmpty(value))
            {
                Problem($"{at}:KeyEnv", $"environment variable {k.KeyEnv} is not set or empty");
                continue;
            }
            // Compared, never shown: two organisations sharing one key could not be told apart.
            if (byValue.TryGetValue(value, out var same))
                Problem($"{at}:KeyEnv", $"the key in {k.KeyEnv} equals the key of auth.api_keys[{same}] ({auth.ApiKeys[same].KeyEnv}); every key must be distinct");
            else byValue[value] = i;
        }
    }

    private void Jobs(JobsSection j)
    {
        if (j.Workers is < 1 or > MaxWorkers) Problem("Jobs:Workers", $"{j.Workers} is outside 1-{MaxWorkers}");
        if (!double.IsFinite(j.PollSeconds) || j.PollSeconds <= 0) Problem("Jobs:PollSeconds", $"{Show(j.PollSeconds)} must be a number of seconds > 0");
        if (!double.IsFinite(j.LeaseSeconds) || j.LeaseSeconds <= 0) Problem("Jobs:LeaseSeconds", $"{Show(j.LeaseSeconds)} must be a number of seconds > 0");
        else if (double.IsFinite(j.PollSeconds) && j.LeaseSeconds <= j.PollSeconds)
            Problem("Jobs:LeaseSeconds", $"{Show(j.LeaseSeconds)} s is not longer than jobs.poll_seconds ({Show(j.PollSeconds)} s); a lease must outlast a poll interval or live jobs get taken over");
        if (j.MaxAttempts is < 1 or > 100) Problem("Jobs:MaxAttempts", $"{j.MaxAttempts} is outside 1-100");
    }

    private void Limits(LimitsSection l)
    {
        Positive("Limits:MaxRequestBytes", l.MaxRequestBytes);
        Positive("Limits:MaxCircuitDepth", l.MaxCircuitDepth);
        Positive("Limits:MaxGates", l.MaxGates);
        Positive("Limits:MaxShots", l.MaxShots);
        Positive("Limits:MaxBatchRows", l.MaxBatchRows);
        Positive("Limits:MaxAsyncMatrixRows", l.MaxAsyncMatrixRows);
        Positive("Limits:MaxWorkPerRequest", l.MaxWorkPerRequest);
        Positive("Limits:MaxStateBytes", l.MaxStateBytes);
    }

    private void Positive(string key, long value)
    {
        if (value < 1) Problem(key, $"{value} must be at least 1");
    }

    private void Problem(string key, string message) => _problems.Add(new ConfigurationProblem(ConfigSchema.YamlPath(key), _originOf(key), message));

    private static bool Readable(FileInfo file)
    {
        try
        {
            using var _ = file.OpenRead();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
