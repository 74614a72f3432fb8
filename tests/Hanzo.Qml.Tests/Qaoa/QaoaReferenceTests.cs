using System.Numerics;
using System.Text.Json;
using Hanzo.Qml.Gradients;
using Hanzo.Qml.Optimization.Problems;
using Hanzo.Qml.Optimization.Qaoa;

namespace Hanzo.Qml.Tests.Qaoa;

/// <summary>
/// Every number in Reference/qaoa.json (PennyLane 0.38.1, qml.qaoa.maxcut on G(n, ½) graphs of 6, 8 and 10 nodes)
/// reproduced to 1e-10: cost Hamiltonian terms, brute-force optimum, ⟨H_C⟩, gradients and states at p = 1 and 2, and the
/// p = 1 landscape grid.
/// </summary>
public class QaoaReferenceTests
{
    private const double Tol = 1e-10;

    public static IEnumerable<object[]> Cases() => Enumerable.Range(0, 3).Select(i => new object[] { i });

    private static JsonElement Case(int i) => ReferenceData.Load("qaoa.json").GetProperty("cases")[i];

    private static Graph GraphOf(JsonElement c) =>
        new(c.GetProperty("n_nodes").GetInt32(), c.GetProperty("edges").EnumerateArray().Select(e => (e[0].GetInt32(), e[1].GetInt32())));

    private static QaoaAngles AnglesOf(JsonElement run) =>
        new(ReferenceData.Doubles(run.GetProperty("gamma")), ReferenceData.Doubles(run.GetProperty("beta")));

