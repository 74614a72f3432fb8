using Hanzo.Qml.Encodings;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Kernels;

/// <summary>
/// The fidelity (state-overlap) quantum kernel K(x, z) = |⟨ψ(x)|ψ(z)⟩|², |ψ(x)⟩ = U(x)|0…0⟩ for any
/// <see cref="IEncoding"/> — Qiskit's <c>FidelityStatevectorKernel</c>, PennyLane's <c>kernel_matrix</c> of
/// <c>embedding; adjoint(embedding); probs[0]</c>.
/// </summary>
/// <remarks>
/// <para><b>Cost.</b> A matrix never simulates N² circuits: each sample's state is prepared once (all cores, diagonal
/// gate runs fused into one phase pass), stored as a row of Ψ, and the matrix is |Ψ Ψᴴ|² by a blocked complex product
/// with an AVX-512 micro-kernel. The train×train matrix computes only the upper triangle. Ψ takes 16·2ⁿ bytes per
/// sample (1 MiB at 16 qubits) and must fit in <see cref="SimulatorOptions.MemoryBudgetBytes"/>; otherwise a
/// <see cref="StateTooLargeException"/> says how much is needed.</para>
/// <para><b>Diagonal.</b> Every encoded state is normalised (circuits are unitary; amplitude encoding normalises), so
/// the train×train diagonal is set to exactly 1, as Qiskit's default <c>evaluate_duplicates="off_diagonal"</c>; the
/// computed value differs from 1 only by rounding (≈1e-15). Off-diagonal duplicates are computed like any pair.</para>
/// <para><b>Shots.</b> With <see cref="FidelityKernelOptions.Shots"/> set, entries are finite-shot estimates (see there).</para>
/// </remarks>
public sealed class FidelityKernel : IQuantumKernel
{
    private readonly Lazy<EncodingProgram> _program;

    /// <summary>Creates the kernel of <paramref name="encoding"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <see cref="FidelityKernelOptions.Shots"/> is not positive.</exception>
    public FidelityKernel(IEncoding encoding, FidelityKernelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        Options = options ?? FidelityKernelOptions.Default;
        if (Options.Shots is int s && s < 1) throw new ArgumentOutOfRangeException(nameof(options), s, "Shots must be at least 1 (or null for exact values).");
        Encoding = encoding;
        _program = new Lazy<EncodingProgram>(() => new EncodingProgram(encoding, Simulator), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public IEncoding Encoding { get; }

    /// <summary>The settings.</summary>
    public FidelityKernelOptions Options { get; }

    /// <inheritdoc />
    public int NumQubits => Encoding.NumQubits;

    /// <summary>Number of features a sample must have.</summary>
    public int NumFeatures => Encoding.NumFeatures;

    /// <inheritdoc />
    public string Name => "fidelity";

    /// <inheritdoc />
    public bool IsResolved => true;

    private SimulatorOptions Simulator => Options.Simulator ?? SimulatorOptions.Default;

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> z)
    {
        KernelInput.Vector(x, nameof(x), NumFeatures);
        KernelInput.Vector(z, nameof(z), NumFeatures);
        var program = _program.Value;
        var scratch = new DiagonalBlock.Scratch();
        using var sx = StateVector.Zero(NumQubits, Simulator);
        using var sz = StateVector.Zero(NumQubits, Simulator);
        program.Prepare(sx, x, scratch);
        program.Prepare(sz, z, scratch);
        double k = Squared(sx.InnerProduct(sz));
        return Options.Shots is int shots ? ShotNoise.Estimate(k, shots, ShotNoise.Generator(Options.Seed, ShotNoise.PairStream)) : k;
    }

    /// <inheritdoc />
    /// <remarks>Entries are exact to rounding (≈1e-15); the diagonal is exactly 1 (see the class remarks).</remarks>
    public double[,] Matrix(IReadOnlyList<double[]> samples, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        KernelInput.Rows(samples, nameof(samples), NumFeatures);
        int n = samples.Count;
        var tracker = new ProgressTracker(progress, StateShare(n, n, symmetric: true), n, GramProduct.SymmetricTileCount(n));
        using var psi = States(samples, extraBytes: 0, tracker, cancellationToken);
        var k = new double[n, n];
        GramProduct.Symmetric(psi, k, tracker.TileDone, cancellationToken);
        for (int i = 0; i < n; i++) k[i, i] = 1.0;
        if (Options.Shots is int shots) ShotNoise.ApplySymmetric(k, shots, ShotNoise.Generator(Options.Seed, ShotNoise.TrainStream));
        tracker.Finish();
        return k;
    }

    /// <inheritdoc />
    public double[,] Matrix(IReadOnlyList<double[]> samples, IReadOnlyList<double[]> training, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        KernelInput.Rows(samples, nameof(samples), NumFeatures);
        KernelInput.Rows(training, nameof(training), NumFeatures);
        int n = samples.Count, m = training.Count;
        var tracker = new ProgressTracker(progress, StateShare(n, m, symmetric: false), n + m, GramProduct.CrossTileCount(n, m));
        using var a = States(samples, StateMatrix.BytesFor(m, NumQubits), tracker, cancellationToken);
        using var b = States(training, a.ByteCount, tracker, cancellationToken);
        var k = new double[n, m];
        GramProduct.Cross(a, b, k, tracker.TileDone, cancellationToken);
        if (Options.Shots is int shots) ShotNoise.Apply(k, shots, ShotNoise.Generator(Options.Seed, ShotNoise.CrossStream));
        tracker.Finish();
        return k;
    }

    /// <summary>The kernel has no data-dependent hyperparameter: returns itself.</summary>
    public IQuantumKernel FitTo(IReadOnlyList<double[]> training) => this;

    IKernel IKernel.FitTo(IReadOnlyList<double[]> training) => this;

    /// <inheritdoc />
    public override string ToString() => $"FidelityKernel({Encoding}{(Options.Shots is int s ? $", {s} shots, seed {Options.Seed}" : "")})";

    /// <summary>Prepares every sample's state once and packs them as the rows of Ψ.</summary>
    internal StateMatrix States(IReadOnlyList<double[]> samples, long extraBytes, ProgressTracker? tracker, CancellationToken cancellationToken)
    {
        const int group = StateMatrix.GroupSize;
        var psi = StateMatrix.Allocate(samples.Count, NumQubits, extraBytes + StateBatch.WorkingBytes(NumQubits, group, samples.Count), Simulator);
        try
        {
            StateBatch.Run(_program.Value, samples, group, Simulator, (first, states, count) => psi.StoreGroup(first / group, states, count),
                tracker is null ? null : () => tracker.StatesDone(group), cancellationToken);
            return psi;
        }
        catch
        {
            psi.Dispose();
            throw;
        }
    }

    private static double Squared(System.Numerics.Complex c) => c.Real * c.Real + c.Imaginary * c.Imaginary;

    /// <summary>Share of the work spent preparing states: ≈ gates·2ⁿ per state against 4 (symmetric) or 8 flop per pair and amplitude.</summary>
    private double StateShare(int rows, int columns, bool symmetric)
    {
        double gates = Math.Max(1, _program.Value.Circuit.Count);
        double states = (symmetric ? rows : rows + columns) * gates * 2;
        double gram = (symmetric ? 4.0 : 8.0) * rows * columns;
        return states / (states + gram);
    }
}
