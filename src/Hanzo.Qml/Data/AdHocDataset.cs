using System.Numerics;
using System.Numerics.Tensors;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Data;

/// <summary>How the ad hoc generator draws candidate points.</summary>
public enum AdHocSampling
{
    /// <summary>Grid for up to 3 features, uniform otherwise (the grid has gridPoints^n points).</summary>
    Auto,

    /// <summary>A regular grid of <see cref="AdHocOptions.GridPointsPerAxis"/> points per axis on [0, 2π) (endpoint excluded).</summary>
    Grid,

    /// <summary>Independent uniform points on [0, 2π)^n.</summary>
    Uniform,
}

/// <summary>Which observable labels the ad hoc points.</summary>
public enum AdHocObservable
{
    /// <summary>
    /// Havlíček et al.'s O = V†·Z^{⊗n}·V with a seeded Haar-random unitary V: the labels depend on the whole state, not
    /// on one basis, so the task is hard for classical models that do not know the feature map. Up to 8 features: beyond that
    /// the dense 2ⁿ × 2ⁿ unitary is costly to draw and apply, and |⟨O⟩| concentrates near 0 (≈ 2^(−n/2)), so only a
    /// tiny gap keeps enough points.
    /// </summary>
    RandomRotatedParity,

    /// <summary>The 2025 Qiskit simplification: plain parity O = Z^{⊗n} (no V). Any number of features.</summary>
    Parity,
}

/// <summary>Options of <see cref="AdHocDataset"/>.</summary>
public sealed record AdHocOptions
{
    /// <summary>Number of features = qubits n (2..16; 2..8 with <see cref="AdHocObservable.RandomRotatedParity"/>).</summary>
    public int NumFeatures { get; init; } = 2;

    /// <summary>Training points per class.</summary>
    public int TrainSizePerClass { get; init; } = 20;

    /// <summary>Test points per class.</summary>
    public int TestSizePerClass { get; init; } = 5;

    /// <summary>
    /// Separation gap: a point is kept only if |⟨O⟩| &gt; gap (default 0.3, the Qiskit tutorial's value for 2 qubits).
    /// |⟨O⟩| shrinks with the qubit count (about 2^(−n/2) for the rotated parity), so use a smaller gap (or 0, Qiskit's
    /// 2025 default) beyond 5 or 6 features; a gap that rejects nearly every point is reported, not waited out.
    /// </summary>
    public double Gap { get; init; } = 0.3;

    /// <summary>Seed of the random unitary and of the sampling.</summary>
    public long Seed { get; init; }

    /// <summary>How candidate points are drawn.</summary>
    public AdHocSampling Sampling { get; init; } = AdHocSampling.Auto;

    /// <summary>Grid points per axis; null for Qiskit's 100 (n = 2) or 20 (n = 3), 100 for n = 1 and 8 above.</summary>
    public int? GridPointsPerAxis { get; init; }

    /// <summary>The labelling observable.</summary>
    public AdHocObservable Observable { get; init; } = AdHocObservable.RandomRotatedParity;
}

/// <summary>Generated ad hoc data: disjoint train and test sets and the observable's value at every point.</summary>
/// <param name="Train">Training set (classes "-1" and "+1", index 1 ⇔ ⟨O⟩ &gt; gap), rows shuffled.</param>
/// <param name="Test">Test set, disjoint from <paramref name="Train"/>, rows shuffled.</param>
/// <param name="TrainExpectations">⟨O⟩ at each training row.</param>
/// <param name="TestExpectations">⟨O⟩ at each test row.</param>
public sealed record AdHocSplit(Dataset Train, Dataset Test, IReadOnlyList<double> TrainExpectations, IReadOnlyList<double> TestExpectations);

/// <summary>
/// The "ad hoc" dataset of Havlíček et al. (Nature 567, 209–212, 2019), built to be learnable by a ZZ-feature-map kernel:
/// features x ∈ [0, 2π)^n, state |Φ(x)⟩ = U_Φ(x)·H^{⊗n}·U_Φ(x)·H^{⊗n}|0⟩ with U_Φ(x) = exp(i Σ_S φ_S(x) Π_{k∈S} Z_k),
/// φ_i = x_i and φ_ij = (π − x_i)(π − x_j) over all pairs i &lt; j; label +1 when ⟨Φ|O|Φ⟩ &gt; gap, −1 when &lt; −gap,
/// and the point is rejected in between.
/// </summary>
/// <remarks>
/// <para>The state is simulated gate by gate: H on every wire, RZ(−2x_i) = exp(i x_i Z) on every wire and
/// MultiRZ(−2φ_ij) = exp(i φ_ij Z⊗Z) on every pair, twice — exactly U_Φ, global phase included (see
/// <see cref="FeatureCircuit"/>). This is the complex conjugate of Qiskit's <c>ZZFeatureMap</c> circuit, which
/// implements exp(−iφ), so the fidelity kernels of the two are identical, as Qiskit's own generator intends.</para>
/// <para>Unlike Qiskit's sampler (which draws grid points with replacement, so train and test can share points), every
/// point here is drawn at most once: grid points are dealt from a shuffled pool without replacement, and uniform points
/// are de-duplicated; train and test are therefore disjoint by construction. Qiskit's n = 3 "majority" observable is not
/// reproduced (its 2025 version dropped it too); the random unitary is Haar-distributed (QR of a complex Gaussian matrix),
/// not Qiskit's eigenvectors of A†A, so points match Qiskit's in distribution, not bit for bit.</para>
/// </remarks>
public sealed class AdHocDataset
{
    private const int MaxRandomUnitaryFeatures = 8;
    private const int MaxFeatures = 16;

