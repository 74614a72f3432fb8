using Npgsql;

namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// A throw-away PostgreSQL database for one test class, on the server of HANZO_QML_TEST_POSTGRES_URL
/// (postgresql://user:pass@host:port/db, a role with CREATEDB). Tests on PostgreSQL are skipped when it is unset;
/// .ci/run sets it after starting Debian's PostgreSQL.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    public const string EnvironmentVariable = "HANZO_QML_TEST_POSTGRES_URL";

    private readonly string _adminConnection;
    private readonly string _name;

    private PostgresTestDatabase(string adminUrl)
    {
        var admin = Storage.DatabaseSettings.FromUrl(adminUrl);
        _adminConnection = admin.ConnectionString;
        _name = "qml_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(_adminConnection))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
            command.ExecuteNonQuery();
        }
        var uri = new Uri(adminUrl);
        Url = new UriBuilder(uri) { Path = "/" + _name }.Uri.ToString();
    }

    /// <summary>The URL of the new database.</summary>
    public string Url { get; }

    /// <summary>Whether PostgreSQL tests can run here.</summary>
    public static string? AdminUrl => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } url ? url : null;

    /// <summary>A new database; skips the calling test when no server is configured.</summary>
    public static PostgresTestDatabase Create()
    {
        Skip.If(AdminUrl is null, $"{EnvironmentVariable} is not set: no PostgreSQL server to test against (.ci/run starts one).");
        return new PostgresTestDatabase(AdminUrl!);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_adminConnection);
        connection.Open();
        // FORCE ends the test's leftover sessions; it is refused when a server process of another role (autovacuum)
        // is attached, so fall back to a plain drop, retried while that process finishes.
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name}" + (attempt == 0 ? " WITH (FORCE)" : ""), connection);
                command.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (e.SqlState is "42501" or "55006" && attempt < 20)
            {
                Thread.Sleep(250);
            }
        }
    }
}
