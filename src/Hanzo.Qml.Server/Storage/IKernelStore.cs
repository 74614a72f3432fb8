namespace Hanzo.Qml.Server.Storage;

/// <summary>Persistent storage of kernel definitions, scoped by organisation.</summary>
public interface IKernelStore
{
    /// <summary>Stores a new definition.</summary>
    /// <param name="definition">The definition; its id must be new.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task AddAsync(KernelDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>The definition with <paramref name="id"/> owned by <paramref name="organisationId"/>, or null (also when another organisation owns it).</summary>
    /// <param name="organisationId">The caller's organisation.</param>
    /// <param name="id">The identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<KernelDefinition?> FindAsync(string organisationId, string id, CancellationToken cancellationToken = default);
}

/// <summary><see cref="IKernelStore"/> on <see cref="QmlDbContext"/>.</summary>
/// <param name="db">The context.</param>
public sealed class DbKernelStore(QmlDbContext db) : IKernelStore
{
    /// <inheritdoc />
    public async Task AddAsync(KernelDefinition definition, CancellationToken cancellationToken = default)
    {
        db.Kernels.Add(definition);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<KernelDefinition?> FindAsync(string organisationId, string id, CancellationToken cancellationToken = default) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Kernels),
            k => k.Id == id && k.OrganisationId == organisationId, cancellationToken);
}
