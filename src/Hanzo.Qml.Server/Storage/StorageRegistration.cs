using Microsoft.EntityFrameworkCore;

namespace Hanzo.Qml.Server.Storage;

/// <summary>Registers the database context of the configured provider and applies its migrations.</summary>
public static class StorageRegistration
{
    /// <summary>Registers <see cref="QmlDbContext"/> (SQLite or PostgreSQL, from <see cref="DatabaseSettings.From"/>) and the stores.</summary>
    /// <param name="services">Services.</param>
    /// <param name="settings">The resolved database settings.</param>
    public static IServiceCollection AddQmlStorage(this IServiceCollection services, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<PostgresQmlDbContext>(o => o.UseNpgsql(settings.ConnectionString), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<QmlDbContext>(sp => sp.GetRequiredService<PostgresQmlDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteQmlDbContext>(o => o.UseSqlite(settings.ConnectionString), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<QmlDbContext>(sp => sp.GetRequiredService<SqliteQmlDbContext>());
        }
        services.AddScoped<IKernelStore, DbKernelStore>();
        return services;
    }

    /// <summary>
    /// Brings the schema up to date with the provider's migrations. A SQLite file made by the first service slice
    /// (tables but no migration history) is refused with a message instead of being altered.
    /// </summary>
    /// <param name="services">The application's services.</param>
    public static void MigrateQmlDatabase(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<QmlDbContext>();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // SQLite serialises writers; WAL lets readers proceed during a write and a busy timeout makes writers wait instead of failing.
            db.Database.OpenConnection();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            if (!db.Database.GetAppliedMigrations().Any() && TableExists(db, "kernels"))
                throw new InvalidOperationException($"{settings.Description} was created by an earlier version without migrations; move it aside (kernel definitions in it are not migrated) and start again.");
        }
        db.Database.Migrate();
    }

    private static bool TableExists(QmlDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name=$name";
        var p = command.CreateParameter();
        p.ParameterName = "$name";
        p.Value = table;
        command.Parameters.Add(p);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
