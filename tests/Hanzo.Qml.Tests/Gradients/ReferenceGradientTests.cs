using Hanzo.Qml.Circuits;
using Hanzo.Qml.Gradients;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Tests.Gradients;

/// <summary>gradients.json: AngleEmbedding(X) + StronglyEntanglingLayers (2 layers, 4 wires, ranges 1 and 2), PennyLane 0.38.1.</summary>
public class ReferenceGradientTests
{
    public static IEnumerable<object[]> Cases() =>
        Enumerable.Range(0, ReferenceData.Load("gradients.json").GetProperty("cases").GetArrayLength()).Select(i => new object[] { i });

    internal static Circuit ReferenceCircuit()
    {
        const int n = 4, layers = 2;
        var b = new CircuitBuilder(n);
        for (int i = 0; i < n; i++) b.RX(i, ParameterExpression.Feature(i));
        for (int l = 0; l < layers; l++)
        {
            for (int i = 0; i < n; i++)
                b.Rot(i, ParameterExpression.Weight(l * n * 3 + i * 3), ParameterExpression.Weight(l * n * 3 + i * 3 + 1), ParameterExpression.Weight(l * n * 3 + i * 3 + 2));
            int r = l % (n - 1) + 1;
            for (int i = 0; i < n; i++) b.CNOT(i, (i + r) % n);
        }
        return b.Build();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExpectationAndGradientsMatchPennyLane(int index)
    {
        var c = ReferenceData.Load("gradients.json").GetProperty("cases")[index];
        var circuit = ReferenceCircuit();
        var x = ReferenceData.Doubles(c.GetProperty("features"));
        var w = ReferenceData.Flatten(c.GetProperty("weights"));
        var obs = Hamiltonian.Parse(c.GetProperty("observable_str").GetString()!.Replace("PauliZ(", "Z(").Replace("(", "").Replace(")", "").Replace("@", " "));
        var expectedW = ReferenceData.Flatten(c.GetProperty("grad_weights_adjoint"));
        var expectedX = ReferenceData.Doubles(c.GetProperty("grad_features_backprop"));
        double expectedValue = c.GetProperty("expval").GetDouble();

        foreach (IGradientMethod method in new IGradientMethod[] { new AdjointDifferentiator(), new ParameterShiftDifferentiator() })
        {
            var g = method.Compute(circuit, obs, w, x, GradientTargets.Both);
            Assert.True(Math.Abs(g.Value - expectedValue) < 1e-10, $"{method.Name}: value {g.Value} vs {expectedValue}");
            for (int i = 0; i < w.Length; i++)
                Assert.True(Math.Abs(g.WeightGradient[i] - expectedW[i]) < 1e-10, $"{method.Name}: dw[{i}] {g.WeightGradient[i]} vs {expectedW[i]}");
            for (int i = 0; i < x.Length; i++)
                Assert.True(Math.Abs(g.FeatureGradient[i] - expectedX[i]) < 1e-10, $"{method.Name}: dx[{i}] {g.FeatureGradient[i]} vs {expectedX[i]}");
        }
        Assert.True(Math.Abs(new StatevectorSimulator().Expectation(circuit, obs, w, x) - expectedValue) < 1e-10);
    }
}
