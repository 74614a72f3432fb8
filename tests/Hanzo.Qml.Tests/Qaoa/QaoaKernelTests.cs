using System.Numerics;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Gradients;
using Hanzo.Qml.Optimization.Problems;
using Hanzo.Qml.Optimization.Qaoa;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Tests.Qaoa;

/// <summary>
/// The QAOA kernels (diagonal phase, blocked X mixer with its tile trips, fused expectation, ΣX overlap) against the
/// generic circuit simulator and adjoint differentiator, on every code path: scalar and vector, one block and many
/// (small block sizes force the high-bit tile trips on small states), one thread and several, level table and raw values.
/// </summary>
public class QaoaKernelTests
{
    private const double Tol = 1e-10;

    private static IsingHamiltonian RandomIsing(int n, Random rng, bool integer)
    {
        var h = Enumerable.Range(0, n).Select(_ => integer ? rng.Next(-2, 3) : rng.NextDouble() * 2 - 1).ToArray();
        var couplings = new List<(int, int, double)>();
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (rng.NextDouble() < 0.5) couplings.Add((i, j, integer ? rng.Next(1, 4) : rng.NextDouble() * 2 - 1));
        return new IsingHamiltonian(n, h, couplings, integer ? 3 : 0.37);
    }

    public static IEnumerable<object[]> Paths()
    {
        foreach (int n in new[] { 1, 2, 3, 5, 8, 11 })
            foreach (int block in new[] { 3, 4, 15 })
                foreach (bool vector in new[] { true, false })
                    foreach (bool parallel in new[] { false, true })
                        foreach (bool integer in new[] { true, false })
                            if (block == 15 || n > block)
                                yield return [n, block, vector, parallel, integer];
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void StateExpectationAndGradientMatchTheGenericSimulator(int n, int block, bool vector, bool parallel, bool integer)
    {
        var rng = new Random(n * 1000 + block * 10 + (integer ? 1 : 0));
        var cost = RandomIsing(n, rng, integer);
        var options = new SimulatorOptions { ParallelThresholdQubits = parallel ? 1 : 64 };
        // p = 2 and 3: the merged trips of consecutive layers end on a block trip for even p and a tile trip for odd p.
        foreach (var angles in new[] { new QaoaAngles([0.3, -0.7], [0.5, 0.2]), new QaoaAngles([0.3, -0.7, 1.1], [0.5, 0.2, -0.9]) })
        {
            using var ansatz = new QaoaAnsatz(cost, angles.Layers, options: options) { UseVectorKernels = vector, BlockQubits = block };
            if (n > 2) Assert.Equal(integer, ansatz.UsesCostLevels); // one or two real coefficients still lie on a grid
            var circuit = ansatz.ToCircuit();
            var observable = cost.ToPauli();
            var w = angles.ToVector();
            var sim = new StatevectorSimulator(options);
            using var expected = sim.Run(circuit, w);
            using var state = ansatz.State(angles);
            var phase = Complex.FromPolarCoordinates(1, -cost.Constant * angles.Gammas.Sum());
            for (int i = 0; i < state.Length; i++)
                Assert.True(Complex.Abs(state[i] - phase * expected[i]) < Tol, $"p={angles.Layers}, amplitude {i}: {state[i]} vs {phase * expected[i]}");

            double e = Measurements.Expectation(expected, observable);
            Assert.Equal(e, ansatz.Expectation(angles), Tol);
            var adjoint = new AdjointDifferentiator(options).Compute(circuit, observable, w, []);
            var g = ansatz.Gradient(angles);
            Assert.Equal(e, g.Value, Tol);
            var flat = g.ToVector();
            for (int k = 0; k < flat.Length; k++)
                Assert.True(Math.Abs(adjoint.WeightGradient[k] - flat[k]) < Tol, $"p={angles.Layers}, ∂[{k}]: generic adjoint {adjoint.WeightGradient[k]}, QAOA {flat[k]}");
        }
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(6, true)]
    [InlineData(7, false)]
    public void XYRingMixerMatchesTheGenericSimulatorAndParameterShift(int n, bool fromBitstring)
    {
        var rng = new Random(n);
        var cost = RandomIsing(n, rng, integer: false);
        string? start = fromBitstring ? new string('1', n / 2) + new string('0', n - n / 2) : null;
        using var ansatz = new QaoaAnsatz(cost, 2, QaoaMixer.XYRing, start);
        var angles = new QaoaAngles([0.4, -0.3], [0.8, 0.25]);
        var circuit = ansatz.ToCircuit();
        var w = angles.ToVector();
        var observable = cost.ToPauli();
        double e = new StatevectorSimulator().Expectation(circuit, observable, w);
        Assert.Equal(e, ansatz.Expectation(angles), Tol);
        var ps = new ParameterShiftDifferentiator().Compute(circuit, observable, w, []);
        var flat = ansatz.Gradient(angles).ToVector();
        for (int k = 0; k < flat.Length; k++) Assert.True(Math.Abs(ps.WeightGradient[k] - flat[k]) < Tol, $"∂[{k}]: {ps.WeightGradient[k]} vs {flat[k]}");
        if (start is not null)
        {
            // The XY mixer and the diagonal cost keep the Hamming weight of the start state.
            using var state = ansatz.State(angles);
            for (int i = 0; i < state.Length; i++)
                if (BitOperations.PopCount((uint)i) != n / 2) Assert.True(Complex.Abs(state[i]) < 1e-12);
        }
    }

    [Fact]
    public void ResultsDoNotDependOnTheThreadCount()
    {
        var cost = MaxCut.CostHamiltonian(GraphGenerators.RandomRegular(12, 3, 4));
        var angles = new QaoaAngles([0.3, 0.6], [-0.5, -0.2]);
        using var one = new QaoaAnsatz(cost, 2, options: new SimulatorOptions { ParallelThresholdQubits = 64 }) { BlockQubits = 5 };
        using var many = new QaoaAnsatz(cost, 2, options: new SimulatorOptions { ParallelThresholdQubits = 1 }) { BlockQubits = 5 };
        Assert.Equal(one.Expectation(angles), many.Expectation(angles));
        Assert.Equal(one.Gradient(angles).ToVector(), many.Gradient(angles).ToVector());
    }
}
