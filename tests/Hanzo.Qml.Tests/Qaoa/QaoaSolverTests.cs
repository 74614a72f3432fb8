using Hanzo.Qml.Optimization;
using Hanzo.Qml.Optimization.Problems;
using Hanzo.Qml.Optimization.Qaoa;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Tests.Qaoa;

/// <summary>Angle conventions, initial schedules, and the end-to-end quality criterion of QAOA on seeded MaxCut instances.</summary>
public class QaoaSolverTests
{
    [Fact]
    public void AngleConvertersRoundTrip()
    {
        var a = new QaoaAngles([0.1, 0.2], [0.3, 0.4]);
        Assert.Equal([0.1, 0.2, 0.3, 0.4], a.ToVector());
        Assert.Equal(a, QaoaAngles.FromVector(a.ToVector()));
        Assert.Equal([0.3, 0.4, 0.1, 0.2], a.ToQiskit());
        Assert.Equal(a, QaoaAngles.FromQiskit(a.ToQiskit()));
        Assert.Equal([0.2, 0.4, 0.6, 0.8], a.ToQokit());
        Assert.Equal([-0.2, -0.4, 0.6, 0.8], a.ToQokit(costsAreNegated: true));
        Assert.Equal(a, QaoaAngles.FromQokit(a.ToQokit(true), true));
        Assert.Throws<ArgumentException>(() => QaoaAngles.FromVector([1.0, 2, 3]));
        Assert.Throws<ArgumentException>(() => new QaoaAngles([1.0], [1.0, 2]));
    }

    [Fact]
    public void QokitConventionGivesTheSameState()
    {
        // QOKit: e^{−i(γ_Q/2)c} with c = +cut and RX(β_Q) per qubit; as a circuit on our simulator that is
        // RZ-free: MultiRZ(−γ_Q·w/2)... here checked through the expectation, which the converter must preserve.
        var graph = GraphGenerators.RandomRegular(8, 3, 2);
        using var ansatz = new QaoaAnsatz(MaxCut.CostHamiltonian(graph), 2);
        var ours = new QaoaAngles([0.4, 0.7], [-0.3, -0.1]);
        double[] theta = ours.ToQokit(costsAreNegated: true);
        // Simulate QOKit's definition directly with dense arithmetic.
        int n = graph.NumNodes;
        var psi = Enumerable.Repeat(new System.Numerics.Complex(Math.Pow(2, -n / 2.0), 0), 1 << n).ToArray();
        for (int k = 0; k < 2; k++)
        {
            for (int i = 0; i < psi.Length; i++) psi[i] *= System.Numerics.Complex.FromPolarCoordinates(1, -0.5 * theta[k] * MaxCut.CutValue(graph, i));
            double c = Math.Cos(theta[2 + k] / 2), s = Math.Sin(theta[2 + k] / 2);
            for (int q = 0; q < n; q++)
                for (int i = 0; i < psi.Length; i++)
                {
                    int j = i ^ (1 << q);
                    if (j < i) continue;
                    var (x, y) = (psi[i], psi[j]);
                    psi[i] = c * x - System.Numerics.Complex.ImaginaryOne * s * y;
                    psi[j] = c * y - System.Numerics.Complex.ImaginaryOne * s * x;
                }
        }
        double cut = 0;
        for (int i = 0; i < psi.Length; i++) cut += psi[i].Magnitude * psi[i].Magnitude * MaxCut.CutValue(graph, i);
        Assert.Equal(-cut, ansatz.Expectation(ours), 1e-10);
    }

    [Fact]
    public void LinearRampAndInterp()
    {
        var ramp = QaoaInitialization.LinearRamp(2, 1.0, 0.5);
        Assert.Equal([0.25, 0.75], ramp.Gammas);
        Assert.Equal([-0.375, -0.125], ramp.Betas);
        var p3 = QaoaInitialization.Interpolate(new QaoaAngles([0.2, 0.6], [-0.4, -0.2]));
        // γ'ᵢ = (i/p)γᵢ₋₁ + ((p − i)/p)γᵢ with p = 2.
        Assert.Equal([0.2, 0.5 * 0.2 + 0.5 * 0.6, 0.6], p3.Gammas.ToArray(), (x, y) => Math.Abs(x - y) < 1e-15);
        Assert.Equal([-0.4, -0.3, -0.2], p3.Betas.ToArray(), (x, y) => Math.Abs(x - y) < 1e-15);
        Assert.Equal([0.7, 0.7], QaoaInitialization.Interpolate(new QaoaAngles([0.7], [0.1])).Gammas);
    }

    public static IEnumerable<object[]> Instances()
    {
        yield return ["3-regular n=10", GraphGenerators.RandomRegular(10, 3, 110)];
        yield return ["3-regular n=12", GraphGenerators.RandomRegular(12, 3, 112)];
        yield return ["3-regular n=14", GraphGenerators.RandomRegular(14, 3, 114)];
        yield return ["G(12, 0.4)", GraphGenerators.ErdosRenyi(12, 0.4, 212)];
        yield return ["G(14, 0.3)", GraphGenerators.ErdosRenyi(14, 0.3, 214)];
        yield return ["3-regular n=12, weights 1..5", GraphGenerators.WithRandomIntegerWeights(GraphGenerators.RandomRegular(12, 3, 7), 1, 5, 3)];
        yield return ["G(12, 0.5), weights U[0.5, 1.5)", GraphGenerators.WithRandomUniformWeights(GraphGenerators.ErdosRenyi(12, 0.5, 8), 0.5, 1.5, 4)];
    }