    private readonly (double[] Re, double[] Im)? _unitaryParts;
    private readonly StatevectorSimulator _simulator = new();

    /// <summary>Prepares the generator: the feature circuit and, for the rotated parity, the seeded random unitary.</summary>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public AdHocDataset(AdHocOptions? options = null)
    {
        Options = options ?? new AdHocOptions();
        int n = Options.NumFeatures;
        if (n < 2 || n > MaxFeatures)
            throw new ArgumentOutOfRangeException(nameof(options), n, $"The ad hoc dataset takes 2..{MaxFeatures} features; got {n}.");
        if (Options.Observable == AdHocObservable.RandomRotatedParity && n > MaxRandomUnitaryFeatures)
            throw new ArgumentOutOfRangeException(nameof(options), n,
                $"The rotated-parity observable is limited to {MaxRandomUnitaryFeatures} features (a dense {1 << n}×{1 << n} random unitary, and |⟨O⟩| ≈ 2^(−n/2) leaves almost no room for a gap); use Observable = Parity.");
        if (!Enum.IsDefined(Options.Observable)) throw new ArgumentOutOfRangeException(nameof(options), Options.Observable, "Unknown observable.");
        if (!Enum.IsDefined(Options.Sampling)) throw new ArgumentOutOfRangeException(nameof(options), Options.Sampling, "Unknown sampling method.");
        if (Options.TrainSizePerClass < 1) throw new ArgumentOutOfRangeException(nameof(options), Options.TrainSizePerClass, "At least one training point per class is needed.");
        if (Options.TestSizePerClass < 0) throw new ArgumentOutOfRangeException(nameof(options), Options.TestSizePerClass, "The test size cannot be negative.");
        if (!(Options.Gap >= 0 && Options.Gap < 1))
            throw new ArgumentOutOfRangeException(nameof(options), Options.Gap, "The gap must be in [0, 1): |⟨O⟩| never exceeds 1.");
        if (Options.GridPointsPerAxis is int g && g < 2)
            throw new ArgumentOutOfRangeException(nameof(options), g, "A grid needs at least 2 points per axis.");
        FeatureCircuit = BuildFeatureCircuit(n);
        if (Options.Observable == AdHocObservable.RandomRotatedParity)
        {
            var u = HaarUnitary(1 << n, new SeededRandom(SeededRandom.Derive(Options.Seed, 1)));
            int dim = 1 << n;
            var re = new double[dim * dim];
            var im = new double[dim * dim];
            for (int r = 0; r < dim; r++)
                for (int c = 0; c < dim; c++) { re[r * dim + c] = u[r, c].Real; im[r * dim + c] = u[r, c].Imaginary; }
            _unitaryParts = (re, im);
        }
    }

    /// <summary>The options in force.</summary>
    public AdHocOptions Options { get; }

    /// <summary>The feature map U_Φ(x)·H^{⊗n}·U_Φ(x)·H^{⊗n} as a circuit with n feature parameters.</summary>
    public Circuit FeatureCircuit { get; }

    /// <summary>Generates the dataset of <see cref="AdHocOptions"/> (convenience for <c>new AdHocDataset(options).Generate()</c>).</summary>
    public static AdHocSplit Generate(AdHocOptions options) => new AdHocDataset(options).Generate();

    /// <summary>|Φ(x)⟩ for one point.</summary>
    public Complex[] State(ReadOnlySpan<double> x)
    {
        CheckPoint(x);
        using var state = _simulator.Run(FeatureCircuit, default, x);
        return state.ToArray();
    }

    /// <summary>⟨Φ(x)|O|Φ(x)⟩ for one point.</summary>
    public double Expectation(ReadOnlySpan<double> x)
    {
        CheckPoint(x);
        using var state = _simulator.Run(FeatureCircuit, default, x);
        return Observe(state.Amplitudes);
    }

