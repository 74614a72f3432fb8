using System.Globalization;
using Hanzo.Qml.Classical;
using Hanzo.Qml.Classical.Svm;
using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Benchmark.Models;

/// <summary>The RBF-kernel ε-SVR baseline, "rbf_svr" (<see cref="SupportVectorRegressor"/> on an RBF kernel matrix).</summary>
/// <remarks>
/// Default: C = 1, ε = 0.1, γ = "scale" (1 / (d·Var X), scikit-learn's default). The targets are standardised before
/// fitting and the predictions mapped back, so ε and C mean the same on every dataset whatever the target units.
/// Grid (9): C ∈ {0.1, 1, 10} × γ factor ∈ {0.3, 1, 3} around "scale".
/// </remarks>
public sealed class RbfSvrBenchmarkModel : IRegressionBenchmarkModel
{
    private static readonly double[] Cs = [0.1, 1, 10];
    private static readonly double[] GammaFactors = [0.3, 1, 3];

    /// <inheritdoc />
    public string Name => "rbf_svr";

    /// <inheritdoc />
    public string DisplayName => "RBF-SVR";

    /// <inheritdoc />
    public bool IsQuantum => false;

    /// <inheritdoc />
    public string Describe(BenchmarkModelContext context) => "ε-SVR with an RBF kernel: C = 1, ε = 0.1 on standardised targets, γ = scale";

    /// <inheritdoc />
    public int? InputWidth(BenchmarkModelContext context) => null;

    /// <inheritdoc />
    public IRegressorFactory Default(BenchmarkModelContext context) => new Factory(1, 1);

    /// <inheritdoc />
    public IReadOnlyList<IRegressorFactory> Grid(BenchmarkModelContext context) =>
        [.. Cs.SelectMany(c => GammaFactors.Select(g => (IRegressorFactory)new Factory(c, g)))];

    /// <summary>Makes fresh RBF-SVRs.</summary>
    private sealed record Factory(double C, double GammaFactor) : IRegressorFactory
    {
        public IRegressor CreateRegressor() => new RbfSvr(C, GammaFactor);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"rbf_svr(C={C}, gamma_factor={GammaFactor})");
    }

    /// <summary>The kernel matrix, the standardised targets and the SMO solver behind one <see cref="IRegressor"/>.</summary>
    private sealed class RbfSvr(double c, double gammaFactor) : IRegressor
    {
        private SupportVectorRegressor? _svr;
        private double[][] _train = [];
        private double _gamma, _mean, _scale = 1;

        public string Name => "rbf_svr";

        public void Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            if (x.Count == 0 || x.Count != y.Count) throw new ArgumentException($"{x.Count} rows but {y.Count} targets.", nameof(y));
            _train = [.. x];
            _gamma = gammaFactor * KernelGamma.Scale.Resolve(_train);
            _mean = y.Average();
            double sd = Math.Sqrt(y.Sum(v => (v - _mean) * (v - _mean)) / y.Count);
            _scale = sd > 0 ? sd : 1;
            _svr = new SupportVectorRegressor(new SupportVectorRegressorOptions { C = c, Epsilon = 0.1 })
                .Fit(Kernel(_train, _train, _gamma), [.. y.Select(v => (v - _mean) / _scale)]);
        }

        public double[] Predict(IReadOnlyList<double[]> x)
        {
            var svr = _svr ?? throw new InvalidOperationException("The RBF-SVR is not fitted: call Fit first.");
            return [.. svr.Predict(Kernel(x, _train, _gamma)).Select(v => _mean + _scale * v)];
        }

        private static double[,] Kernel(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b, double gamma)
        {
            var k = new double[a.Count, b.Count];
            Parallel.For(0, a.Count, i =>
            {
                for (int j = 0; j < b.Count; j++)
                {
                    double d = 0;
                    for (int f = 0; f < a[i].Length; f++) { double t = a[i][f] - b[j][f]; d += t * t; }
                    k[i, j] = Math.Exp(-gamma * d);
                }
            });
            return k;
        }
    }
}
