using Hanzo.Qml.Circuits;
using Hanzo.Qml.Gradients;

namespace Hanzo.Qml.Tests.Gradients;

/// <summary>Parameter-shift, adjoint and finite differences agree on seeded random circuits that use every parameterised gate.</summary>
public class GradientAgreementTests
{
    private static Circuit RandomCircuit(int n, Random rng, out int numWeights, out int numFeatures)
    {
        var b = new CircuitBuilder(n);
        int wi = 0;
        numFeatures = n;
        var gates = GateInfo.All.Where(g => g.NumWires <= n).ToArray();
        // Make sure every parameterised gate appears at least once, then add random ones.
        var order = gates.Where(g => g.NumParameters > 0).Concat(Enumerable.Range(0, 25).Select(_ => gates[rng.Next(gates.Length)])).ToList();
        foreach (var info in order)
        {
            int arity = info.NumWires == 0 ? 1 + rng.Next(Math.Min(n, 3)) : info.NumWires;
            var wires = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(arity).ToArray();
            var ps = new ParameterExpression[info.NumParameters];
            for (int j = 0; j < ps.Length; j++)
            {
                int i = rng.Next(n), k = rng.Next(n);
                ps[j] = rng.Next(5) switch
                {
                    0 => ParameterExpression.Feature(i, 0.5 + rng.NextDouble()),
                    1 => ParameterExpression.FeatureProduct([i, k]),
                    2 => ParameterExpression.PiMinusFeatureProduct([i, k], 2.0),
                    3 => ParameterExpression.Constant(rng.NextDouble() * 3),
                    _ => ParameterExpression.Weight(wi++, rng.Next(2) == 0 ? 1.0 : -0.7),
                };
            }
            var op = new Operation(info.Kind, wires, ps);
            b.Add(rng.Next(4) == 0 ? op.Adjoint() : op);
        }
        numWeights = wi;
        return b.Build();
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 4)]
    [InlineData(3, 5)]
    [InlineData(4, 3)]
    public void AllThreeMethodsAgree(int seed, int n)
    {
        var rng = new Random(seed);
        var circuit = RandomCircuit(n, rng, out int nw, out int nx);
        var w = Enumerable.Range(0, circuit.NumWeights).Select(_ => rng.NextDouble() * 6 - 3).ToArray();
        var x = Enumerable.Range(0, circuit.NumFeatures).Select(_ => rng.NextDouble() * 3).ToArray();
        var obs = Hamiltonian.Parse($"0.7 Z0 - 0.4 X{n - 1} Y0 + 1.1 Y{n / 2}");
        var adj = new AdjointDifferentiator().Compute(circuit, obs, w, x, GradientTargets.Both);
        var ps = new ParameterShiftDifferentiator().Compute(circuit, obs, w, x, GradientTargets.Both);
        var fd = new FiniteDifferenceDifferentiator().Compute(circuit, obs, w, x, GradientTargets.Both);
        Assert.Equal(adj.Value, ps.Value, 12);
        for (int i = 0; i < w.Length; i++)
        {
            Assert.True(Math.Abs(adj.WeightGradient[i] - ps.WeightGradient[i]) < 1e-10, $"dw[{i}] adjoint {adj.WeightGradient[i]} vs shift {ps.WeightGradient[i]}");
            Assert.True(Math.Abs(adj.WeightGradient[i] - fd.WeightGradient[i]) < 1e-7, $"dw[{i}] adjoint {adj.WeightGradient[i]} vs fd {fd.WeightGradient[i]}");
        }
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(Math.Abs(adj.FeatureGradient[i] - ps.FeatureGradient[i]) < 1e-10, $"dx[{i}] adjoint {adj.FeatureGradient[i]} vs shift {ps.FeatureGradient[i]}");
            Assert.True(Math.Abs(adj.FeatureGradient[i] - fd.FeatureGradient[i]) < 1e-7, $"dx[{i}] adjoint {adj.FeatureGradient[i]} vs fd {fd.FeatureGradient[i]}");
        }
    }

    [Fact]
    public void AmplitudeEncodingFeatureGradientMatchesFiniteDifferences()
    {
        var b = new CircuitBuilder(3).Prepare(new StatePreparation(6, 0.3));
        b.RY(0, ParameterExpression.Weight(0)).CNOT(0, 2).RX(1, ParameterExpression.Weight(1)).Add(GateKind.CRY, [2, 1], ParameterExpression.Weight(2));
        var c = b.Build();
        double[] w = [0.3, -1.2, 0.8];
        double[] x = [0.5, -1.0, 2.0, 0.1, 0.7, -0.4];
        var obs = Hamiltonian.Parse("Z0 Z1 + 0.5 X2");
        var adj = new AdjointDifferentiator().Compute(c, obs, w, x, GradientTargets.Both);
        var fd = new FiniteDifferenceDifferentiator().Compute(c, obs, w, x, GradientTargets.Both);
        for (int i = 0; i < x.Length; i++) Assert.True(Math.Abs(adj.FeatureGradient[i] - fd.FeatureGradient[i]) < 1e-7);
        for (int i = 0; i < w.Length; i++) Assert.True(Math.Abs(adj.WeightGradient[i] - fd.WeightGradient[i]) < 1e-7);
        Assert.Throws<NotSupportedException>(() => new ParameterShiftDifferentiator().Compute(c, obs, w, x, GradientTargets.Features));
    }
}
