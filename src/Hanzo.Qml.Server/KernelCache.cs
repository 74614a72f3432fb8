using System.Collections.Concurrent;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Server.Storage;

namespace Hanzo.Qml.Server;

/// <summary>Builds <see cref="FidelityKernel"/>s from stored definitions and keeps them (definitions are immutable).</summary>
public sealed class KernelCache
{
    private readonly ConcurrentDictionary<string, FidelityKernel> _kernels = new(StringComparer.Ordinal);

    /// <summary>The kernel of <paramref name="definition"/>.</summary>
    /// <param name="definition">A stored definition.</param>
    public FidelityKernel Get(KernelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _kernels.GetOrAdd(definition.Id, _ => Build(definition));
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
