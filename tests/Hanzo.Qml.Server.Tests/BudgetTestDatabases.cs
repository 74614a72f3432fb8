using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Security.Budget;
using Hanzo.Qml.Server.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// A migrated database with the budget services on it: a SQLite file in a temp folder, or a uniquely named PostgreSQL
/// database on the server of <c>HANZO_QML_TEST_POSTGRES_URL</c> (created here, dropped on dispose).
/// </summary>
public sealed class BudgetTestDatabase : IDisposable
{
    public const string PostgresUrlVariable = "HANZO_QML_TEST_POSTGRES_URL";

    private readonly string? _folder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private BudgetTestDatabase(DatabaseSettings settings, Action<QmlServerOptions> configure, string? folder, string? postgresAdmin, string? postgresName)
    {
        _folder = folder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<QmlServerOptions>().Configure(configure);
        services.AddQmlStorage(settings);
        services.AddQmlBudget();
        Services = services.BuildServiceProvider();
        Services.MigrateQmlDatabase();
    }

    public ServiceProvider Services { get; }

    /// <summary>PostgreSQL URL from the environment, or null (the PostgreSQL variants are then skipped).</summary>
    public static string? PostgresUrl => Environment.GetEnvironmentVariable(PostgresUrlVariable) is { Length: > 0 } url ? url : null;

    public static BudgetTestDatabase Sqlite(Action<QmlServerOptions> configure)
    {
        var folder = ServerFactory.TempFolder();
        return new BudgetTestDatabase(DatabaseSettings.Sqlite(Path.Combine(folder, "budget.db")), configure, folder, null, null);
    }

    public static BudgetTestDatabase Postgres(string url, Action<QmlServerOptions> configure)
    {
        var admin = DatabaseSettings.FromUrl(url).ConnectionString;
        var name = "hanzo_qml_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 50 };
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString, $"PostgreSQL database {name}");
        return new BudgetTestDatabase(settings, configure, null, admin, name);
    }

    public async Task<T> InScope<T>(Func<IQpuBudget, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<IQpuBudget>());
    }

    public void Dispose()
    {
        Services.Dispose();
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_postgresAdmin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}
