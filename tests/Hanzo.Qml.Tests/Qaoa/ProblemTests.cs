using Hanzo.Qml.Optimization.Problems;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Tests.Qaoa;

/// <summary>Ising diagonals, QUBO → Ising, graphs (edge lists, generators) and MaxCut values.</summary>
public class ProblemTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(13)] // crosses the 12-bit table of the blocked diagonal
    public void DiagonalEqualsTheEnergyOfEveryBasisState(int n)
    {
        var rng = new Random(n);
        var couplings = new List<(int, int, double)>();
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (rng.NextDouble() < 0.4) couplings.Add((i, j, rng.NextDouble() - 0.5));
        var ising = new IsingHamiltonian(n, Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray(), couplings, 0.25);
        var d = ising.Diagonal();
        for (long i = 0; i < d.Length; i++) Assert.Equal(ising.Energy(i), d[i], 1e-12);
        var min = ising.FindMinimum();
        Assert.Equal(d.Min(), min.Value);
        Assert.Equal(Enumerable.Range(0, d.Length).Where(i => d[i] == min.Value).Select(i => (long)i), min.Indices);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void QuboToIsingPreservesTheValueOfEveryBitstring(bool integer)
    {
        var rng = new Random(integer ? 1 : 2);
        int n = 7;
        var q = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                q[i, j] = rng.NextDouble() < 0.6 ? (integer ? rng.Next(-5, 6) : rng.NextDouble() * 4 - 2) : 0;
        var qubo = new Qubo(q, offset: 1.5);
        var diagonal = qubo.ToIsing().Diagonal();
        for (long idx = 0; idx < 1 << n; idx++)
        {
            // Direct evaluation of xᵀQx + offset, x₀ the most significant bit (bitstring character 0).
            double f = 1.5;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    f += q[i, j] * ((idx >> (n - 1 - i)) & 1) * ((idx >> (n - 1 - j)) & 1);
            Assert.Equal(f, qubo.Value(idx), 1e-12);
            Assert.Equal(f, diagonal[idx], 1e-12);
            Assert.Equal(f, qubo.Value(Measurements.Bitstring(idx, n)), 1e-12);
        }
    }

    [Fact]
    public void IsingAndQuboRefuseBadInput()
    {
        Assert.Contains("itself", Assert.Throws<ArgumentException>(() => new IsingHamiltonian(3, null, [(1, 1, 1.0)])).Message);
        Assert.Contains("outside", Assert.Throws<ArgumentException>(() => new IsingHamiltonian(3, null, [(0, 3, 1.0)])).Message);
        Assert.Throws<ArgumentException>(() => new IsingHamiltonian(3, [1.0], []));
        Assert.Throws<ArgumentException>(() => new Qubo(new double[2, 3]));
        Assert.Contains("'2'", Assert.Throws<ArgumentException>(() => MaxCut.CostHamiltonian(new Graph(3, [(0, 1)])).Energy("012")).Message);
    }

    [Fact]
    public void EdgeListsParseWithCommentsAndWeights()
    {
        var g = Graph.Parse("# a weighted triangle\n0 1 2.5\n\n1 2   # unweighted\n  2 0 -1e0\n");
        Assert.Equal(3, g.NumNodes);
        Assert.Equal([new GraphEdge(0, 1, 2.5), new GraphEdge(1, 2, 1), new GraphEdge(0, 2, -1)], g.Edges);
        Assert.True(g.IsWeighted);
        var again = Graph.Parse(g.ToEdgeList());
        Assert.Equal(g.Edges, again.Edges);
        Assert.Equal(5, Graph.Parse("0 1", numNodes: 5).NumNodes);
        string path = Path.Combine(Path.GetTempPath(), $"hanzo-qml-graph-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, "0 1\n1 x\n");
            var e = Assert.Throws<GraphFormatException>(() => Graph.ReadEdgeList(path));
            Assert.Equal((2, 3), (e.Line, e.Column));
            Assert.StartsWith(path + ":2:3:", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("0 1\n2\n", 2, 1, "only")]
    [InlineData("0 1 1 1\n", 1, 7, "unexpected")]
    [InlineData("0 -1\n", 1, 3, "node number")]
    [InlineData("0 1 abc\n", 1, 5, "finite number")]
    [InlineData("3 3\n", 1, 1, "self-loop")]
    [InlineData("0 1\n1 0 2\n", 2, 1, "repeats the edge on line 1")]
    public void EdgeListErrorsAreLocated(string text, int line, int column, string fragment)
    {
        var e = Assert.Throws<GraphFormatException>(() => Graph.Parse(text));
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains(fragment, e.Message);
    }

    [Fact]
    public void OutOfRangeNodeIsLocated()
    {
        var e = Assert.Throws<GraphFormatException>(() => Graph.Parse("0 1\n1 4\n", numNodes: 3));
        Assert.Equal(2, e.Line);
        Assert.Contains("outside 0..2", e.Message);
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(16, 3)]
    [InlineData(24, 3)]
    [InlineData(12, 4)]
    public void RandomRegularGraphsAreRegularSimpleAndSeeded(int n, int d)
    {
        var g = GraphGenerators.RandomRegular(n, d, 5);
        Assert.Equal(n * d / 2, g.Edges.Count);
        for (int v = 0; v < n; v++) Assert.Equal(d, g.Degree(v));
        Assert.Equal(g.Edges, GraphGenerators.RandomRegular(n, d, 5).Edges);
        Assert.NotEqual(g.Edges, GraphGenerators.RandomRegular(n, d, 6).Edges);
        Assert.Throws<ArgumentException>(() => GraphGenerators.RandomRegular(5, 3, 1));
    }

    [Fact]
    public void ErdosRenyiGraphsAreSeededAndHaveTheExpectedDensity()
    {
        var g = GraphGenerators.ErdosRenyi(60, 0.3, 9);
        Assert.Equal(g.Edges, GraphGenerators.ErdosRenyi(60, 0.3, 9).Edges);
        double expected = 0.3 * 60 * 59 / 2;
        Assert.InRange(g.Edges.Count, expected - 4 * Math.Sqrt(expected), expected + 4 * Math.Sqrt(expected));
        Assert.Empty(GraphGenerators.ErdosRenyi(10, 0, 1).Edges);
        Assert.Equal(45, GraphGenerators.ErdosRenyi(10, 1, 1).Edges.Count);
        var w = GraphGenerators.WithRandomIntegerWeights(g, 1, 3, 2);
        Assert.All(w.Edges, e => Assert.InRange(e.Weight, 1, 3));
        Assert.All(GraphGenerators.WithRandomUniformWeights(g, 0.5, 1.5, 2).Edges, e => Assert.InRange(e.Weight, 0.5, 1.5));
    }

    [Fact]
    public void MaxCutValuesAndConvention()
    {
        var square = new Graph(4, [(0, 1), (1, 2), (2, 3), (3, 0)]);
        Assert.Equal(4, MaxCut.BruteForce(square).Value);
        Assert.Equal(["0101", "1010"], MaxCut.BruteForce(square).Bitstrings);
        var triangle = new Graph(3, [(0, 1, 2.0), (1, 2, 3.0), (0, 2, 5.0)]);
        Assert.Equal(8, MaxCut.BruteForce(triangle).Value);
        var h = MaxCut.CostHamiltonian(triangle);
        var d = h.Diagonal();
        for (int i = 0; i < 8; i++) Assert.Equal(-MaxCut.CutValue(triangle, i), d[i], 1e-12);
        Assert.Equal(7, MaxCut.CutValue(triangle, "100"));
        Assert.Equal(5, MaxCut.CutValue(triangle, "010"));
    }
}
