using System.Globalization;

namespace Hanzo.Qml.Optimization.Problems;

/// <summary>
/// An undirected graph with weighted edges on nodes 0..n−1 (no self-loops, no repeated edges), as used by MaxCut.
/// Node i is wire i of a QAOA circuit.
/// </summary>
public sealed class Graph
{
    private readonly GraphEdge[] _edges;

    /// <summary>Creates a graph; each edge is (u, v, weight), stored with u &lt; v in the given order.</summary>
    /// <exception cref="ArgumentException">For a node outside 0..n−1, a self-loop, a repeated edge or a non-finite weight.</exception>
    public Graph(int numNodes, IEnumerable<(int U, int V, double Weight)> edges)
    {
        if (numNodes < 1) throw new ArgumentOutOfRangeException(nameof(numNodes), numNodes, "A graph needs at least one node.");
        ArgumentNullException.ThrowIfNull(edges);
        NumNodes = numNodes;
        var seen = new HashSet<(int, int)>();
        var list = new List<GraphEdge>();
        foreach (var (u, v, w) in edges)
        {
            if (u < 0 || u >= numNodes || v < 0 || v >= numNodes)
                throw new ArgumentException($"Edge ({u}, {v}) names a node outside 0..{numNodes - 1}.", nameof(edges));
            if (u == v) throw new ArgumentException($"Edge ({u}, {v}) is a self-loop; MaxCut graphs have none.", nameof(edges));
            if (!double.IsFinite(w)) throw new ArgumentException($"Edge ({u}, {v}) has weight {w}; weights must be finite.", nameof(edges));
            var key = (Math.Min(u, v), Math.Max(u, v));
            if (!seen.Add(key)) throw new ArgumentException($"Edge ({key.Item1}, {key.Item2}) appears twice.", nameof(edges));
            list.Add(new GraphEdge(key.Item1, key.Item2, w));
        }
        _edges = [.. list];
    }

    /// <summary>An unweighted graph (every weight 1).</summary>
    public Graph(int numNodes, IEnumerable<(int U, int V)> edges)
        : this(numNodes, (edges ?? throw new ArgumentNullException(nameof(edges))).Select(e => (e.U, e.V, 1.0)))
    {
    }

    /// <summary>Number of nodes.</summary>
    public int NumNodes { get; }

    /// <summary>The edges, in the order given.</summary>
    public IReadOnlyList<GraphEdge> Edges => _edges;

    /// <summary>True when some weight differs from 1.</summary>
    public bool IsWeighted => _edges.Any(e => e.Weight != 1);

    /// <summary>Σ of the edge weights.</summary>
    public double TotalWeight => _edges.Sum(e => e.Weight);

    /// <summary>Number of edges at <paramref name="node"/>.</summary>
    public int Degree(int node)
    {
        if (node < 0 || node >= NumNodes) throw new ArgumentOutOfRangeException(nameof(node), node, $"Nodes are 0..{NumNodes - 1}.");
        return _edges.Count(e => e.U == node || e.V == node);
    }

    /// <summary>The same graph with new weights, one per edge in <see cref="Edges"/> order.</summary>
    public Graph WithWeights(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != _edges.Length) throw new ArgumentException($"Expected {_edges.Length} weights (one per edge); got {weights.Count}.", nameof(weights));
        return new Graph(NumNodes, _edges.Select((e, i) => (e.U, e.V, weights[i])));
    }

    /// <summary>
    /// Reads an edge list: one edge per line as <c>u v</c> or <c>u v weight</c> (whitespace-separated, nodes numbered
    /// from 0, invariant-culture numbers), <c>#</c> starting a comment, blank lines ignored. The node count is
    /// <paramref name="numNodes"/>, or the largest node + 1 when null.
    /// </summary>
    /// <exception cref="GraphFormatException">For a malformed line, with its line and column.</exception>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    public static Graph ReadEdgeList(string path, int? numNodes = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), numNodes, path);
    }

    /// <summary>Parses edge-list text (format of <see cref="ReadEdgeList"/>); <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="GraphFormatException">For a malformed line, with its line and column.</exception>
    public static Graph Parse(string text, int? numNodes = null, string source = "<text>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var edges = new List<(int, int, double)>();
        var where = new List<(int Line, int Column)>();
        int maxNode = -1;
        var lines = text.Split('\n');
        for (int ln = 0; ln < lines.Length; ln++)
        {
            string line = lines[ln].TrimEnd('\r');
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            var tokens = Tokens(line);
            if (tokens.Count == 0) continue;
            int lineNo = ln + 1;
            if (tokens.Count < 2)
                throw new GraphFormatException(source, lineNo, tokens[0].Column, $"expected 'u v [weight]' but found only '{tokens[0].Text}'");
            if (tokens.Count > 3)
                throw new GraphFormatException(source, lineNo, tokens[3].Column, $"unexpected '{tokens[3].Text}' after 'u v weight'");
            int u = Node(tokens[0]), v = Node(tokens[1]);
            double w = 1;
            if (tokens.Count == 3 && (!double.TryParse(tokens[2].Text, NumberStyles.Float, CultureInfo.InvariantCulture, out w) || !double.IsFinite(w)))
                throw new GraphFormatException(source, lineNo, tokens[2].Column, $"'{tokens[2].Text}' is not a finite number (the edge weight)");
            if (u == v) throw new GraphFormatException(source, lineNo, tokens[0].Column, $"self-loop {u}–{v}; MaxCut graphs have none");
            edges.Add((u, v, w));
            where.Add((lineNo, tokens[0].Column));
            maxNode = Math.Max(maxNode, Math.Max(u, v));

            int Node((string Text, int Column) t) =>
                int.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int k)
                    ? k
                    : throw new GraphFormatException(source, lineNo, t.Column, $"'{t.Text}' is not a node number (a non-negative integer)");
        }
        int n = numNodes ?? maxNode + 1;
        if (n < 1) throw new GraphFormatException(source, Math.Max(1, lines.Length), 1, "no edges and no node count: the graph is empty");
        var seen = new Dictionary<(int, int), int>();
        for (int i = 0; i < edges.Count; i++)
        {
            var (u, v, _) = edges[i];
            if (u >= n || v >= n)
                throw new GraphFormatException(source, where[i].Line, where[i].Column, $"node {Math.Max(u, v)} is outside 0..{n - 1} (the graph has {n} nodes)");
            var key = (Math.Min(u, v), Math.Max(u, v));
            if (seen.TryGetValue(key, out int first))
                throw new GraphFormatException(source, where[i].Line, where[i].Column, $"edge {key.Item1}–{key.Item2} repeats the edge on line {where[first].Line}");
            seen[key] = i;
        }
        return new Graph(n, edges);
    }

    /// <summary>Writes the graph in the edge-list format (weights omitted when all are 1).</summary>
    public string ToEdgeList()
    {
        bool weighted = IsWeighted;
        var sb = new System.Text.StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# {NumNodes} nodes, {_edges.Length} edges\n");
        foreach (var e in _edges)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{e.U} {e.V}");
            if (weighted) sb.Append(' ').Append(e.Weight.ToString("R", CultureInfo.InvariantCulture));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static List<(string Text, int Column)> Tokens(string line)
    {
        var tokens = new List<(string, int)>();
        int i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
            int start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
            if (i > start) tokens.Add((line[start..i], start + 1));
        }
        return tokens;
    }

    /// <inheritdoc />
    public override string ToString() => $"Graph({NumNodes} nodes, {_edges.Length} edges{(IsWeighted ? ", weighted" : "")})";
}
