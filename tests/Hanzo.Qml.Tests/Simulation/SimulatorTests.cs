using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Tests.Simulation;

public class SimulatorTests
{
    private static Circuit Layered(int n, int layers)
    {
        var b = new CircuitBuilder(n);
        int w = 0;
        for (int l = 0; l < layers; l++)
        {
            for (int i = 0; i < n; i++)
            {
                b.RX(i, ParameterExpression.Feature(i)).RY(i, ParameterExpression.Weight(w++)).RZ(i, ParameterExpression.Weight(w++));
            }
            for (int i = 0; i < n; i++) b.CNOT(i, (i + 1) % n);
            b.Add(GateKind.IsingZZ, [0, n - 1], ParameterExpression.FeatureProduct([0, 1]));
        }
        return b.Build();
    }

    [Fact]
    public void BatchedRunsEqualPerSampleRunsExactly()
    {
        var c = Layered(6, 3);
        var rng = new Random(3);
        var weights = Enumerable.Range(0, 9).Select(_ => Enumerable.Range(0, c.NumWeights).Select(_ => rng.NextDouble() * 4).ToArray()).ToArray();
        var features = Enumerable.Range(0, 9).Select(_ => Enumerable.Range(0, c.NumFeatures).Select(_ => rng.NextDouble() * 3).ToArray()).ToArray();
        var obs = new Hamiltonian[] { PauliString.Z(0), Hamiltonian.Parse("X1 Y2 + 0.3 Z5") };
        var sim = new StatevectorSimulator();
        var batch = sim.ExpectationBatch(c, obs, weights, features);
        var states = sim.RunBatch(c, weights, features);
        for (int b = 0; b < 9; b++)
        {
            using var single = sim.Run(c, weights[b], features[b]);
            Assert.True(single.Amplitudes.SequenceEqual(states[b].Amplitudes), "batched state differs from the single run");
            for (int j = 0; j < obs.Length; j++) Assert.Equal(Measurements.Expectation(single, obs[j]), batch[b, j]);
            states[b].Dispose();
        }
    }

    [Fact]
    public void SharedWeightRowIsBroadcastOverTheBatch()
    {
        var c = Layered(4, 2);
        var w = Enumerable.Range(0, c.NumWeights).Select(i => 0.1 * i).ToArray();
        var xs = new[] { new double[] { 0.1, 0.2, 0.3, 0.4 }, new double[] { 1, 2, 3, 0.5 } };
        var sim = new StatevectorSimulator();
        var r = sim.ExpectationBatch(c, [PauliString.Z(2)], [w], xs);
        Assert.Equal(sim.Expectation(c, PauliString.Z(2), w, xs[1]), r[1, 0]);
        Assert.Throws<ArgumentException>(() => sim.ExpectationBatch(c, [PauliString.Z(2)], [w, w, w], xs));
    }

    [Fact]
    public void ParallelKernelsGiveBitIdenticalStates()
    {
        var c = Layered(15, 2);
        var rng = new Random(11);
        var w = Enumerable.Range(0, c.NumWeights).Select(_ => rng.NextDouble() * 4).ToArray();
        var x = Enumerable.Range(0, c.NumFeatures).Select(_ => rng.NextDouble() * 3).ToArray();
        using var serial = new StatevectorSimulator(new SimulatorOptions { ParallelThresholdQubits = 64 }).Run(c, w, x);
        using var parallel = new StatevectorSimulator(new SimulatorOptions { ParallelThresholdQubits = 2 }).Run(c, w, x);
        Assert.True(serial.Amplitudes.SequenceEqual(parallel.Amplitudes));
        Assert.Equal(1.0, parallel.NormSquared(), 12);
    }

