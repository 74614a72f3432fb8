using System.Numerics;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Tests.Simulation;

public class KernelTests
{
    public static IEnumerable<object[]> Cases()
    {
        foreach (var info in GateInfo.All)
            foreach (int n in new[] { 1, 2, 3, 5, 7 })
                if (info.NumWires <= n)
                    foreach (bool adj in new[] { false, true })
                        yield return [info.Kind, n, adj];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryGateOnEveryWireMatchesTheDenseMatrix(GateKind gate, int n, bool adjoint)
    {
        var rng = new Random(17 + (int)gate * 31 + n);
        var info = GateInfo.Of(gate);
        int arity = info.NumWires == 0 ? Math.Min(n, 3) : info.NumWires;
        var sim = new StatevectorSimulator(new SimulatorOptions { FuseSingleQubitGates = false });
        for (int trial = 0; trial < 12; trial++)
        {
            var wires = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(arity).ToArray();
            var angles = Enumerable.Range(0, info.NumParameters).Select(_ => rng.NextDouble() * 8 - 4).ToArray();
            var op = new Operation(gate, wires, angles.Select(a => (ParameterExpression)a).ToArray());
            if (adjoint) op = op.Adjoint();
            var psi = DenseReference.RandomState(n, rng);
            var expected = DenseReference.Apply(psi, n, op, op.Parameters.ToArray().Select(p => p.Evaluate([], [])).ToArray());
            using var state = StateVector.FromAmplitudes(psi);
            sim.Apply(new Circuit(n, [op]), state, [], [], parallel: false);
            Assert.True(DenseReference.MaxDiff(expected, state.Amplitudes) < 1e-12, $"{op} on {n} qubits differs by {DenseReference.MaxDiff(expected, state.Amplitudes)}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FusedAndParallelRunsMatchTheReferenceOnRandomCircuits(bool parallel)
    {
        var rng = new Random(5);
        foreach (int n in new[] { 2, 4, 6, 9 })
        {
            var b = new CircuitBuilder(n);
            var kinds = GateInfo.All.Where(g => g.NumWires <= n).ToArray();
            for (int g = 0; g < 60; g++)
            {
                var info = kinds[rng.Next(kinds.Length)];
                int arity = info.NumWires == 0 ? 1 + rng.Next(n) : info.NumWires;
                var wires = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(arity).ToArray();
                b.Add(info.Kind, wires, Enumerable.Range(0, info.NumParameters).Select(_ => (ParameterExpression)(rng.NextDouble() * 6 - 3)).ToArray());
            }
            var c = b.Build();
            var expected = DenseReference.Run(c, [], []);
            var sim = new StatevectorSimulator(new SimulatorOptions { ParallelThresholdQubits = parallel ? 1 : 64 });
            using var s = sim.Run(c);
            Assert.True(DenseReference.MaxDiff(expected, s.Amplitudes) < 1e-11, $"n={n}: {DenseReference.MaxDiff(expected, s.Amplitudes)}");
        }
    }
}
