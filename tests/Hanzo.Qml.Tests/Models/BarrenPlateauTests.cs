using Hanzo.Qml.Ansatze;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Models;

namespace Hanzo.Qml.Tests.Models;

public class BarrenPlateauTests
{
    [Fact]
    public void DeepGlobalVarianceDecaysExponentiallyWithQubits()
    {
        var v = new[] { 2, 4, 6 }.Select(n =>
            BarrenPlateau.GradientVariance(new HardwareEfficientAnsatz(n, 2 * n), BarrenPlateau.GlobalZ(n), samples: 150, seed: n).MeanVariance).ToArray();
        // Roughly a factor 2 or more per added qubit pair step; require a clear monotone decay.
        Assert.True(v[1] < 0.5 * v[0] && v[2] < 0.5 * v[1], $"variances {string.Join(", ", v)}");
        var report = BarrenPlateau.GradientVariance(new HardwareEfficientAnsatz(6, 12), BarrenPlateau.GlobalZ(6), samples: 50, seed: 1, threshold: 10 * v[2]);
        Assert.NotNull(report.Warning);
    }

    [Fact]
    public void ShallowLocalVarianceDoesNotVanish()
    {
        var v = new[] { 2, 4, 6 }.Select(n =>
            BarrenPlateau.GradientVariance(ShallowBrick(n), PauliString.Z(0), samples: 300, seed: n).Variances.Max()).ToArray();
        // Gates outside Z0's light cone have zero gradient whatever n, so compare the largest per-weight variance.
        // (A hardware-efficient CNOT ring is not local: its last CNOT writes the parity of every wire onto wire 0.)
        Assert.True(v[2] > 0.5 * v[0], $"variances {string.Join(", ", v)}");
    }

    // RX, RY on every wire, CNOT on disjoint neighbour pairs, RY again: Z0's light cone is wires 0 and 1 whatever n.
    private static Circuit ShallowBrick(int n)
    {
        var b = new CircuitBuilder(n);
        int w = 0;
        for (int i = 0; i < n; i++) { b.RX(i, ParameterExpression.Weight(w++)); b.RY(i, ParameterExpression.Weight(w++)); }
        for (int i = 0; i + 1 < n; i += 2) b.CNOT(i, i + 1);
        for (int i = 0; i < n; i++) b.RY(i, ParameterExpression.Weight(w++));
        return b.Build();
    }
}
