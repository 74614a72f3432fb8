namespace Hanzo.Qml.Optimization.Problems;

/// <summary>
/// Weighted MaxCut: split the nodes into two sides to maximise the total weight of the edges between them. Node i is
/// wire i and its side is the bit of wire i (bitstring character i).
/// <para>
/// The cost Hamiltonian follows PennyLane's <c>qml.qaoa.maxcut</c> (and the reference values): H_C = Σ_edges (w/2)(ZᵢZⱼ − I),
/// whose value on a bitstring is minus the weight of its cut. Minimising ⟨H_C⟩ maximises the expected cut, and
/// ⟨H_C⟩ = −E[cut]. Qiskit's max-cut Ising operator with its offset is the same function; QOKit's MaxCut terms give +cut
/// (see <see cref="Qaoa.QaoaAngles.ToQokit"/>).
/// </para>
/// </summary>
public static class MaxCut
{
    /// <summary>H_C = Σ (w/2)·ZᵢZⱼ − Σ w/2: couplings w/2 and constant −W/2 (W the total weight).</summary>
    public static IsingHamiltonian CostHamiltonian(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new IsingHamiltonian(graph.NumNodes, null, graph.Edges.Select(e => (e.U, e.V, e.Weight / 2)), -graph.TotalWeight / 2);
    }

    /// <summary>The weight of the edges cut by the bitstring (character i is the side of node i).</summary>
    public static double CutValue(Graph graph, string bitstring)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return CutValue(graph, IsingHamiltonian.ParseBitstring(bitstring, graph.NumNodes));
    }

    /// <summary>The weight of the edges cut by basis index <paramref name="index"/> (node 0 is the most significant bit).</summary>
    public static double CutValue(Graph graph, long index)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.NumNodes;
        if (index < 0 || (n < 63 && index >= 1L << n))
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A basis index of {n} nodes lies in 0..{(1L << n) - 1}.");
        double cut = 0;
        foreach (var e in graph.Edges)
            if ((((index >> (n - 1 - e.U)) ^ (index >> (n - 1 - e.V))) & 1) != 0) cut += e.Weight;
        return cut;
    }

    /// <summary>
    /// The maximum cut by enumeration of the cost diagonal on every core (practical to about 24 nodes), with up to
    /// <paramref name="maxBitstrings"/> optimal bitstrings (both sides of each cut appear).
    /// </summary>
    public static (double Value, IReadOnlyList<string> Bitstrings) BruteForce(Graph graph, int maxBitstrings = 16)
    {
        var min = CostHamiltonian(graph).FindMinimum(maxBitstrings);
        return (-min.Value, min.Indices.Select(i => Simulation.Measurements.Bitstring(i, graph.NumNodes)).ToArray());
    }
}
