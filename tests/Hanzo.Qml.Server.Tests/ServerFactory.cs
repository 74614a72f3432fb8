using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Hanzo.Qml.Server.Tests;

/// <summary>The service on TestServer with its own SQLite file in a temp folder (or a given file, to test restarts).</summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly string? _ownedFolder;

    public ServerFactory(string? databasePath = null)
    {
        if (databasePath is null)
        {
            _ownedFolder = TempFolder();
            databasePath = Path.Combine(_ownedFolder, "test.db");
        }
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }

    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hanzo-qml-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseEnvironment("Testing");
    }

    public HttpClient Metrics() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:9090") });

    public HttpClient Api() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:8072") });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
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
