using System.Collections.Concurrent;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Server.Storage;

namespace Hanzo.Qml.Server;

/// <summary>
/// Keeps kernel definitions read from the store, keyed by (organisation, id), and the <see cref="FidelityKernel"/>s built
/// from them. Definitions are immutable once created and there is no delete route, so an entry never goes stale.
/// </summary>
public sealed class KernelCache
{
    /// <summary>Most definitions kept; past it lookups still work, through the store.</summary>
    public const int MaxDefinitions = 100_000;

    private readonly ConcurrentDictionary<string, FidelityKernel> _kernels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string OrganisationId, string Id), KernelDefinition> _definitions = new();

    /// <summary>
    /// The definition with <paramref name="id"/> owned by <paramref name="organisationId"/>, or null: from memory when
    /// this organisation read it before, otherwise from the request's <see cref="IKernelStore"/>.
    /// </summary>
    /// <param name="services">The request's services; the store (and its database context) is only resolved on a miss.</param>
    /// <param name="organisationId">The caller's organisation; part of the key, so one organisation's entry never answers another's lookup.</param>
    /// <param name="id">The kernel id.</param>
    /// <param name="cancellationToken">Cancels the store read.</param>
    public async ValueTask<KernelDefinition?> FindAsync(IServiceProvider services, string organisationId, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(organisationId);
        ArgumentNullException.ThrowIfNull(id);
        // The store read (an EF Core query) and even resolving the scoped database context were most of the cost of
        // an evaluate call on 4 qubits; docs/PERFORMANCE.md "HTTP service load" has the before/after figures.
        if (_definitions.TryGetValue((organisationId, id), out var cached)) return cached;
        var definition = await services.GetRequiredService<IKernelStore>().FindAsync(organisationId, id, cancellationToken);
        // The store already filters by organisation; checking again keeps a store bug from leaking a definition.
        if (definition is null || definition.OrganisationId != organisationId || definition.Id != id) return null;
        // Misses are not kept: they are cheap to repeat and keeping them would let random ids fill memory.
        if (_definitions.Count < MaxDefinitions) _definitions.TryAdd((organisationId, id), definition);
        return definition;
    }

    /// <summary>The kernel of <paramref name="definition"/>.</summary>
    /// <param name="definition">A stored definition.</param>
    public FidelityKernel Get(KernelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (_kernels.TryGetValue(definition.Id, out var kernel)) return kernel;
        // Bounded like the definitions: past the bound a kernel is built per request rather than kept.
        kernel = Build(definition);
        return _kernels.Count < MaxDefinitions ? _kernels.GetOrAdd(definition.Id, kernel) : kernel;
    }

    /// <summary>Builds the kernel of <paramref name="definition"/> without caching it.</summary>
    /// <param name="definition">A definition.</param>
    /// <exception cref="ArgumentException">When a setting is invalid.</exception>
    public static FidelityKernel Build(KernelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var options = EncodingOptions.Default with
        {
            Reps = definition.Reps,
            Rotation = Enum.Parse<AngleRotation>(definition.Rotation, ignoreCase: true),
            Entanglement = Enum.Parse<Entanglement>(definition.Entanglement, ignoreCase: true),
            Alpha = definition.Alpha,
            Paulis = definition.Paulis.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            PadWith = definition.PadWith,
            NumFeatures = definition.NumFeatures,
        };
        return new FidelityKernel(EncodingFactory.Create(definition.Encoding, definition.NumQubits, options));
    }
}