    [Fact]
    public void SampledFrequenciesPassAChiSquareTest()
    {
        var b = new CircuitBuilder(4);
        b.H(0).RY(1, 0.7).CNOT(0, 2).RX(3, 2.1).Add(GateKind.CRY, [2, 1], 1.3);
        using var state = new StatevectorSimulator().Run(b.Build());
        var p = Measurements.Probabilities(state);
        const int shots = 20000;
        var counts = Measurements.Sample(state, shots, seed: 42);
        Assert.Equal(shots, counts.Values.Sum());
        double chi2 = 0;
        int dof = -1;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] < 1e-12) { Assert.False(counts.ContainsKey(i), $"index {i} has probability 0 but was sampled"); continue; }
            double e = shots * p[i];
            double o = counts.GetValueOrDefault(i);
            chi2 += (o - e) * (o - e) / e;
            dof++;
        }
        // 99.9th percentile of chi-square for the degrees of freedom here (≤ 15): below 37.7.
        Assert.True(chi2 < 37.7, $"chi2 = {chi2} with {dof} degrees of freedom");
        Assert.Equal(counts, Measurements.Sample(state, shots, seed: 42));
        Assert.NotEqual(counts, Measurements.Sample(state, shots, seed: 43));
    }

    [Fact]
    public void IndexConventionIsPennyLanes()
    {
        // PauliX on wire 0 of 2 wires gives |10⟩ = index 2; Hadamard(1) gives probabilities [0.5, 0.5, 0, 0].
        using var s = new StatevectorSimulator().Run(new CircuitBuilder(2).X(0).Build());
        Assert.Equal(Complex.One, s[2]);
        using var h = new StatevectorSimulator().Run(new CircuitBuilder(2).H(1).Build());
        var p = Measurements.Probabilities(h);
        Assert.Equal(0.5, p[0], 14);
        Assert.Equal(0.5, p[1], 14);
        Assert.Equal("10", Measurements.Bitstring(2, 2));
        Assert.Equal(1.0, Measurements.Probabilities(s, [0])[1], 14);
    }

    [Fact]
    public void MemoryBudgetRefusesLargeStatesWithTheSize()
    {
        var options = new SimulatorOptions { MemoryBudgetBytes = 1L << 20 };
        var ex = Assert.Throws<StateTooLargeException>(() => new StatevectorSimulator(options).Run(new CircuitBuilder(20).H(0).Build()));
        Assert.Contains("16 MiB", ex.Message.Replace("0.016 GiB", "16 MiB"));
        Assert.Contains("20-qubit", ex.Message);
        // 30 qubits (16 GiB) is admitted by a 20 GiB budget without allocating anything here.
        StateVector.CheckBudget(30, 1, new SimulatorOptions { MemoryBudgetBytes = 20L << 30 });
        Assert.Throws<StateTooLargeException>(() => StateVector.CheckBudget(31, 1, new SimulatorOptions { MemoryBudgetBytes = long.MaxValue }));
        Assert.Throws<StateTooLargeException>(() => StateVector.CheckBudget(30, 1, new SimulatorOptions { MemoryBudgetBytes = 15L << 30 }));
    }

    [Fact]
    public void CircuitAdjointUndoesTheCircuit()
    {
        var c = Layered(5, 2);
        var rng = new Random(9);
        var w = Enumerable.Range(0, c.NumWeights).Select(_ => rng.NextDouble() * 4).ToArray();
        var x = Enumerable.Range(0, c.NumFeatures).Select(_ => rng.NextDouble() * 3).ToArray();
        var sim = new StatevectorSimulator();
        using var s = sim.Run(c, w, x);
        sim.Apply(c.Adjoint(), s, w, x, parallel: false);
        Assert.True(Math.Abs(s[0].Real - 1) < 1e-12 && Math.Abs(s[0].Imaginary) < 1e-12);
    }

    [Fact]
    public void BadInputsAreRefusedWithClearMessages()
    {
        var c = Layered(3, 1);
        var sim = new StatevectorSimulator();
        var ex = Assert.Throws<ArgumentException>(() => sim.Run(c, [1.0], [0.1, 0.2, 0.3]));
        Assert.Contains("weight", ex.Message);
        Assert.Throws<ArgumentException>(() => sim.Run(c, new double[c.NumWeights], [0.1, double.NaN, 0.3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CircuitBuilder(2).CNOT(0, 2));
        Assert.Throws<ArgumentException>(() => new CircuitBuilder(2).CNOT(1, 1));
        Assert.Throws<ArgumentException>(() => new Operation(GateKind.RX, [0]));
        Assert.Throws<FormatException>(() => PauliString.Parse("Q0"));
        Assert.Throws<FormatException>(() => PauliString.Parse("Z0 Z0"));
    }

    [Property(MaxTest = 100)]
    public Property NormIsPreservedByRandomCircuits(int seed)
    {
        var rng = new Random(seed);
        int n = 1 + rng.Next(7);
        var gates = GateInfo.All.Where(g => g.NumWires <= n).ToArray();
        var b = new CircuitBuilder(n);
        for (int k = 0; k < 30; k++)
        {
            var info = gates[rng.Next(gates.Length)];
            int arity = info.NumWires == 0 ? 1 + rng.Next(n) : info.NumWires;
            var wires = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(arity).ToArray();
            b.Add(info.Kind, wires, Enumerable.Range(0, info.NumParameters).Select(_ => (ParameterExpression)(rng.NextDouble() * 20 - 10)).ToArray());
        }
        using var s = new StatevectorSimulator().Run(b.Build());
        return (Math.Abs(s.NormSquared() - 1) < 1e-12).ToProperty();
    }

    [Property(MaxTest = 60)]
    public Property GateMatricesAreUnitaryAndAdjointsInvert(int seed)
    {
        var rng = new Random(seed);
        var info = GateInfo.All[rng.Next(GateInfo.All.Count)];
        int k = info.NumWires == 0 ? 1 + rng.Next(4) : info.NumWires;
        var angles = Enumerable.Range(0, info.NumParameters).Select(_ => rng.NextDouble() * 20 - 10).ToArray();
        var m = GateMatrices.Matrix(info.Kind, angles, k);
        var md = GateMatrices.Matrix(info.Kind, angles, k, adjoint: true);
        int d = 1 << k;
        double err = 0;
        for (int r = 0; r < d; r++)
            for (int c = 0; c < d; c++)
            {
                Complex acc = 0;
                for (int j = 0; j < d; j++) acc += md[r * d + j] * m[j * d + c];
                err = Math.Max(err, (acc - (r == c ? 1 : 0)).Magnitude);
            }
        // The closed-form adjoint operation must give the same matrix as the conjugate transpose.
        var op = new Operation(info.Kind, Enumerable.Range(0, k).ToArray(), angles.Select(a => (ParameterExpression)a).ToArray()).Adjoint();
        var ma = GateMatrices.Matrix(op.Gate, op.Parameters.ToArray().Select(p => p.Evaluate([], [])).ToArray(), k, op.IsAdjoint);
        double err2 = ma.Zip(md, (a, b) => (a - b).Magnitude).Max();
        return (err < 1e-12 && err2 < 1e-12).Label($"{info.Name}: unitarity {err}, adjoint {err2}");
    }
}

public class ObservableParsingTests
{
    [Theory]
    [InlineData("0.5 Z0 +")]
    [InlineData("Z0 + + X1")]
    [InlineData("")]
    [InlineData("Z")]
    public void MalformedHamiltoniansAreRefused(string text) => Assert.Throws<FormatException>(() => Hamiltonian.Parse(text));

    [Fact]
    public void SumsParseWithSignsAndExponents()
    {
        var h = Hamiltonian.Parse("0.5 Z0 - 0.8 X1 X2 + 1e-3 Y3");
        Assert.Equal(3, h.Terms.Count);
        Assert.Equal(-0.8, h.Terms[1].Coefficient);
        Assert.Equal(1e-3, h.Terms[2].Coefficient);
        Assert.Equal("Y3", h.Terms[2].WithCoefficient(1).ToString());
    }
}

public class PauliStringParsingTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("0.5")]
    [InlineData("   ")]
    public void AStringWithoutOperatorsIsRefused(string text) => Assert.Throws<FormatException>(() => PauliString.Parse(text));

    [Fact]
    public void IdentityAndCoefficientsParse()
    {
        Assert.Empty(PauliString.Parse("I").Factors);
        Assert.Equal(0.5, PauliString.Parse("0.5 I").Coefficient);
        Assert.Equal("Z0 X3", PauliString.Parse("Z0@X3").ToString());
    }
}
