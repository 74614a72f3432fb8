using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hanzo.Qml.Server.Storage;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteQmlDbContext</c> build the SQLite context without the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteQmlDbContext>
{
    /// <inheritdoc />
    public SqliteQmlDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteQmlDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresQmlDbContext</c> build the PostgreSQL context without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresQmlDbContext>
{
    /// <inheritdoc />
    public PostgresQmlDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresQmlDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
