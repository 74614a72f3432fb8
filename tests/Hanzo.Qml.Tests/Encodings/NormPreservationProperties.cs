using FsCheck.Xunit;
using Hanzo.Qml.Ansatze;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Tests.Encodings;

/// <summary>Every encoding and ansatz is unitary (or, for amplitude encoding, normalising) for any finite input.</summary>
public class NormPreservationProperties
{
    private static readonly StatevectorSimulator Simulator = new();

    [Property(MaxTest = 100)]
    public bool EveryEncodingPreservesTheNorm(int seed)
    {
        var rng = new Random(seed);
        int n = 1 + rng.Next(5);
        var entanglement = (Entanglement)rng.Next(3);
        int reps = 1 + rng.Next(3);
        var encodings = new List<IEncoding>
        {
            new AngleEncoding(n, (AngleRotation)rng.Next(3)),
            new AmplitudeEncoding(n, 1 + rng.Next(1 << n), padWith: rng.NextDouble() * 4 - 2),
            new IqpEncoding(n, reps),
            new PauliFeatureMap(n, RandomWords(rng, n), reps, entanglement, rng.NextDouble() * 6 - 3),
        };
        if (n >= 2) encodings.Add(new ZZFeatureMap(n, reps, entanglement, rng.NextDouble() * 6 - 3));
        foreach (var e in encodings)
        {
            // Wide feature range: large angles and products must not leak norm through the phase arithmetic.
            var x = Enumerable.Range(0, e.NumFeatures).Select(_ => (rng.NextDouble() - 0.5) * 20).ToArray();
            if (!NormIsOne(e.ToCircuit(), [], x)) return false;
        }
        return true;
    }

    [Property(MaxTest = 100)]
    public bool EveryAnsatzAfterAnEncodingPreservesTheNorm(int seed)
    {
        var rng = new Random(seed);
        int n = 1 + rng.Next(6);
        int layers = 1 + rng.Next(3);
        IAnsatz[] ansatze =
        [
            new HardwareEfficientAnsatz(n, layers),
            new StronglyEntanglingLayers(n, layers),
            new BasicEntanglerLayers(n, layers, (AngleRotation)rng.Next(3)),
        ];
        foreach (var a in ansatze)
        {
            var b = new CircuitBuilder(n);
            new IqpEncoding(n, 1).AppendTo(b);
            a.AppendTo(b);
            var w = Enumerable.Range(0, a.NumWeights).Select(_ => (rng.NextDouble() - 0.5) * 30).ToArray();
            var x = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * Math.PI).ToArray();
            if (!NormIsOne(b.Build(), w, x)) return false;
        }
        return true;
    }

    private static string[] RandomWords(Random rng, int n)
    {
        int count = 1 + rng.Next(3);
        var words = new string[count];
        for (int i = 0; i < count; i++)
        {
            int length = 1 + rng.Next(Math.Min(n, 3));
            words[i] = string.Concat(Enumerable.Range(0, length).Select(_ => "XYZ"[rng.Next(3)]));
        }
        return words;
    }

    private static bool NormIsOne(Circuit c, double[] weights, double[] features)
    {
        using var s = Simulator.Run(c, weights, features);
        return Math.Abs(s.NormSquared() - 1.0) < 1e-12;
    }
}