    [Theory]
    [MemberData(nameof(Cases))]
    public void CostHamiltonianTermsMatchPennyLane(int index)
    {
        var c = Case(index);
        var ising = MaxCut.CostHamiltonian(GraphOf(c));
        double identity = 0;
        var zz = new Dictionary<(int, int), double>();
        foreach (var term in c.GetProperty("cost_h_terms").EnumerateArray())
        {
            double coeff = term.GetProperty("coeff").GetDouble();
            var wires = term.GetProperty("paulis").EnumerateObject().Select(p => { Assert.Equal("Z", p.Value.GetString()); return int.Parse(p.Name); }).OrderBy(w => w).ToArray();
            if (wires.Length == 0) identity += coeff;
            else zz[(wires[0], wires[1])] = zz.GetValueOrDefault((wires[0], wires[1])) + coeff;
        }
        Assert.Equal(identity, ising.Constant, Tol);
        Assert.Equal(zz.Count, ising.Couplings.Count);
        foreach (var cp in ising.Couplings) Assert.Equal(zz[(cp.I, cp.J)], cp.Value, Tol);
        Assert.All(ising.Fields, h => Assert.Equal(0, h));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BruteForceOptimumMatches(int index)
    {
        var c = Case(index);
        var graph = GraphOf(c);
        var (value, bitstrings) = MaxCut.BruteForce(graph);
        Assert.Equal(c.GetProperty("max_cut_value").GetDouble(), value);
        var expected = c.GetProperty("max_cut_basis_indices").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        using var ansatz = new QaoaAnsatz(MaxCut.CostHamiltonian(graph), 1);
        Assert.Equal(expected, ansatz.Minimum.Indices);
        Assert.Equal(-value, ansatz.Minimum.Value);
        Assert.Equal(expected.Select(i => Hanzo.Qml.Simulation.Measurements.Bitstring(i, graph.NumNodes)), bitstrings);
        foreach (long i in expected) Assert.Equal(value, MaxCut.CutValue(graph, i));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExpectationsGradientsAndStatesMatch(int index)
    {
        var c = Case(index);
        var graph = GraphOf(c);
        var cost = MaxCut.CostHamiltonian(graph);
        foreach (var run in c.GetProperty("runs").EnumerateArray())
        {
            var angles = AnglesOf(run);
            using var ansatz = new QaoaAnsatz(cost, angles.Layers);
            Assert.True(ansatz.UsesCostLevels);
            double expected = run.GetProperty("expval_cost_h").GetDouble();
            Assert.Equal(expected, ansatz.Expectation(angles), Tol);

            var g = ansatz.Gradient(angles);
            Assert.Equal(expected, g.Value, Tol);
            AssertClose(ReferenceData.Doubles(run.GetProperty("grad_gamma")), g.Gammas);
            AssertClose(ReferenceData.Doubles(run.GetProperty("grad_beta")), g.Betas);

            // PennyLane's cost layer drops the identity terms of H_C; ours applies e^{−iγ·H_C} in full, which adds the
            // global phase e^{−iγ·c} per layer (c = −|E|/2 here).
            var reference = ReferenceData.ComplexVector(run.GetProperty("state"));
            var phase = Complex.FromPolarCoordinates(1, -cost.Constant * angles.Gammas.Sum());
            using var state = ansatz.State(angles);
            var amps = state.ToArray();
            Assert.Equal(reference.Length, amps.Length);
            for (int i = 0; i < amps.Length; i++)
                Assert.True(Complex.Abs(amps[i] - phase * reference[i]) < Tol, $"amplitude {i}: {amps[i]} vs {phase * reference[i]}");
            double cut = 0;
            for (int i = 0; i < amps.Length; i++) cut += amps[i].Magnitude * amps[i].Magnitude * MaxCut.CutValue(graph, i);
            Assert.Equal(run.GetProperty("expected_cut").GetDouble(), cut, Tol);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GenericCircuitWithParameterShiftMatches(int index)
    {
        var c = Case(index);
        var cost = MaxCut.CostHamiltonian(GraphOf(c));
        var observable = cost.ToPauli();
        foreach (var run in c.GetProperty("runs").EnumerateArray())
        {
            var angles = AnglesOf(run);
            using var ansatz = new QaoaAnsatz(cost, angles.Layers);
            var circuit = ansatz.ToCircuit();
            var ps = new ParameterShiftDifferentiator().Compute(circuit, observable, angles.ToVector(), []);
            Assert.Equal(run.GetProperty("expval_cost_h").GetDouble(), ps.Value, Tol);
            AssertClose([.. ReferenceData.Doubles(run.GetProperty("grad_gamma")), .. ReferenceData.Doubles(run.GetProperty("grad_beta"))], ps.WeightGradient);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void P1LandscapeGridMatches(int index)
    {
        var c = Case(index);
        var grid = c.GetProperty("p1_grid");
        var gammas = ReferenceData.Doubles(grid.GetProperty("gamma_grid"));
        var betas = ReferenceData.Doubles(grid.GetProperty("beta_grid"));
        var values = grid.GetProperty("expval_cost_h");
        var graph = GraphOf(c);
        using var ansatz = new QaoaAnsatz(MaxCut.CostHamiltonian(graph), 1);
        double best = double.PositiveInfinity;
        (double G, double B) argmin = default;
        for (int i = 0; i < gammas.Length; i++)
            for (int j = 0; j < betas.Length; j++)
            {
                double v = ansatz.Expectation(new QaoaAngles([gammas[i]], [betas[j]]));
                Assert.Equal(values[i][j].GetDouble(), v, Tol);
                if (v < best) { best = v; argmin = (gammas[i], betas[j]); }
            }
        var am = grid.GetProperty("argmin");
        Assert.Equal(am.GetProperty("gamma").GetDouble(), argmin.G);
        Assert.Equal(am.GetProperty("beta").GetDouble(), argmin.B);
        Assert.Equal(am.GetProperty("expval_cost_h").GetDouble(), best, Tol);
        Assert.Equal(am.GetProperty("approximation_ratio").GetDouble(), -best / c.GetProperty("max_cut_value").GetDouble(), Tol);
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) < Tol, $"component {i}: expected {expected[i]}, got {actual[i]}");
    }
}
