namespace Hanzo.Qml.Server.Storage;

/// <summary>Persistent storage of kernel definitions.</summary>
public interface IKernelStore
{
    /// <summary>Stores a new definition.</summary>
    /// <param name="definition">The definition; its id must be new.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task AddAsync(KernelDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>The definition with <paramref name="id"/>, or null.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<KernelDefinition?> FindAsync(string id, CancellationToken cancellationToken = default);
}
