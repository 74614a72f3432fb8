using Microsoft.EntityFrameworkCore;

namespace Hanzo.Qml.Server.Storage;

/// <summary>EF Core context of the service's database (SQLite in this slice).</summary>
/// <param name="options">Context options.</param>
public sealed class KernelDbContext(DbContextOptions<KernelDbContext> options) : DbContext(options)
{
    /// <summary>Kernel definitions.</summary>
    public DbSet<KernelDefinition> Kernels => Set<KernelDefinition>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var k = modelBuilder.Entity<KernelDefinition>();
        k.ToTable("kernels");
        k.HasKey(e => e.Id);
        k.Property(e => e.Id).HasMaxLength(64);
        k.Property(e => e.Encoding).HasMaxLength(32);
    }
}

/// <summary><see cref="IKernelStore"/> on <see cref="KernelDbContext"/>.</summary>
/// <param name="db">The context.</param>
public sealed class SqliteKernelStore(KernelDbContext db) : IKernelStore
{
    /// <inheritdoc />
    public async Task AddAsync(KernelDefinition definition, CancellationToken cancellationToken = default)
    {
        db.Kernels.Add(definition);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<KernelDefinition?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        db.Kernels.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
}
