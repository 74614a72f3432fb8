using Hanzo.Qml.Classical.Svm;
using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Tests.Svm;

/// <summary>LIBSVM's voting and tie-breaking, iteration limits, and input checks of the SVMs.</summary>
public class SvmBehaviourTests
{
    private static (double[,] K, int[] Y) ThreeClasses()
    {
        double[][] x = [[0, 0], [0.2, 0.1], [3, 0], [3.1, 0.2], [0, 3], [0.1, 3.2]];
        int[] y = [4, 4, 9, 9, 6, 6];
        return (new RbfKernel(0.5).Matrix(x), y);
    }

    [Fact]
    public void VotesTieToTheLowestClassIndexAndZeroVotesForTheSecondClass()
    {
        var (k, y) = ThreeClasses();
        var svc = new SupportVectorClassifier().Fit(k, y);
        Assert.Equal([4, 6, 9], svc.Classes);
        // Pairs (0,1), (0,2), (1,2): a positive value votes for the first class of the pair.
        var raw = new double[,]
        {
            { +1, -1, +1 },   // votes 0, 2, 1 → 1-1-1 tie → class 0
            { -1, +1, -1 },   // votes 1, 0, 2 → tie → class 0
            { -1, -1, +1 },   // votes 1, 2, 1 → class 1
            { 0, 0, 0 },      // zero votes for the second class: 1, 2, 2 → class 2
        };
        Assert.Equal([4, 4, 6, 9], svc.Vote(raw));
        Assert.Equal(y, svc.Predict(k));
        Assert.Throws<InvalidOperationException>(() => svc.DecisionFunction(k));
        var ovr = svc.DecisionFunctionOvr(k);
        Assert.Equal(3, ovr.GetLength(1));
        for (int i = 0; i < y.Length; i++)
        {
            int best = 0;
            for (int c = 1; c < 3; c++) if (ovr[i, c] > ovr[i, best]) best = c;
            Assert.Equal(y[i], svc.Classes[best]);
        }
    }

    [Fact]
    public void IterationLimitIsReported()
    {
        var (k, y) = ThreeClasses();
        var limited = new SupportVectorClassifier(new() { MaxIterations = 1 }).Fit(k, y);
        Assert.False(limited.Converged);
        Assert.All(limited.Iterations, n => Assert.Equal(1, n));
        Assert.True(new SupportVectorClassifier().Fit(k, y).Converged);
    }

    [Fact]
    public void BadInputIsRefusedClearly()
    {
        var (k, y) = ThreeClasses();
        Assert.Throws<ArgumentException>(() => new SupportVectorClassifier().Fit(k, [1, 1, 1, 1, 1, 1]));
        Assert.Throws<ArgumentException>(() => new SupportVectorClassifier().Fit(new double[3, 4], [0, 1, 0]));
        Assert.Throws<ArgumentException>(() => new SupportVectorClassifier().Fit(k, [0, 1]));
        var nan = (double[,])k.Clone();
        nan[1, 2] = double.NaN;
        Assert.Throws<ArgumentException>(() => new SupportVectorClassifier().Fit(nan, y));
        var svc = new SupportVectorClassifier().Fit(k, y);
        Assert.Throws<ArgumentException>(() => svc.Predict(new double[2, 5]));
        Assert.Throws<InvalidOperationException>(() => new SupportVectorClassifier().Predict(k));
        Assert.Throws<InvalidOperationException>(() => _ = new SupportVectorRegressor().Intercept);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SupportVectorClassifier(new() { C = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SupportVectorRegressor(new() { Epsilon = -1 }));
        Assert.Throws<ArgumentException>(() => new SupportVectorRegressor().Fit(k, [1.0, 2.0, double.NaN, 0, 0, 0]));
    }

    [Fact]
    public void RegressorFitsASmoothFunction()
    {
        var x = Enumerable.Range(0, 40).Select(i => new[] { i / 10.0 }).ToArray();
        var t = x.Select(v => Math.Sin(v[0])).ToArray();
        var kernel = new RbfKernel(1.0);
        var svr = new SupportVectorRegressor(new() { C = 10, Epsilon = 0.01 }).Fit(kernel.Matrix(x), t);
        Assert.True(svr.Score(kernel.Matrix(x), t) > 0.99);
        Assert.True(svr.Converged);
    }
}
