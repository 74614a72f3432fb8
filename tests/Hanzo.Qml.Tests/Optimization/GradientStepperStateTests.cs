using Hanzo.Qml.Optimization;

namespace Hanzo.Qml.Tests.Optimization;

public class GradientStepperStateTests
{
    private static double[] Gradient(double[] x) => [.. x.Select((v, i) => 2 * (1 + i) * (v - i) + 0.3 * Math.Sin(7 * v))];

    public static IEnumerable<object[]> Optimizers() =>
    [
        [new Adam(new AdamOptions { LearningRate = 0.07 })],
        [new Sgd(new SgdOptions { LearningRate = 0.03, Momentum = 0.8 })],
        [new Sgd(new SgdOptions { LearningRate = 0.03, Momentum = 0.8, Nesterov = true })],
    ];

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void AnImportedStateContinuesTheRunToTheBit(IGradientOptimizer optimizer)
    {
        const int n = 3;
        double[] straight = [0.5, -1, 2.5];
        var a = optimizer.CreateStepper(n);
        for (int k = 0; k < 25; k++) a.Step(straight, Gradient(straight));

        double[] split = [0.5, -1, 2.5];
        var b = optimizer.CreateStepper(n);
        for (int k = 0; k < 11; k++) b.Step(split, Gradient(split));
        var state = b.ExportState();
        double[] atSnapshot = (double[])split.Clone();
        for (int k = 0; k < 3; k++) b.Step(split, Gradient(split)); // moves b on; the snapshot must not follow
        Assert.Equal(11, state.Steps);
        split = atSnapshot;
        var c = optimizer.CreateStepper(n);
        c.ImportState(state);
        Assert.Equal(11, c.Steps);
        for (int k = 11; k < 25; k++) c.Step(split, Gradient(split));
        Assert.Equal(straight.Select(BitConverter.DoubleToInt64Bits), split.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(25, c.Steps);
    }

    [Fact]
    public void ForeignOrMisshapenStatesAreRefused()
    {
        var adam = new Adam().CreateStepper(2);
        var sgd = new Sgd().CreateStepper(2);
        double[] x = [1, 2];
        adam.Step(x, [0.1, 0.2]);
        Assert.Contains("\"adam\"", Assert.Throws<ArgumentException>(() => sgd.ImportState(adam.ExportState())).Message);
        Assert.Contains("3 parameters", Assert.Throws<ArgumentException>(() => new Adam().CreateStepper(3).ImportState(adam.ExportState())).Message);
        var noV = new GradientStepperState("adam", 1, new Dictionary<string, IReadOnlyList<double>> { ["m"] = [0.0, 0.0] });
        Assert.Contains("\"v\"", Assert.Throws<ArgumentException>(() => adam.ImportState(noV)).Message);
        var nan = new GradientStepperState("sgd", 1, new Dictionary<string, IReadOnlyList<double>> { ["velocity"] = [double.NaN, 0.0] });
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => sgd.ImportState(nan)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GradientStepperState("sgd", -1, new Dictionary<string, IReadOnlyList<double>>()));
    }
}
