using Hanzo.Qml.Optimization;

namespace Hanzo.Qml.Tests.Optimization;

/// <summary>
/// COBYLA on the test set of docs/OPTIMIZERS.md: problems with known solutions, each with the tolerance stated there.
/// Powell's problems are those of his 1994 paper and test driver (numbered as there).
/// </summary>
public class CobylaTests
{
    private static readonly Cobyla Precise = new(new CobylaOptions { InitialTrustRadius = 0.5, FinalTrustRadius = 1e-8, MaxEvaluations = 5000 });

    private static void AssertPoint(double[] expected, double[] actual, double tol)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol, $"x[{i}] = {actual[i]}, expected {expected[i]} ± {tol}");
    }

    [Fact]
    public void RosenbrockUnconstrained2D()
    {
        // The curved valley lets linear models advance only about ρ per step and ρ never grows, so COBYLA needs
        // tens of thousands of evaluations here: the price of its linear models on a problem made for quadratic ones.
        var cobyla = new Cobyla(new CobylaOptions { InitialTrustRadius = 0.5, FinalTrustRadius = 1e-8, MaxEvaluations = 80_000 });
        var r = cobyla.Minimize(x => 100 * Math.Pow(x[1] - x[0] * x[0], 2) + Math.Pow(1 - x[0], 2), [-1.2, 1.0]);
        AssertPoint([1, 1], r.Point, 1e-4);
        Assert.Equal(ConvergenceReason.ToleranceReached, r.Reason);
    }

    [Fact]
    public void ConvexQuadraticWithLinearInequalities()
    {
        // min (x−2)² + (y−1)² s.t. x + y ≤ 1, x ≥ 0: the projection of (2, 1) onto the half-plane, (1, 0), f = 2.
        var r = Precise.Minimize(x => Math.Pow(x[0] - 2, 2) + Math.Pow(x[1] - 1, 2), [x => 1 - x[0] - x[1], x => x[0]], [0.0, 0.0]);
        AssertPoint([1, 0], r.Point, 1e-6);
        Assert.Equal(2, r.Value, 1e-6);
        Assert.True(r.MaxConstraintViolation <= 1e-10);

        // min Σ(xᵢ − 1)² s.t. x₀ + x₁ + x₂ ≤ 1, started infeasible: (⅓, ⅓, ⅓).
        var r3 = Precise.Minimize(x => x.Sum(v => (v - 1) * (v - 1)), [x => 1 - x.Sum()], [2.0, 2.0, 2.0]);
        AssertPoint([1.0 / 3, 1.0 / 3, 1.0 / 3], r3.Point, 1e-6);
        Assert.True(r3.MaxConstraintViolation <= 1e-10);
    }

    [Fact]
    public void UnitDisk()
    {
        var r = Precise.Minimize(x => x[0] + x[1], [x => 1 - x[0] * x[0] - x[1] * x[1]], [0.0, 0.0]);
        AssertPoint([-Math.Sqrt(0.5), -Math.Sqrt(0.5)], r.Point, 1e-6);
        Assert.Equal(-Math.Sqrt(2), r.Value, 1e-9);
        Assert.True(r.MaxConstraintViolation <= 1e-10);
    }

    [Fact]
    public void InactiveConstraintChangesNothing()
    {
        var r = Precise.Minimize(x => Math.Pow(x[0] - 1, 2) + Math.Pow(x[1] - 2, 2), [x => 10 - x[0] - x[1]], [0.0, 0.0]);
        AssertPoint([1, 2], r.Point, 1e-6);
        Assert.Equal(0, r.MaxConstraintViolation);
    }

    public static IEnumerable<object[]> PowellProblems()
    {
        // (name, objective, constraints, start, solution, tolerance on x)
        yield return ["1 simple quadratic", (Func<double[], double>)(x => 10 * Math.Pow(x[0] + 1, 2) + x[1] * x[1]), Array.Empty<Func<double[], double>>(), new[] { 1.0, 1 }, new[] { -1.0, 0 }, 1e-6];
        yield return ["4 weak Rosenbrock", (Func<double[], double>)(x => Math.Pow(x[0] * x[0] - x[1], 2) + Math.Pow(1 + x[0], 2)), Array.Empty<Func<double[], double>>(), new[] { 1.0, 1 }, new[] { -1.0, 1 }, 1e-5];
        yield return ["5 intermediate Rosenbrock", (Func<double[], double>)(x => 10 * Math.Pow(x[0] * x[0] - x[1], 2) + Math.Pow(1 + x[0], 2)), Array.Empty<Func<double[], double>>(), new[] { 1.0, 1 }, new[] { -1.0, 1 }, 1e-5];
        yield return ["6 Fletcher (9.1.15)", (Func<double[], double>)(x => -x[0] - x[1]),
            new Func<double[], double>[] { x => x[1] - x[0] * x[0], x => 1 - x[0] * x[0] - x[1] * x[1] }, new[] { 1.0, 1 }, new[] { Math.Sqrt(0.5), Math.Sqrt(0.5) }, 1e-6];
        yield return ["7 Fletcher (14.4.2)", (Func<double[], double>)(x => x[2]),
            new Func<double[], double>[] { x => 5 * x[0] - x[1] + x[2], x => x[2] - x[0] * x[0] - x[1] * x[1] - 4 * x[1], x => x[2] - 5 * x[0] - x[1] },
            new[] { 1.0, 1, 1 }, new[] { 0.0, -3, -3 }, 1e-6];
        yield return ["8 Rosen–Suzuki", (Func<double[], double>)(x => x[0] * x[0] + x[1] * x[1] + 2 * x[2] * x[2] + x[3] * x[3] - 5 * x[0] - 5 * x[1] - 21 * x[2] + 7 * x[3]),
            new Func<double[], double>[]
            {
                x => 8 - x[0] * x[0] - x[1] * x[1] - x[2] * x[2] - x[3] * x[3] - x[0] + x[1] - x[2] + x[3],
                x => 10 - x[0] * x[0] - 2 * x[1] * x[1] - x[2] * x[2] - 2 * x[3] * x[3] + x[0] + x[3],
                x => 5 - 2 * x[0] * x[0] - x[1] * x[1] - x[2] * x[2] - 2 * x[0] + x[1] + x[3],
            },
            new[] { 1.0, 1, 1, 1 }, new[] { 0.0, 1, 2, -1 }, 1e-6];
        yield return ["9 Hock–Schittkowski 100", (Func<double[], double>)(x => Math.Pow(x[0] - 10, 2) + 5 * Math.Pow(x[1] - 12, 2) + Math.Pow(x[2], 4) + 3 * Math.Pow(x[3] - 11, 2)
                + 10 * Math.Pow(x[4], 6) + 7 * x[5] * x[5] + Math.Pow(x[6], 4) - 4 * x[5] * x[6] - 10 * x[5] - 8 * x[6]),
            new Func<double[], double>[]
            {
                x => 127 - 2 * x[0] * x[0] - 3 * Math.Pow(x[1], 4) - x[2] - 4 * x[3] * x[3] - 5 * x[4],
                x => 282 - 7 * x[0] - 3 * x[1] - 10 * x[2] * x[2] - x[3] + x[4],
                x => 196 - 23 * x[0] - x[1] * x[1] - 6 * x[5] * x[5] + 8 * x[6],
                x => -4 * x[0] * x[0] - x[1] * x[1] + 3 * x[0] * x[1] - 2 * x[2] * x[2] - 5 * x[5] + 11 * x[6],
            },
            new[] { 1.0, 2, 0, 4, 0, 1, 1 }, new[] { 2.330499, 1.951372, -0.4775414, 4.365726, -0.6244870, 1.038131, 1.594227 }, 1e-5];
    }

    [Theory]
    [MemberData(nameof(PowellProblems))]
    public void PowellTestProblems(string name, Func<double[], double> f, Func<double[], double>[] constraints, double[] start, double[] solution, double tol)
    {
        var r = Precise.Minimize(f, constraints, start);
        Assert.True(r.Reason == ConvergenceReason.ToleranceReached, $"{name}: stopped with {r.Reason}");
        AssertPoint(solution, r.Point, tol);
        Assert.True(r.MaxConstraintViolation <= 1e-9, $"{name}: violation {r.MaxConstraintViolation}");
    }

    [Fact]
    public void PowellCircleAndEllipsoid()
    {
        // Problem 2: min xy on the unit disk, f = −½ at ±(√½, −√½). Problem 3: min xyz on x² + 2y² + 3z² ≤ 1,
        // f = −1/(9√2) at |x| = 1/√3, |y| = 1/√6, |z| = 1/3.
        var r2 = Precise.Minimize(x => x[0] * x[1], [x => 1 - x[0] * x[0] - x[1] * x[1]], [1.0, 1.0]);
        Assert.Equal(-0.5, r2.Value, 1e-9);
        AssertPoint([Math.Sqrt(0.5), Math.Sqrt(0.5)], [Math.Abs(r2.Point[0]), Math.Abs(r2.Point[1])], 1e-6);
        var r3 = Precise.Minimize(x => x[0] * x[1] * x[2], [x => 1 - x[0] * x[0] - 2 * x[1] * x[1] - 3 * x[2] * x[2]], [1.0, 1.0, 1.0]);
        Assert.Equal(-1 / (9 * Math.Sqrt(2)), r3.Value, 1e-9);
        AssertPoint([1 / Math.Sqrt(3), 1 / Math.Sqrt(6), 1.0 / 3], r3.Point.Select(Math.Abs).ToArray(), 1e-6);
    }

    [Fact]
    public void BudgetCancellationProgressAndDeterminism()
    {
        var cobyla = new Cobyla(new CobylaOptions { MaxEvaluations = 30 });
        Func<double[], double> rosen = x => 100 * Math.Pow(x[1] - x[0] * x[0], 2) + Math.Pow(1 - x[0], 2);
        double[] start = [-1.2, 1.0];
        int reports = 0;
        var r = cobyla.Minimize(rosen, start, default, new SyncProgress(_ => reports++));
        Assert.Equal(ConvergenceReason.MaxEvaluations, r.Reason);
        Assert.True(r.Evaluations <= 30);
        Assert.Equal(r.Iterations, reports);
        Assert.Equal(r.Iterations, r.History.Count);
        Assert.Equal([-1.2, 1.0], start);
        Assert.Equal(r.Point, cobyla.Minimize(rosen, start).Point);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => cobyla.Minimize(rosen, start, cts.Token));
    }

    [Fact]
    public void BadInputIsRefusedClearly()
    {
        Assert.Contains("FinalTrustRadius", Assert.Throws<ArgumentOutOfRangeException>(() => new Cobyla(new CobylaOptions { InitialTrustRadius = 0.1, FinalTrustRadius = 0.2 })).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Cobyla(new CobylaOptions { InitialTrustRadius = -1 }));
        Assert.Throws<ArgumentException>(() => Precise.Minimize(x => x[0], []));
        Assert.Throws<ArgumentException>(() => Precise.Minimize(x => x[0], [double.NaN]));
        var e = Assert.Throws<InvalidOperationException>(() => Precise.Minimize(x => x[0] > 0.2 ? double.NaN : x[0] * x[0], [0.0]));
        Assert.Contains("NaN", e.Message);
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

internal sealed class SyncProgress(Action<OptimizationStep> report) : IProgress<OptimizationStep>
{
    public void Report(OptimizationStep value) => report(value);
}
