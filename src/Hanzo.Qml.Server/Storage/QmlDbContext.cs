using Microsoft.EntityFrameworkCore;

namespace Hanzo.Qml.Server.Storage;

/// <summary>
/// EF Core context of the service's database. The model is shared; <see cref="SqliteQmlDbContext"/> and
/// <see cref="PostgresQmlDbContext"/> exist only because EF Core migrations are provider-specific, so each provider keeps
/// its own migration set next to its own context type.
/// </summary>
public abstract class QmlDbContext : DbContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">Context options of the concrete provider context.</param>
    protected QmlDbContext(DbContextOptions options) : base(options) { }

    /// <summary>Kernel definitions.</summary>
    public DbSet<KernelDefinition> Kernels => Set<KernelDefinition>();

    /// <summary>Stored kernel matrices (results of matrix jobs).</summary>
    public DbSet<KernelMatrixRecord> KernelMatrices => Set<KernelMatrixRecord>();

    /// <summary>Circuits.</summary>
    public DbSet<CircuitRecord> Circuits => Set<CircuitRecord>();

    /// <summary>Models with parameters and training history.</summary>
    public DbSet<ModelRecord> Models => Set<ModelRecord>();

    /// <summary>Benchmark runs and their reports.</summary>
    public DbSet<BenchmarkRecord> Benchmarks => Set<BenchmarkRecord>();

    /// <summary>Background jobs.</summary>
    public DbSet<JobRecord> Jobs => Set<JobRecord>();

    /// <summary>QPU spending per organisation.</summary>
    public DbSet<BudgetAccount> Budgets => Set<BudgetAccount>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var k = Owned<KernelDefinition>(modelBuilder, "kernels");
        k.Property(e => e.Encoding).HasMaxLength(32);
        k.HasIndex(e => e.OrganisationId);

        var m = Owned<KernelMatrixRecord>(modelBuilder, "kernel_matrices");
        m.Property(e => e.KernelId).HasMaxLength(64);
        m.HasIndex(e => new { e.OrganisationId, e.KernelId });

        var c = Owned<CircuitRecord>(modelBuilder, "circuits");
        c.Property(e => e.Format).HasMaxLength(16);
        c.HasIndex(e => e.OrganisationId);

        var model = Owned<ModelRecord>(modelBuilder, "models");
        model.Property(e => e.ModelType).HasMaxLength(16);
        model.Property(e => e.State).HasMaxLength(16);
        model.HasIndex(e => e.OrganisationId);

        Owned<BenchmarkRecord>(modelBuilder, "benchmarks").HasIndex(e => e.OrganisationId);

        var j = Owned<JobRecord>(modelBuilder, "jobs");
        j.Property(e => e.Kind).HasMaxLength(32);
        j.Property(e => e.Status).HasMaxLength(16);
        j.Property(e => e.TargetId).HasMaxLength(64);
        j.Property(e => e.LeaseOwner).HasMaxLength(128);
        j.HasIndex(e => new { e.Status, e.CreatedAt });
        j.HasIndex(e => e.OrganisationId);

        var budget = modelBuilder.Entity<BudgetAccount>();
        budget.ToTable("budgets");
        budget.HasKey(e => new { e.OrganisationId, e.Backend });
        budget.Property(e => e.OrganisationId).HasMaxLength(128);
        budget.Property(e => e.Backend).HasMaxLength(64);
    }

    // Every stored object has a string id (its primary key) and the organisation that owns it.
    private static Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> Owned<T>(ModelBuilder modelBuilder, string table) where T : class
    {
        var entity = modelBuilder.Entity<T>();
        entity.ToTable(table);
        entity.HasKey("Id");
        entity.Property<string>("Id").HasMaxLength(64);
        entity.Property<string>("OrganisationId").HasMaxLength(128);
        return entity;
    }
}

/// <summary>The context on SQLite (the default, zero set-up store); owns the SQLite migrations.</summary>
/// <param name="options">Context options.</param>
public sealed class SqliteQmlDbContext(DbContextOptions<SqliteQmlDbContext> options) : QmlDbContext(options);

/// <summary>The context on PostgreSQL (<c>HANZO_QML_DATABASE_URL</c>); owns the PostgreSQL migrations.</summary>
/// <param name="options">Context options.</param>
public sealed class PostgresQmlDbContext(DbContextOptions<PostgresQmlDbContext> options) : QmlDbContext(options);