    public static IEnumerable<object[]> LargeInstances()
    {
        yield return ["3-regular n=16", GraphGenerators.RandomRegular(16, 3, 116)];
        yield return ["G(16, 0.3)", GraphGenerators.ErdosRenyi(16, 0.3, 216)];
        yield return ["3-regular n=16, weights 1..3", GraphGenerators.WithRandomIntegerWeights(GraphGenerators.RandomRegular(16, 3, 9), 1, 3, 5)];
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void DefaultP3QaoaReachesTheQualityCriterion(string name, Graph graph) => AssertQuality(name, graph, repeat: true);

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(LargeInstances))]
    public void DefaultP3QaoaReachesTheQualityCriterionAt16Nodes(string name, Graph graph) => AssertQuality(name, graph, repeat: false);

    private static void AssertQuality(string name, Graph graph, bool repeat)
    {
        // One thread per test: xunit runs test classes side by side, and a kernel pass split over threads that the OS
        // has descheduled waits for them.
        var options = new QaoaOptions { Layers = 3, Seed = 11, Simulator = new SimulatorOptions { ParallelThresholdQubits = 64 } };
        var r = QaoaSolver.SolveMaxCut(graph, options);
        double maxCut = MaxCut.BruteForce(graph).Value;
        Assert.Equal(-maxCut, r.OptimalCost, 1e-9);
        Assert.True(r.ApproximationRatio >= 0.80, $"{name}: ⟨cut⟩/max cut = {r.ApproximationRatio}");
        Assert.True(-r.BestCost >= 0.95 * maxCut, $"{name}: best sampled cut {-r.BestCost} vs max cut {maxCut}");
        Assert.Equal(-r.BestCost, MaxCut.CutValue(graph, r.BestBitstring), 1e-9);
        Assert.Equal(r.Expectation, r.Optimization.Value, 1e-12);
        Assert.Equal(options.Shots, r.Samples.Sum(s => s.Count));
        if (!repeat) return;
        // Repeatable under the seed.
        var again = QaoaSolver.SolveMaxCut(graph, options);
        Assert.Equal(r.Angles, again.Angles);
        Assert.Equal(r.BestBitstring, again.BestBitstring);
        Assert.Equal(r.Samples, again.Samples);
    }

    [Fact]
    public void EveryOuterOptimiserImprovesOnTheStart()
    {
        var graph = GraphGenerators.RandomRegular(10, 3, 3);
        var cost = MaxCut.CostHamiltonian(graph);
        using var ansatz = new QaoaAnsatz(cost, 2);
        double start = ansatz.Expectation(QaoaSolver.Ramp(cost, 2, 0.75));
        foreach (IOptimizer opt in new IOptimizer[] { new NelderMead(), new Spsa(new SpsaOptions { Seed = 1, MaxIterations = 150 }), new Adam(new AdamOptions { LearningRate = 0.02, MaxIterations = 150 }), new Sgd(new SgdOptions { LearningRate = 0.005, MaxIterations = 150 }) })
        {
            var r = QaoaSolver.Solve(cost, new QaoaOptions { Layers = 2, Optimizer = opt, Seed = 2 });
            Assert.True(r.Expectation < start - 0.1, $"{opt.Name}: {r.Expectation} vs start {start}");
            Assert.Equal(r.Expectation, ansatz.Expectation(r.Angles), 1e-12);
        }
    }

    [Fact]
    public void InterpRunsOneStagePerDepth()
    {
        var r = QaoaSolver.SolveMaxCut(GraphGenerators.RandomRegular(8, 3, 1), new QaoaOptions { Layers = 3, Initialization = QaoaInitialStrategy.Interp });
        Assert.Equal(3, r.Stages.Count);
        Assert.Equal([2, 4, 6], r.Stages.Select(s => s.Point.Length));
        Assert.Equal(r.Stages.Sum(s => s.Evaluations), r.TotalEvaluations);
        Assert.True(r.ApproximationRatio > 0.8);
    }

    [Fact]
    public void OptionsAndCancellationAreChecked()
    {
        var cost = MaxCut.CostHamiltonian(new Graph(4, [(0, 1), (1, 2), (2, 3)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => QaoaSolver.Solve(cost, new QaoaOptions { Layers = 0 }));
        Assert.Throws<ArgumentException>(() => QaoaSolver.Solve(cost, new QaoaOptions { Layers = 2, InitialAngles = new QaoaAngles([1.0], [1.0]) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => QaoaSolver.Solve(cost, new QaoaOptions { Shots = 0 }));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => QaoaSolver.Solve(cost, null, cts.Token));
        using var ansatz = new QaoaAnsatz(cost, 1);
        Assert.Contains("p = 1", Assert.Throws<ArgumentException>(() => ansatz.Expectation(new QaoaAngles([1.0, 2], [1.0, 2]))).Message);
    }
}
