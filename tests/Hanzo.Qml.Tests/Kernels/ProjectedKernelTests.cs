using System.Numerics;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Tests.Kernels;

/// <summary>The projected quantum kernel against a direct computation from reduced density matrices.</summary>
public class ProjectedKernelTests
{
    private static readonly StatevectorSimulator Simulator = new();

    /// <summary>ρₖ by an explicit partial trace of |ψ⟩⟨ψ| over every wire but k (2×2, row-major).</summary>
    private static Complex[] ReducedDensityMatrix(Complex[] psi, int n, int wire)
    {
        var rho = new Complex[4];
        int bit = n - 1 - wire;
        // Partial trace: ρ[a, b] = Σ over the other bits r of ψ(a, r)·conj(ψ(b, r)).
        for (int i = 0; i < psi.Length; i++)
        {
            int a = (i >> bit) & 1;
            for (int b = 0; b < 2; b++)
            {
                int j = (i & ~(1 << bit)) | (b << bit);
                rho[2 * a + b] += psi[i] * Complex.Conjugate(psi[j]);
            }
        }
        return rho;
    }

    private static double DirectKernel(IEncoding e, double[] x, double[] z, double gamma)
    {
        var c = e.ToCircuit();
        using var sx = Simulator.Run(c, [], x);
        using var sz = Simulator.Run(c, [], z);
        var px = sx.ToArray();
        var pz = sz.ToArray();
        double sum = 0;
        for (int k = 0; k < e.NumQubits; k++)
        {
            var rx = ReducedDensityMatrix(px, e.NumQubits, k);
            var rz = ReducedDensityMatrix(pz, e.NumQubits, k);
            for (int t = 0; t < 4; t++) sum += Complex.Abs(rx[t] - rz[t]) * Complex.Abs(rx[t] - rz[t]);   // ‖ρ − σ‖²_F
        }
        return Math.Exp(-gamma * sum);
    }

    private static double[][] Samples(int count, int features, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, features).Select(_ => (rng.NextDouble() - 0.5) * Math.PI).ToArray())];
    }

    [Theory]
    [InlineData("iqp", 3)]
    [InlineData("zz", 4)]
    [InlineData("angle", 5)]
    [InlineData("pauli", 3)]
    [InlineData("iqp", 11)]
    public void FixedGammaMatchesReducedDensityMatrices(string name, int n)
    {
        var e = EncodingFactory.Create(name, n, EncodingOptions.Default with { Paulis = ["X", "YZ"] });
        var x = Samples(6, e.NumFeatures, n);
        var xt = Samples(3, e.NumFeatures, -n);
        var kernel = new ProjectedQuantumKernel(e, gamma: 0.7, gammaFactor: 1.5);
        var k = kernel.Matrix(x);
        var kt = kernel.Matrix(xt, x);
        for (int i = 0; i < x.Length; i++)
            for (int j = 0; j < x.Length; j++) Assert.Equal(DirectKernel(e, x[i], x[j], 1.05), k[i, j], 1e-12);
        for (int i = 0; i < xt.Length; i++)
            for (int j = 0; j < x.Length; j++) Assert.Equal(DirectKernel(e, xt[i], x[j], 1.05), kt[i, j], 1e-12);
        Assert.Equal(DirectKernel(e, xt[0], x[1], 1.05), kernel.Evaluate(xt[0], x[1]), 1e-12);
    }

    [Fact]
    public void ExpectationsAreThePauliExpectationValues()
    {
        var e = new IqpEncoding(3, 2);
        var x = new[] { 0.3, -1.1, 2.0 };
        var values = new ProjectedQuantumKernel(e).Expectations(x);
        var c = e.ToCircuit();
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(Simulator.Expectation(c, Hanzo.Qml.Circuits.Hamiltonian.Parse($"X{k}"), [], x), values[k], 1e-12);
            Assert.Equal(Simulator.Expectation(c, Hanzo.Qml.Circuits.Hamiltonian.Parse($"Y{k}"), [], x), values[3 + k], 1e-12);
            Assert.Equal(Simulator.Expectation(c, Hanzo.Qml.Circuits.Hamiltonian.Parse($"Z{k}"), [], x), values[6 + k], 1e-12);
        }
    }

    [Fact]
    public void DefaultGammaIsQmlBenchmarksDefault()
    {
        var e = new IqpEncoding(4, 1);
        var x = Samples(10, 4, 7);
        var xt = Samples(3, 4, 8);
        var kernel = new ProjectedQuantumKernel(e);
        Assert.False(kernel.IsResolved);
        Assert.Throws<InvalidOperationException>(() => kernel.Evaluate(x[0], x[1]));
        var ex = kernel.Expectations(x);
        var all = ex.SelectMany(v => v).ToArray();
        double mean = all.Average(), variance = all.Select(v => (v - mean) * (v - mean)).Average();
        double qmlBenchmarksGamma = 1 / variance / 4;   // their kernel: exp(−γ' Σ_k Σ_P Δ²), γ' = 1/(Var·n_features)
        var k = kernel.Matrix(x);
        var kt = kernel.Matrix(xt, x);   // γ from the training set (the second argument)
        var ext = kernel.Expectations(xt);
        for (int i = 0; i < x.Length; i++)
            for (int j = 0; j < x.Length; j++)
                Assert.Equal(Math.Exp(-qmlBenchmarksGamma * ex[i].Zip(ex[j], (a, b) => (a - b) * (a - b)).Sum()), k[i, j], 1e-12);
        for (int i = 0; i < xt.Length; i++)
            for (int j = 0; j < x.Length; j++)
                Assert.Equal(Math.Exp(-qmlBenchmarksGamma * ext[i].Zip(ex[j], (a, b) => (a - b) * (a - b)).Sum()), kt[i, j], 1e-12);
        var fitted = (ProjectedQuantumKernel)kernel.FitTo(x);
        Assert.Equal(2 * qmlBenchmarksGamma, fitted.EffectiveGamma!.Value, 1e-12);
        Assert.Equal(kt[1, 2], fitted.Evaluate(xt[1], x[2]), 1e-12);
    }
}
