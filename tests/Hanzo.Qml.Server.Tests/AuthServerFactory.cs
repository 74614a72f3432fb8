using System.Net.Http.Headers;
using Hanzo.Qml.Server.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// The service on TestServer with authentication configured: JWT (HS256 key from a test secret source, never the
/// process environment) and one API key per organisation in <see cref="ApiKeyOrganisations"/>, its own SQLite file, and
/// every log record captured in <see cref="Logs"/>. Use <see cref="Client"/> for a caller of one organisation.
/// </summary>
/// <example><code>
/// using var factory = new AuthServerFactory();
/// using var a = factory.Client("org-a");        // Authorization: Bearer &lt;JWT with org = org-a&gt;
/// using var b = factory.KeyClient("org-b");     // X-API-Key: &lt;org-b's key&gt;
/// using var anonymous = factory.Anonymous();
/// </code></example>
public sealed class AuthServerFactory : WebApplicationFactory<Program>
{
    public const string Issuer = "https://issuer.hanzo-qml.test";
    public const string Audience = "hanzo-qml-tests";
    public const string JwtKeyEnv = "TEST_HANZO_QML_JWT_KEY";

    private readonly string _folder = ServerFactory.TempFolder();
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _apiKeys = new(StringComparer.Ordinal);

    /// <param name="jwt">Configure JWT authentication (key in <see cref="JwtKey"/>).</param>
    /// <param name="apiKeyOrganisations">Organisations that get an API key each (see <see cref="ApiKey"/>).</param>
    /// <param name="settings">More configuration keys, e.g. <c>["Budgets:org-a"] = "10"</c>; they override the defaults above.</param>
    public AuthServerFactory(bool jwt = true, IEnumerable<string>? apiKeyOrganisations = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        DatabasePath = Path.Combine(_folder, "test.db");
        if (jwt)
        {
            _settings["Auth:Jwt:KeyEnv"] = JwtKeyEnv;
            _settings["Auth:Jwt:Issuer"] = Issuer;
            _settings["Auth:Jwt:Audience"] = Audience;
            Secrets[JwtKeyEnv] = JwtKey;
        }
        int i = 0;
        foreach (var organisation in apiKeyOrganisations ?? ["org-a", "org-b"])
        {
            var env = $"TEST_HANZO_QML_API_KEY_{i}";
            _settings[$"Auth:ApiKeys:{i}:KeyEnv"] = env;
            _settings[$"Auth:ApiKeys:{i}:Organisation"] = organisation;
            _apiKeys[organisation] = AuthTestTokens.RandomSecret(40);
            Secrets[env] = _apiKeys[organisation];
            i++;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public string DatabasePath { get; }

    /// <summary>The HMAC key the server verifies JWTs with.</summary>
    public string JwtKey { get; } = AuthTestTokens.RandomSecret(48);

    /// <summary>Secrets the server reads instead of environment variables; change them before the first request.</summary>
    public AuthTestSecrets Secrets { get; } = new();

    /// <summary>Every log record of the server.</summary>
    public AuthTestLogs Logs { get; } = new();

    public IEnumerable<string> ApiKeyOrganisations => _apiKeys.Keys;

    /// <summary>The API key of <paramref name="organisation"/>.</summary>
    public string ApiKey(string organisation) => _apiKeys[organisation];

    /// <summary>A valid JWT for <paramref name="organisation"/>.</summary>
    public string Token(string organisation) => AuthTestTokens.Jwt(organisation, JwtKey, Issuer, Audience);

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:8072") });

    /// <summary>A client that sends <c>Authorization: Bearer &lt;JWT for organisation&gt;</c>.</summary>
    public HttpClient Client(string organisation) => WithBearer(Token(organisation));

    /// <summary>A client that sends <paramref name="organisation"/>'s API key as <c>X-API-Key</c>.</summary>
    public HttpClient KeyClient(string organisation)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(AuthSchemes.ApiKeyHeader, ApiKey(organisation));
        return client;
    }

    /// <summary>A client that sends <c>Authorization: Bearer &lt;token&gt;</c> (a JWT or an API key).</summary>
    public HttpClient WithBearer(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Start-up validation (before the host's services exist) checks that the variables auth names are set; the
        // server then reads the values through ISecretSource, which these tests replace. So the variables only need to
        // be non-empty and distinct: placeholders that are never the test secrets, never removed (other test classes
        // may be validating at the same moment).
        foreach (var (key, value) in _settings)
            if (key.EndsWith(":KeyEnv", StringComparison.Ordinal) && !string.IsNullOrEmpty(value))
                Environment.SetEnvironmentVariable(value, "placeholder-for-" + value);
        builder.UseSetting("Database:Path", DatabasePath);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureTestServices(services => services.AddSingleton<ISecretSource>(Secrets));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
