namespace Hanzo.Qml.Optimization.Problems;

/// <summary>Seeded random graphs for MaxCut benchmarks: the same arguments give the same graph on every machine.</summary>
public static class GraphGenerators
{
    /// <summary>
    /// A random d-regular simple graph by the pairing (configuration) model: n·d half-edges are shuffled and paired,
    /// and the attempt is repeated until no pair forms a self-loop or a repeated edge, which gives every d-regular
    /// graph the same probability. The expected number of attempts is about e^{(d²−1)/4} (≈ 7 for d = 3).
    /// </summary>
    /// <exception cref="ArgumentException">When n·d is odd or d ≥ n.</exception>
    public static Graph RandomRegular(int numNodes, int degree, int seed)
    {
        if (numNodes < 2) throw new ArgumentOutOfRangeException(nameof(numNodes), numNodes, "A regular graph needs at least 2 nodes.");
        if (degree < 1 || degree >= numNodes)
            throw new ArgumentOutOfRangeException(nameof(degree), degree, $"The degree must lie in 1..{numNodes - 1} for {numNodes} nodes.");
        if ((long)numNodes * degree % 2 != 0)
            throw new ArgumentException($"n·d = {numNodes}·{degree} is odd: no {degree}-regular graph on {numNodes} nodes exists.", nameof(degree));
        var rng = new Random(seed);
        var stubs = new int[numNodes * degree];
        const int MaxAttempts = 100_000;
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            for (int i = 0; i < stubs.Length; i++) stubs[i] = i / degree;
            rng.Shuffle(stubs);
            var seen = new HashSet<(int, int)>();
            var edges = new List<(int, int, double)>(stubs.Length / 2);
            bool ok = true;
            for (int i = 0; i < stubs.Length && ok; i += 2)
            {
                int u = stubs[i], v = stubs[i + 1];
                var key = (Math.Min(u, v), Math.Max(u, v));
                ok = u != v && seen.Add(key);
                edges.Add((key.Item1, key.Item2, 1.0));
            }
            if (ok)
            {
                edges.Sort();
                return new Graph(numNodes, edges);
            }
        }
        throw new InvalidOperationException($"No simple {degree}-regular graph on {numNodes} nodes was drawn in {MaxAttempts} attempts; the pairing model is too slow for such dense graphs.");
    }

    /// <summary>The Erdős–Rényi graph G(n, p): each of the n(n−1)/2 pairs is an edge independently with probability p.</summary>
    public static Graph ErdosRenyi(int numNodes, double probability, int seed)
    {
        if (numNodes < 1) throw new ArgumentOutOfRangeException(nameof(numNodes), numNodes, "A graph needs at least one node.");
        if (!(probability >= 0 && probability <= 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The edge probability must lie in [0, 1].");
        var rng = new Random(seed);
        var edges = new List<(int, int, double)>();
        for (int u = 0; u < numNodes; u++)
            for (int v = u + 1; v < numNodes; v++)
                if (rng.NextDouble() < probability) edges.Add((u, v, 1.0));
        return new Graph(numNodes, edges);
    }

    /// <summary>The same graph with integer weights drawn uniformly from <paramref name="min"/>..<paramref name="max"/> (inclusive).</summary>
    public static Graph WithRandomIntegerWeights(Graph graph, int min, int max, int seed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (min > max) throw new ArgumentException($"The weight range {min}..{max} is empty.", nameof(max));
        var rng = new Random(seed);
        return graph.WithWeights(graph.Edges.Select(_ => (double)rng.Next(min, max + 1)).ToArray());
    }

    /// <summary>The same graph with real weights drawn uniformly from [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public static Graph WithRandomUniformWeights(Graph graph, double min, double max, int seed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!(min < max) || !double.IsFinite(min) || !double.IsFinite(max))
            throw new ArgumentException($"The weight range [{min}, {max}) must be finite and non-empty.", nameof(max));
        var rng = new Random(seed);
        return graph.WithWeights(graph.Edges.Select(_ => min + (max - min) * rng.NextDouble()).ToArray());
    }
}
