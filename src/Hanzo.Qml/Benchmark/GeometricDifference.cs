using System.Globalization;

namespace Hanzo.Qml.Benchmark;

/// <summary>The geometric difference between a classical and a quantum kernel on one training set.</summary>
/// <param name="Value">g(K_C‖K_Q).</param>
/// <param name="Regularization">The λ added to K_C before inverting it.</param>
/// <param name="NumSamples">N, the training rows the kernels were computed on.</param>
/// <param name="ClassicalKernel">Name of K_C ("rbf").</param>
/// <param name="QuantumKernel">Name of K_Q ("fidelity", "projected").</param>
public sealed record GeometricDifferenceResult(double Value, double Regularization, int NumSamples, string ClassicalKernel, string QuantumKernel)
{
    /// <summary>A g at or below this is "small": the classical kernel is provably almost as expressive on this data.</summary>
    public const double SmallThreshold = 2.0;

    /// <summary>√N, the scale g is read against.</summary>
    public double SqrtN => Math.Sqrt(NumSamples);

    /// <summary>What the value says, in one or two sentences.</summary>
    public string Interpretation
    {
        get
        {
            string head = string.Create(CultureInfo.InvariantCulture, $"g = {Value:0.###} on N = {NumSamples} training rows (√N = {SqrtN:0.#}). ");
            if (Value <= SmallThreshold)
                return head + "g is small: the classical kernel can fit any labelling the quantum kernel can at most g times worse, so no kernel method on K_Q can beat it by much on this input distribution.";
            if (Value >= 0.5 * SqrtN)
                return head + "g is of the order of √N: some labelling of these inputs exists on which the quantum kernel could beat the classical one; whether these labels are such a labelling is what the cross-validation answers.";
            return head + "g is between 1 and √N: the bound neither rules an advantage out nor makes one likely; the cross-validation decides.";
        }
    }
}

/// <summary>
/// The geometric difference of Huang et al. (Nat. Commun. 12, 2631, 2021):
/// g(K_C‖K_Q) = √‖√K_Q · (K_C + λI)⁻¹ · √K_Q‖_∞ (spectral norm), a cheap pre-screen of whether a quantum kernel can
/// beat a classical one at all on this input distribution, before any training.
/// </summary>
/// <remarks>
/// <para>Both kernels are first scaled to trace N (already true for the RBF, fidelity and projected kernels, whose
/// diagonal is 1). If g is small — near 1, far below √N — the classical kernel's model complexity on any labels is at
/// most g² times the quantum kernel's, so the quantum model cannot generalise much better whatever the labels. A g near
/// √N only says a labelling exists where the quantum kernel could win.</para>
/// <para><b>Regularisation.</b> K_C of a smooth kernel has eigenvalues down to rounding noise, and without a ridge g is
/// dominated by them. λ = <see cref="DefaultRegularization"/> = 10⁻³ (on trace-N kernels, i.e. relative to the mean
/// eigenvalue 1) is the default: a typical ridge of a kernel model trained on such data. A smaller λ gives a larger g;
/// compare values only at equal λ. Square roots and the inverse come from symmetric eigendecompositions (Householder +
/// implicit QL); eigenvalues below zero (rounding) are clipped to zero.</para>
/// </remarks>
public static class GeometricDifference
{
    /// <summary>The default ridge λ.</summary>
    public const double DefaultRegularization = 1e-3;

    /// <summary>Computes g(K_C‖K_Q).</summary>
    /// <param name="classical">K_C, symmetric N×N.</param>
    /// <param name="quantum">K_Q, symmetric N×N on the same rows.</param>
    /// <param name="regularization">λ &gt; 0.</param>
    /// <exception cref="ArgumentException">When the shapes differ, a matrix is not square, an entry is not finite, or a trace is not positive.</exception>
    public static double Compute(double[,] classical, double[,] quantum, double regularization = DefaultRegularization)
    {
        ArgumentNullException.ThrowIfNull(classical);
        ArgumentNullException.ThrowIfNull(quantum);
        int n = classical.GetLength(0);
        if (classical.GetLength(1) != n || quantum.GetLength(0) != n || quantum.GetLength(1) != n)
            throw new ArgumentException($"Both kernels must be N×N on the same rows; got {n}×{classical.GetLength(1)} and {quantum.GetLength(0)}×{quantum.GetLength(1)}.", nameof(quantum));
        if (n == 0) throw new ArgumentException("The kernels are empty.", nameof(classical));
        if (!(regularization > 0) || !double.IsFinite(regularization)) throw new ArgumentOutOfRangeException(nameof(regularization), regularization, "λ must be a finite number > 0.");

        var (qValues, qVectors) = SymmetricEigenQl.Decompose(TraceNormalised(quantum, nameof(quantum)));
        var (cValues, cVectors) = SymmetricEigenQl.Decompose(TraceNormalised(classical, nameof(classical)));

        // √K_Q = V diag(√λ) Vᵀ, with eigenvectors as rows of qVectors.
        var sqrtQ = new double[n][];
        var scaled = new double[n][];
        for (int k = 0; k < n; k++)
        {
            double s = Math.Sqrt(Math.Max(qValues[k], 0.0));
            scaled[k] = qVectors[k].Select(x => x * s).ToArray();
        }
        for (int i = 0; i < n; i++) sqrtQ[i] = new double[n];
        for (int k = 0; k < n; k++)
        {
            var vk = qVectors[k];
            var sk = scaled[k];
            for (int i = 0; i < n; i++)
            {
                double a = vk[i];
                if (a == 0) continue;
                var row = sqrtQ[i];
                for (int j = 0; j < n; j++) row[j] += a * sk[j];
            }
        }
        // B = √K_Q · W · diag(1/√(μ + λ)): column k of B is √K_Q·w_k / √(μ_k + λ); ‖√K_Q (K_C+λI)⁻¹ √K_Q‖ = ‖B Bᵀ‖ = ‖Bᵀ B‖.
        var bt = new double[n][];   // rows = columns of B
        for (int k = 0; k < n; k++)
        {
            double s = 1.0 / Math.Sqrt(Math.Max(cValues[k], 0.0) + regularization);
            var wk = cVectors[k];
            var col = new double[n];
            for (int i = 0; i < n; i++)
            {
                var row = sqrtQ[i];
                double sum = 0.0;
                for (int j = 0; j < n; j++) sum += row[j] * wk[j];
                col[i] = sum * s;
            }
            bt[k] = col;
        }
        var gram = new double[n, n];
        for (int a = 0; a < n; a++)
            for (int b = a; b < n; b++)
            {
                double sum = 0.0;
                var ra = bt[a];
                var rb = bt[b];
                for (int i = 0; i < n; i++) sum += ra[i] * rb[i];
                gram[a, b] = gram[b, a] = sum;
            }
        var (values, _) = SymmetricEigenQl.Decompose(gram, valuesOnly: true);
        return Math.Sqrt(Math.Max(values[^1], 0.0));
    }

    private static double[,] TraceNormalised(double[,] k, string name)
    {
        int n = k.GetLength(0);
        double trace = 0.0;
        for (int i = 0; i < n; i++) trace += k[i, i];
        if (!(trace > 0) || !double.IsFinite(trace)) throw new ArgumentException($"The kernel's trace is {trace}; a kernel matrix needs a positive diagonal.", name);
        double s = n / trace;
        var r = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) r[i, j] = k[i, j] * s;
        return r;
    }
}
