using Hanzo.Qml.Models;

namespace Hanzo.Qml.Benchmark.Models;

/// <summary>
/// The settings the VQC and VQR benchmark models share: the benchmark's encoding (angle, iqp or zz; anything else falls
/// back to angle, since the variational models take one feature per wire) on its qubits, two hardware-efficient layers,
/// Adam at 0.05, batch 16, adjoint gradients, and the 9-candidate grid layers ∈ {1, 2, 3} × learning rate ∈ {0.01, 0.05, 0.1}.
/// </summary>
internal static class VariationalBenchmarkSettings
{
    private static readonly int[] Layers = [1, 2, 3];
    private static readonly double[] Rates = [0.01, 0.05, 0.1];

    /// <summary>The default options for <paramref name="context"/> with <paramref name="epochs"/> epochs.</summary>
    public static VariationalModelOptions For(BenchmarkModelContext context, int epochs)
    {
        ArgumentNullException.ThrowIfNull(context);
        string encoding = context.Encoding.ToLowerInvariant() is "angle" or "iqp" or "zz" ? context.Encoding.ToLowerInvariant() : "angle";
        return new VariationalModelOptions
        {
            NumQubits = context.NumQubits,
            NumLayers = 2,
            Encoding = encoding,
            EncodingOptions = context.EncodingOptions,
            Epochs = epochs,
            BatchSize = 16,
            LearningRate = 0.05,
            Seed = context.Seed,
        };
    }

    /// <summary>The grid around <paramref name="defaults"/>: every layer count with every learning rate.</summary>
    public static IEnumerable<VariationalModelOptions> Grid(VariationalModelOptions defaults) =>
        Layers.SelectMany(l => Rates.Select(r => defaults with { NumLayers = l, LearningRate = r }));
}