    /// <summary>⟨O⟩ for many points (in parallel; the result does not depend on the thread count).</summary>
    public double[] Expectations(IReadOnlyList<double[]> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        foreach (var p in points) CheckPoint(p);
        var result = new double[points.Count];
        if (points.Count == 0) return result;
        _simulator.ForEachSample(FeatureCircuit, [], points, points.Count, CancellationToken.None,
            (b, state) => result[b] = Observe(state.Amplitudes));
        return result;
    }

    /// <summary>Draws the train and test sets.</summary>
    /// <exception cref="InvalidOperationException">When too few points pass the gap (lower the gap or the sizes, or refine the grid).</exception>
    public AdHocSplit Generate()
    {
        int n = Options.NumFeatures;
        int perClass = Options.TrainSizePerClass + Options.TestSizePerClass;
        var rng = new SeededRandom(SeededRandom.Derive(Options.Seed, 2));
        bool grid = Options.Sampling == AdHocSampling.Grid || (Options.Sampling == AdHocSampling.Auto && n <= 3);
        var pools = new List<(double[] X, double E)>[] { [], [] };

        if (grid)
        {
            int g = Options.GridPointsPerAxis ?? (n == 2 ? 100 : n == 3 ? 20 : 8);
            long total = (long)Math.Pow(g, n);
            if (total > 2_000_000)
                throw new ArgumentException($"A grid of {g}^{n} = {total} points is too large to label; use uniform sampling or fewer points per axis.");
            var points = new double[total][];
            for (long p = 0; p < total; p++)
            {
                var x = new double[n];
                long rest = p;
                for (int k = n - 1; k >= 0; k--) { x[k] = 2 * Math.PI * (rest % g) / g; rest /= g; }
                points[p] = x;
            }
            var e = Expectations(points);
            for (int p = 0; p < points.Length; p++)
                if (Math.Abs(e[p]) > Options.Gap) pools[e[p] > 0 ? 1 : 0].Add((points[p], e[p]));
            for (int c = 0; c < 2; c++)
            {
                if (pools[c].Count < perClass)
                    throw new InvalidOperationException($"Only {pools[c].Count} of the {total} grid points have ⟨O⟩ {(c == 1 ? ">" : "<")} {(c == 1 ? "" : "−")}{Options.Gap}; {perClass} are needed for class {(c == 1 ? "+1" : "-1")}. Lower the gap or the sizes, or use more grid points.");
                var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pools[c]);
                rng.Shuffle(span);
                pools[c].RemoveRange(perClass, pools[c].Count - perClass);
            }
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            long drawn = 0, limit = 2000L * perClass + 100_000;
            const int batch = 256;
            double sumSquares = 0.0;
            while (pools[0].Count < perClass || pools[1].Count < perClass)
            {
                // |⟨O⟩| concentrates near 0 as n grows (typically ~2^(−n/2) for the rotated parity), so a gap that is
                // fine for 2 qubits can reject nearly everything at 8: project the draws needed and stop early.
                int slowest = Math.Min(pools[0].Count, pools[1].Count);
                double projected = drawn < 2048 ? 0 : drawn * (double)perClass / (slowest + 1);
                if (drawn >= limit || projected > limit)
                    throw new InvalidOperationException(
                        $"After {drawn} uniform draws only {pools[0].Count} (class -1) and {pools[1].Count} (class +1) of {perClass} points per class passed the gap {Options.Gap} " +
                        $"(the typical |⟨O⟩| at {n} qubits is {Math.Sqrt(sumSquares / Math.Max(drawn, 1)):0.###}); lower the gap or the sizes.");
                var candidates = new double[batch][];
                for (int b = 0; b < batch; b++)
                {
                    candidates[b] = new double[n];
                    for (int k = 0; k < n; k++) candidates[b][k] = rng.NextDouble(0.0, 2 * Math.PI);
                }
                drawn += batch;
                var e = Expectations(candidates);
                for (int b = 0; b < batch; b++)
                {
                    sumSquares += e[b] * e[b];
                    if (Math.Abs(e[b]) <= Options.Gap) continue;
                    int c = e[b] > 0 ? 1 : 0;
                    if (pools[c].Count >= perClass) continue;
                    if (!seen.Add(Key(candidates[b]))) continue; // a repeated point would leak between train and test
                    pools[c].Add((candidates[b], e[b]));
                }
            }
        }

