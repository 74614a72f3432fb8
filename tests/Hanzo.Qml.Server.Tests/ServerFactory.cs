using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Hanzo.Qml.Server.Tests;

/// <summary>Which database a test server uses.</summary>
public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The service on TestServer with its own SQLite file in a temp folder (or a given file, to test restarts), or its own
/// PostgreSQL database (created on the server named by HANZO_QML_TEST_POSTGRES_URL, dropped afterwards).
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly string? _ownedFolder;
    private readonly PostgresTestDatabase? _postgres;
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    public ServerFactory(string? databasePath = null, DatabaseKind kind = DatabaseKind.Sqlite)
    {
        Kind = kind;
        if (kind == DatabaseKind.Postgres)
        {
            _postgres = PostgresTestDatabase.Create();
            DatabasePath = "";
            return;
        }
        if (databasePath is null)
        {
            _ownedFolder = TempFolder();
            databasePath = Path.Combine(_ownedFolder, "test.db");
        }
        DatabasePath = databasePath;
    }

    /// <summary>A second server on the database of <paramref name="other"/> (which keeps owning it): two processes on one store.</summary>
    public ServerFactory(ServerFactory other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Kind = other.Kind;
        DatabasePath = other.DatabasePath;
        _sharedUrl = other._postgres?.Url ?? other._sharedUrl;
    }

    private readonly string? _sharedUrl;

    public DatabaseKind Kind { get; }

    public string DatabasePath { get; }

    /// <summary>Adds a configuration setting (before the first client is created).</summary>
    public ServerFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hanzo-qml-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if ((_postgres?.Url ?? _sharedUrl) is { } url) builder.UseSetting("Database:Url", url);
        else builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Jobs:PollSeconds", "0.1");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
    }

    public HttpClient Metrics() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:9090") });

    public HttpClient Api() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:8072") });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _postgres?.Dispose();
        if (!disposing || _ownedFolder is null) return;
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_ownedFolder, recursive: true); } catch (IOException) { }
    }
}

internal static class Http
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static async Task<string> CreateKernel(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/v1/kernels", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetString()!;
    }
}
