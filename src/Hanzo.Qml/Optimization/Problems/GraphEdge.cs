namespace Hanzo.Qml.Optimization.Problems;

/// <summary>An undirected weighted edge (U &lt; V).</summary>
/// <param name="U">The smaller endpoint.</param>
/// <param name="V">The larger endpoint.</param>
/// <param name="Weight">The edge weight (1 for unweighted graphs).</param>
public readonly record struct GraphEdge(int U, int V, double Weight);