        var train = new List<(double[] X, int C, double E)>();
        var test = new List<(double[] X, int C, double E)>();
        for (int c = 0; c < 2; c++)
            for (int i = 0; i < perClass; i++)
                (i < Options.TrainSizePerClass ? train : test).Add((pools[c][i].X, c, pools[c][i].E));
        var trainSet = Build("adhoc_train", train, rng);
        var testSet = test.Count > 0 ? Build("adhoc_test", test, rng) : (Data: trainSet.Data.Subset([], "adhoc_test"), E: []);
        return new AdHocSplit(trainSet.Data, testSet.Data, trainSet.E, testSet.E);
    }

    private (Dataset Data, double[] E) Build(string name, List<(double[] X, int C, double E)> rows, SeededRandom rng)
    {
        var order = rng.Permutation(rows.Count);
        var names = Enumerable.Range(0, Options.NumFeatures).Select(k => $"x{k}").ToArray();
        var data = Dataset.ForClassification(name, [.. order.Select(i => rows[i].X)], [.. order.Select(i => rows[i].C)], ["-1", "+1"], names);
        return (data, [.. order.Select(i => rows[i].E)]);
    }

    private static string Key(double[] x) => string.Join(",", x.Select(v => BitConverter.DoubleToInt64Bits(v)));

    private void CheckPoint(ReadOnlySpan<double> x)
    {
        if (x.Length != Options.NumFeatures)
            throw new ArgumentException($"A point has {Options.NumFeatures} features; got {x.Length}.", nameof(x));
        foreach (double v in x)
            if (!double.IsFinite(v)) throw new ArgumentException($"Feature value {v} is not finite.", nameof(x));
    }

    private double Observe(ReadOnlySpan<Complex> psi)
    {
        int dim = psi.Length;
        double total = 0.0;
        if (_unitaryParts is not { } unitary)
        {
            for (int k = 0; k < dim; k++) total += Parity(k) * (psi[k].Real * psi[k].Real + psi[k].Imaginary * psi[k].Imaginary);
            return total;
        }
        // (Vψ)_r with real and imaginary parts split, so each row is four vectorised dot products: this O(4ⁿ) product
        // is the generator's hot loop at 8–10 qubits.
        var re = new double[dim];
        var im = new double[dim];
        for (int k = 0; k < dim; k++) { re[k] = psi[k].Real; im[k] = psi[k].Imaginary; }
        var (ure, uim) = unitary;
        for (int r = 0; r < dim; r++)
        {
            var rowRe = ure.AsSpan(r * dim, dim);
            var rowIm = uim.AsSpan(r * dim, dim);
            double vr = TensorPrimitives.Dot(rowRe, re) - TensorPrimitives.Dot(rowIm, im);
            double vi = TensorPrimitives.Dot(rowRe, im) + TensorPrimitives.Dot(rowIm, re);
            total += Parity(r) * (vr * vr + vi * vi);
        }
        return total;
    }

    private static double Parity(int index) => (BitOperations.PopCount((uint)index) & 1) == 0 ? 1.0 : -1.0;

    /// <summary>U_Φ·H·U_Φ·H built from H, RZ(−2x_i) and MultiRZ(−2(π−x_i)(π−x_j)) gates.</summary>
    private static Circuit BuildFeatureCircuit(int n)
    {
        var b = new CircuitBuilder(n);
        for (int rep = 0; rep < 2; rep++)
        {
            for (int i = 0; i < n; i++) b.H(i);
            for (int i = 0; i < n; i++) b.RZ(i, ParameterExpression.Feature(i, -2.0));
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++) b.MultiRZ([i, j], ParameterExpression.PiMinusFeatureProduct([i, j], -2.0));
        }
        b.DeclareFeatures(n);
        return b.Build();
    }

    /// <summary>A Haar-random unitary: Gram–Schmidt (twice, for orthogonality to rounding) on the columns of a complex Gaussian matrix.</summary>
    private static Complex[,] HaarUnitary(int dim, SeededRandom rng)
    {
        var m = new Complex[dim, dim];
        for (int i = 0; i < dim; i++)
            for (int j = 0; j < dim; j++) m[i, j] = new Complex(rng.NextNormal(), rng.NextNormal());
        for (int c = 0; c < dim; c++)
        {
            for (int pass = 0; pass < 2; pass++)
                for (int p = 0; p < c; p++)
                {
                    Complex dot = Complex.Zero;
                    for (int i = 0; i < dim; i++) dot += Complex.Conjugate(m[i, p]) * m[i, c];
                    for (int i = 0; i < dim; i++) m[i, c] -= dot * m[i, p];
                }
            double norm = 0.0;
            for (int i = 0; i < dim; i++) norm += m[i, c].Real * m[i, c].Real + m[i, c].Imaginary * m[i, c].Imaginary;
            norm = Math.Sqrt(norm);
            for (int i = 0; i < dim; i++) m[i, c] /= norm;
        }
        return m;
    }
}
