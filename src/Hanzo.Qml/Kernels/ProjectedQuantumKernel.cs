using System.Runtime.CompilerServices;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Kernels;

/// <summary>
/// The projected quantum kernel of Huang et al. (2021): k(x, z) = exp(−γ Σₖ ‖ρₖ(x) − ρₖ(z)‖²_F) over the one-qubit
/// reduced density matrices ρₖ of the encoded state. With ρ = ½(I + ⟨X⟩X + ⟨Y⟩Y + ⟨Z⟩Z),
/// ‖ρ − σ‖²_F = ½ Σ_{P∈{X,Y,Z}} (⟨P⟩_ρ − ⟨P⟩_σ)², so the kernel is an RBF kernel with γ/2 on the 3n expectation values —
/// it stays informative as qubits grow, where the fidelity kernel concentrates towards the identity.
/// </summary>
/// <remarks>
/// <para><b>Default γ.</b> γ = <see cref="GammaFactor"/> · 2 / (Var · n_features), with Var the population variance of
/// all 3n·N expectation values of the training samples and n_features = <see cref="IEncoding.NumFeatures"/>. With the
/// ½ of the Frobenius norm this makes the kernel exp(−Σₖ Σ_P Δ⟨P⟩² / (Var · n_features)), exactly the default of
/// XanaduAI/qml-benchmarks' <c>ProjectedQuantumKernel</c> (<c>gamma_factor</c> = 1; their grid is 0.1, 1, 10). Unlike
/// that code, the variance is always taken over the training samples, also for the test×train matrix. A variance of 0
/// gives a base γ of 1.</para>
/// <para>Each state is simulated once; its 3n expectation values are all the kernel needs.</para>
/// </remarks>
public sealed class ProjectedQuantumKernel : IQuantumKernel
{
    private readonly Lazy<EncodingProgram> _program;

    /// <summary>Creates the kernel of <paramref name="encoding"/>.</summary>
    /// <param name="encoding">The feature map.</param>
    /// <param name="gamma">Base γ; null for the training-data default (see the remarks).</param>
    /// <param name="gammaFactor">Multiplies the base γ (qml-benchmarks' <c>gamma_factor</c>).</param>
    /// <param name="simulator">Simulator settings; null for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">When γ or the factor is negative or not finite.</exception>
    public ProjectedQuantumKernel(IEncoding encoding, double? gamma = null, double gammaFactor = 1.0, SimulatorOptions? simulator = null)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        if (gamma is double g && (!double.IsFinite(g) || g < 0)) throw new ArgumentOutOfRangeException(nameof(gamma), g, "γ must be a finite number ≥ 0 (or null for the default).");
        if (!double.IsFinite(gammaFactor) || gammaFactor < 0) throw new ArgumentOutOfRangeException(nameof(gammaFactor), gammaFactor, "The γ factor must be a finite number ≥ 0.");
        Encoding = encoding;
        Gamma = gamma;
        GammaFactor = gammaFactor;
        Simulator = simulator ?? SimulatorOptions.Default;
        _program = new Lazy<EncodingProgram>(() => new EncodingProgram(encoding, Simulator), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public IEncoding Encoding { get; }

    /// <inheritdoc />
    public int NumQubits => Encoding.NumQubits;

    /// <summary>Base γ, or null while it is still to be derived from training data.</summary>
    public double? Gamma { get; }

    /// <summary>Factor applied to the base γ.</summary>
    public double GammaFactor { get; }

    /// <summary>The γ in force (factor included), or null while unresolved.</summary>
    public double? EffectiveGamma => Gamma * GammaFactor;

    /// <summary>Simulator settings.</summary>
    public SimulatorOptions Simulator { get; }

    /// <inheritdoc />
    public string Name => "projected";

    /// <inheritdoc />
    public bool IsResolved => Gamma is not null;

    /// <summary>
    /// The 3n expectation values of one sample's state, ordered [⟨X₀⟩…⟨X_{n−1}⟩, ⟨Y₀⟩…, ⟨Z₀⟩…] (qml-benchmarks' order).
    /// </summary>
    public double[] Expectations(ReadOnlySpan<double> x)
    {
        KernelInput.Vector(x, nameof(x), Encoding.NumFeatures);
        var result = new double[3 * NumQubits];
        using var state = StateVector.Zero(NumQubits, Simulator);
        _program.Value.Prepare(state, x, new DiagonalBlock.Scratch());
        OneQubitExpectations(state, result);
        return result;
    }

    /// <summary>The expectation values of every sample (one state simulation each, all cores).</summary>
    public double[][] Expectations(IReadOnlyList<double[]> samples, CancellationToken cancellationToken = default)
    {
        KernelInput.Rows(samples, nameof(samples), Encoding.NumFeatures);
        return ExpectationsOf(samples, null, cancellationToken);
    }

    /// <summary>The default base γ = 2 / (Var(all values) · numFeatures) (1 when the variance is 0).</summary>
    public static double DefaultGamma(IReadOnlyList<double[]> expectations, int numFeatures)
    {
        ArgumentNullException.ThrowIfNull(expectations);
        if (expectations.Count == 0) throw new ArgumentException("At least one sample is needed.", nameof(expectations));
        if (numFeatures < 1) throw new ArgumentOutOfRangeException(nameof(numFeatures), numFeatures, "At least one feature.");
        double variance = KernelInput.Variance(expectations);
        return variance == 0 ? 1.0 : 2.0 / (variance * numFeatures);
    }

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> z)
    {
        if (!IsResolved) throw new InvalidOperationException("γ is derived from the training data by default; call FitTo(training) first, or give γ.");
        var ex = Expectations(x);
        var ez = Expectations(z);
        return Entry(ex, ez, EffectiveGamma!.Value);
    }

