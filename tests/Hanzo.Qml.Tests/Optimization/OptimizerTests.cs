using Hanzo.Qml.Optimization;

namespace Hanzo.Qml.Tests.Optimization;

/// <summary>Nelder–Mead, SPSA, Adam and SGD on problems with known minima; determinism under seeds; the factory.</summary>
public class OptimizerTests
{
    private static double Rosenbrock(double[] x) => 100 * Math.Pow(x[1] - x[0] * x[0], 2) + Math.Pow(1 - x[0], 2);

    /// <summary>f = Σ cᵢ(xᵢ − i)², an ill-conditioned bowl with minimum at (0, 1, 2, …).</summary>
    private static double Bowl(double[] x)
    {
        double f = 0;
        for (int i = 0; i < x.Length; i++) f += (1 + i) * (x[i] - i) * (x[i] - i);
        return f;
    }

    private static (double, double[]) BowlWithGradient(double[] x) =>
        (Bowl(x), x.Select((v, i) => 2 * (1 + i) * (v - i)).ToArray());

    [Fact]
    public void NelderMeadSolvesRosenbrock()
    {
        var r = new NelderMead(new NelderMeadOptions { PointTolerance = 1e-10, ValueTolerance = 1e-14 }).Minimize(Rosenbrock, [-1.2, 1.0]);
        Assert.Equal(ConvergenceReason.ToleranceReached, r.Reason);
        Assert.True(Math.Abs(r.Point[0] - 1) < 1e-6 && Math.Abs(r.Point[1] - 1) < 1e-6, $"{r.Point[0]}, {r.Point[1]}");
    }

    [Fact]
    public void AdaptiveNelderMeadSolvesAFiveDimensionalBowl()
    {
        var r = new NelderMead(new NelderMeadOptions { Adaptive = true, MaxEvaluations = 20_000, MaxIterations = 20_000 }).Minimize(Bowl, new double[5]);
        for (int i = 0; i < 5; i++) Assert.Equal(i, r.Point[i], 1e-5);
    }

    [Fact]
    public void SpsaIsSeededAndConverges()
    {
        var o = new SpsaOptions { MaxIterations = 1500, Seed = 3, Perturbation = 0.05 };
        var a = new Spsa(o).Minimize(Bowl, new double[4]);
        var b = new Spsa(o).Minimize(Bowl, new double[4]);
        var c = new Spsa(o with { Seed = 4 }).Minimize(Bowl, new double[4]);
        Assert.Equal(a.Point, b.Point);
        Assert.Equal(a.History, b.History);
        Assert.NotEqual(a.Point, c.Point);
        Assert.Equal(2 * 1500 + 2 * 10 + 1, a.Evaluations); // iterations, calibration, final value
        for (int i = 0; i < 4; i++) Assert.True(Math.Abs(a.Point[i] - i) < 0.05, $"x[{i}] = {a.Point[i]}");
        Assert.Equal(Bowl(a.Point), a.Value);
    }

    [Fact]
    public void SpsaGainSequencesAreSpalls()
    {
        // With a fixed a, the first step is a/(1 + A)^α · ĝ and ĝᵢ = (f₊ − f₋)/(2c)·Δᵢ on f = x (1-D): ĝ = 1 exactly.
        var r = new Spsa(new SpsaOptions { MaxIterations = 2, StepSize = 0.5, StabilityConstant = 1, Perturbation = 0.1 }).Minimize(x => x[0], [0.0]);
        double expected = -0.5 / Math.Pow(2, 0.602) - 0.5 / Math.Pow(3, 0.602);
        Assert.Equal(expected, r.Point[0], 1e-14);
    }

    [Fact]
    public void AdamAndSgdMinimiseWithGradients()
    {
        var adam = new Adam(new AdamOptions { LearningRate = 0.05, MaxIterations = 5000, GradientTolerance = 1e-9 }).Minimize(BowlWithGradient, new double[3]);
        var sgd = new Sgd(new SgdOptions { LearningRate = 0.02, Momentum = 0.9, MaxIterations = 5000 }).Minimize(BowlWithGradient, new double[3]);
        var nesterov = new Sgd(new SgdOptions { LearningRate = 0.02, Momentum = 0.9, Nesterov = true, MaxIterations = 5000 }).Minimize(BowlWithGradient, new double[3]);
        foreach (var r in new[] { adam, sgd, nesterov })
        {
            Assert.Equal(ConvergenceReason.ToleranceReached, r.Reason);
            for (int i = 0; i < 3; i++) Assert.Equal(i, r.Point[i], 1e-6);
        }
        // Without a gradient they differentiate numerically.
        var fd = new Adam(new AdamOptions { LearningRate = 0.05, MaxIterations = 3000, GradientTolerance = 1e-6 }).Minimize(Bowl, new double[3]);
        for (int i = 0; i < 3; i++) Assert.Equal(i, fd.Point[i], 1e-5);
    }

    [Fact]
    public void SteppersFollowTheirUpdateRules()
    {
        var adam = new Adam(new AdamOptions { LearningRate = 0.1 }).CreateStepper(2);
        double[] x = [1, 2];
        adam.Step(x, [0.5, -2]);
        // First Adam step: m̂ = g, v̂ = g², so Δ = −η·g/(|g| + ε).
        Assert.Equal(1 - 0.1 * 0.5 / (0.5 + 1e-8), x[0], 15);
        Assert.Equal(2 + 0.1 * 2 / (2 + 1e-8), x[1], 15);
        var sgd = new Sgd(new SgdOptions { LearningRate = 0.1, Momentum = 0.5 }).CreateStepper(1);
        double[] y = [0];
        sgd.Step(y, [1]);
        sgd.Step(y, [1]);
        Assert.Equal(-0.1 + (-0.05 - 0.1), y[0], 15);
        Assert.Equal(2, sgd.Steps);
        Assert.Throws<ArgumentException>(() => sgd.Step(y, [1, 2]));
        Assert.Throws<ArgumentException>(() => sgd.Step(y, [double.NaN]));
    }

    [Fact]
    public void FactoryKnowsEveryName()
    {
        foreach (var name in Optimizers.Names) Assert.Equal(name, Optimizers.Create(name).Name);
        Assert.Equal("nelder-mead", Optimizers.Create("Nelder_Mead").Name);
        Assert.Contains("cobyla", Assert.Throws<ArgumentException>(() => Optimizers.Create("bfgs")).Message);
        Assert.IsAssignableFrom<IGradientOptimizer>(Optimizers.Create("adam"));
    }
}