    /// <inheritdoc />
    public double[,] Matrix(IReadOnlyList<double[]> samples, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        KernelInput.Rows(samples, nameof(samples), Encoding.NumFeatures);
        var e = ExpectationsOf(samples, progress is null ? null : f => progress.Report(0.5 * f), cancellationToken);
        double gamma = (Gamma ?? DefaultGamma(e, Encoding.NumFeatures)) * GammaFactor;
        return PairwiseMatrix.Compute(e, e, true, (a, b) => Entry(a, b, gamma), progress, cancellationToken, 0.5, 0.5);
    }

    /// <inheritdoc />
    public double[,] Matrix(IReadOnlyList<double[]> samples, IReadOnlyList<double[]> training, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        KernelInput.Rows(samples, nameof(samples), Encoding.NumFeatures);
        KernelInput.Rows(training, nameof(training), Encoding.NumFeatures);
        var es = ExpectationsOf(samples, progress is null ? null : f => progress.Report(0.25 * f), cancellationToken);
        var et = ExpectationsOf(training, progress is null ? null : f => progress.Report(0.25 + 0.25 * f), cancellationToken);
        double gamma = (Gamma ?? DefaultGamma(et, Encoding.NumFeatures)) * GammaFactor;
        return PairwiseMatrix.Compute(es, et, false, (a, b) => Entry(a, b, gamma), progress, cancellationToken, 0.5, 0.5);
    }

    /// <summary>This kernel with the base γ derived from <paramref name="training"/> (itself when γ is already fixed).</summary>
    public IQuantumKernel FitTo(IReadOnlyList<double[]> training)
    {
        if (IsResolved) return this;
        KernelInput.Rows(training, nameof(training), Encoding.NumFeatures);
        var e = ExpectationsOf(training, null, CancellationToken.None);
        return new ProjectedQuantumKernel(Encoding, DefaultGamma(e, Encoding.NumFeatures), GammaFactor, Simulator);
    }

    IKernel IKernel.FitTo(IReadOnlyList<double[]> training) => FitTo(training);

    /// <inheritdoc />
    public override string ToString() => $"ProjectedQuantumKernel({Encoding}, gamma={(Gamma is double g ? g.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "default")}, factor={GammaFactor})";

    /// <summary>exp(−γ · ½ Σ (a − b)²): the ½ is the Frobenius norm's (see the class summary).</summary>
    private static double Entry(double[] a, double[] b, double gamma) => Math.Exp(-gamma * 0.5 * PairwiseMatrix.SquaredDistance(a, b));

    private double[][] ExpectationsOf(IReadOnlyList<double[]> samples, Action<double>? progress, CancellationToken cancellationToken)
    {
        var result = new double[samples.Count][];
        int done = 0;
        const int group = 4;
        StateBatch.Run(_program.Value, samples, group, Simulator, (first, states, count) =>
        {
            for (int i = 0; i < count; i++)
            {
                var e = new double[3 * NumQubits];
                OneQubitExpectations(states[i], e);
                result[first + i] = e;
            }
        }, progress is null ? null : () => progress(Math.Min(1.0, (double)Interlocked.Add(ref done, group) / samples.Count)), cancellationToken);
        return result;
    }

    /// <summary>⟨X_k⟩, ⟨Y_k⟩, ⟨Z_k⟩ of every wire from the amplitude pairs that differ in the wire's bit: with
    /// c = Σ conj(a₀)a₁, ⟨X⟩ = 2 Re c, ⟨Y⟩ = 2 Im c, ⟨Z⟩ = Σ|a₀|² − |a₁|².</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void OneQubitExpectations(StateVector state, double[] result)
    {
        int n = state.NumQubits;
        double* s = state.Data;
        long length = state.Length;
        for (int wire = 0; wire < n; wire++)
        {
            long bit = 1L << (n - 1 - wire);
            double re = 0, im = 0, z = 0;
            for (long i = 0; i < length; i++)
            {
                if ((i & bit) != 0) continue;
                long j = i | bit;
                double a0r = s[2 * i], a0i = s[2 * i + 1], a1r = s[2 * j], a1i = s[2 * j + 1];
                re += a0r * a1r + a0i * a1i;
                im += a0r * a1i - a0i * a1r;
                z += a0r * a0r + a0i * a0i - a1r * a1r - a1i * a1i;
            }
            result[wire] = 2 * re;
            result[n + wire] = 2 * im;
            result[2 * n + wire] = z;
        }
    }
}
