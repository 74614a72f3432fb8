namespace Hanzo.Qml.Classical.Svm;

/// <summary>
/// C-support vector classification on a precomputed kernel matrix — scikit-learn's <c>SVC(kernel="precomputed")</c>
/// (LIBSVM): binary, or multi-class by one-vs-one with LIBSVM's voting. Fit on the train×train matrix, predict from the
/// test×train matrix (all training columns, as scikit-learn).
/// </summary>
/// <remarks>
/// <para>Classes are the distinct labels in ascending order (scikit-learn's <c>classes_</c>). Training samples are grouped by
/// class in that order, stably, and every pair (i &lt; j) of classes gets a binary problem with class i as +1, solved by
/// <see cref="SmoSolver"/> (WSS3, shrinking, single-precision Q as LIBSVM), so support vectors, coefficients and
/// decision values are scikit-learn's.</para>
/// <para>Sign conventions follow scikit-learn: for two classes <see cref="DecisionFunction"/> is positive for
/// <c>Classes[1]</c>, and <see cref="DualCoefficients"/>/<see cref="Intercepts"/> are flipped accordingly;
/// <see cref="DecisionFunctionOvo"/> returns LIBSVM's raw pairwise values (positive votes for the pair's first class).
/// A prediction takes the class with most votes, the lowest class index on ties (LIBSVM; scikit-learn's
/// <c>break_ties=False</c>).</para>
/// </remarks>
public sealed class SupportVectorClassifier
{
    private int[] _classes = [];
    private int[] _supportCounts = [];
    private int[] _support = [];
    private double[][] _coef = [];    // LIBSVM sv_coef: [k−1][nSV]
    private double[] _rho = [];
    private int[] _iterations = [];

    /// <summary>Creates an unfitted classifier.</summary>
    public SupportVectorClassifier(SupportVectorClassifierOptions? options = null)
    {
        Options = options ?? SupportVectorClassifierOptions.Default;
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public SupportVectorClassifierOptions Options { get; }

    /// <summary>True after <see cref="Fit"/>.</summary>
    public bool IsFitted { get; private set; }

    /// <summary>Number of training samples the model was fitted on (the columns a prediction kernel must have).</summary>
    public int NumTrainingSamples { get; private set; }

    /// <summary>The class labels in ascending order.</summary>
    public IReadOnlyList<int> Classes => Fitted(_classes);

    /// <summary>Training-sample indices of the support vectors, grouped by class (scikit-learn's <c>support_</c>).</summary>
    public IReadOnlyList<int> Support => Fitted(_support);

    /// <summary>Support vectors per class (scikit-learn's <c>n_support_</c>).</summary>
    public IReadOnlyList<int> SupportCounts => Fitted(_supportCounts);

    /// <summary>Solver iterations of each pairwise problem.</summary>
    public IReadOnlyList<int> Iterations => Fitted(_iterations);

    /// <summary>False when some pairwise problem stopped at <see cref="SupportVectorClassifierOptions.MaxIterations"/>.</summary>
    public bool Converged { get; private set; }

    /// <summary>scikit-learn's <c>dual_coef_</c>: [classes − 1, support vectors] (negated for two classes).</summary>
    public double[,] DualCoefficients
    {
        get
        {
            RequireFitted();
            int k = _classes.Length, n = _support.Length;
            double sign = k == 2 ? -1 : 1;
            var d = new double[k - 1, n];
            for (int r = 0; r < k - 1; r++)
                for (int s = 0; s < n; s++) d[r, s] = sign * _coef[r][s];
            return d;
        }
    }

    /// <summary>scikit-learn's <c>intercept_</c>, one per pair of classes: −ρ (ρ for two classes).</summary>
    public IReadOnlyList<double> Intercepts
    {
        get
        {
            RequireFitted();
            double sign = _classes.Length == 2 ? 1 : -1;
            return _rho.Select(r => sign * r).ToArray();
        }
    }

    /// <summary>Trains on the train×train kernel matrix and labels.</summary>
    /// <param name="kernel">Square, symmetric matrix K[i, j] = k(xᵢ, xⱼ) of finite values.</param>
    /// <param name="labels">One label per row; at least two distinct values.</param>
    /// <param name="cancellationToken">Checked between solver iterations.</param>
    /// <returns>This classifier.</returns>
    /// <exception cref="ArgumentException">On shape mismatches, non-finite entries or a single class.</exception>
    public SupportVectorClassifier Fit(double[,] kernel, IReadOnlyList<int> labels, CancellationToken cancellationToken = default)
    {
        int l = SvmInput.TrainingKernel(kernel, labels?.Count ?? throw new ArgumentNullException(nameof(labels)));
        var classes = labels.Distinct().Order().ToArray();
        if (classes.Length < 2)
            throw new ArgumentException($"The labels hold a single class ({classes[0]}); a classifier needs at least two.", nameof(labels));
        int k = classes.Length;
        var classOf = new int[l];
        var count = new int[k];
        for (int i = 0; i < l; i++)
        {
            classOf[i] = Array.BinarySearch(classes, labels[i]);
            count[classOf[i]]++;
        }
        var start = new int[k];
        for (int c = 1; c < k; c++) start[c] = start[c - 1] + count[c - 1];
        var perm = new int[l];
        var fill = (int[])start.Clone();
        for (int i = 0; i < l; i++) perm[fill[classOf[i]]++] = i;

        int pairs = k * (k - 1) / 2;
        var alphas = new double[pairs][];
        var rho = new double[pairs];
        var iterations = new int[pairs];
        var nonzero = new bool[l];
        bool converged = true;
        int p = 0;
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++)
            {
                int ci = count[i], cj = count[j], n = ci + cj;
                var index = new int[n];
                var y = new sbyte[n];
                for (int t = 0; t < ci; t++) { index[t] = perm[start[i] + t]; y[t] = +1; }
                for (int t = 0; t < cj; t++) { index[ci + t] = perm[start[j] + t]; y[ci + t] = -1; }
                var alpha = new double[n];
                var minusOnes = new double[n];
                var cs = new double[n];
                Array.Fill(minusOnes, -1.0);
                Array.Fill(cs, Options.C);
                var result = new SmoSolver().Solve(n, new SvcQMatrix(kernel, index, y), minusOnes, y, alpha, cs, Options.Tolerance, Options.Shrinking, Options.MaxIterations, cancellationToken);
                for (int t = 0; t < n; t++) alpha[t] *= y[t];
                alphas[p] = alpha;
                rho[p] = result.Rho;
                iterations[p] = result.Iterations;
                converged &= result.Converged;
                for (int t = 0; t < ci; t++) if (Math.Abs(alpha[t]) > 0) nonzero[start[i] + t] = true;
                for (int t = 0; t < cj; t++) if (Math.Abs(alpha[ci + t]) > 0) nonzero[start[j] + t] = true;
                p++;
            }

        var supportCounts = new int[k];
        var nzStart = new int[k];
        for (int c = 0; c < k; c++)
            for (int t = 0; t < count[c]; t++)
                if (nonzero[start[c] + t]) supportCounts[c]++;
        for (int c = 1; c < k; c++) nzStart[c] = nzStart[c - 1] + supportCounts[c - 1];
        var support = new List<int>();
        for (int t = 0; t < l; t++) if (nonzero[t]) support.Add(perm[t]);
        var coef = new double[k - 1][];
        for (int r = 0; r < k - 1; r++) coef[r] = new double[support.Count];
        p = 0;
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++)
            {
                // Pair (i, j): coefficients of class i's vectors go to row j−1, class j's to row i (LIBSVM's layout).
                int q = nzStart[i];
                for (int t = 0; t < count[i]; t++)
                    if (nonzero[start[i] + t]) coef[j - 1][q++] = alphas[p][t];
                q = nzStart[j];
                for (int t = 0; t < count[j]; t++)
                    if (nonzero[start[j] + t]) coef[i][q++] = alphas[p][count[i] + t];
                p++;
            }

        _classes = classes;
        _supportCounts = supportCounts;
        _support = [.. support];
        _coef = coef;
        _rho = rho;
        _iterations = iterations;
        Converged = converged;
        NumTrainingSamples = l;
        IsFitted = true;
        return this;
    }

    /// <summary>Decision values of a two-class model, positive for <c>Classes[1]</c> (scikit-learn's <c>decision_function</c>).</summary>
    /// <param name="kernel">Test×train matrix: one row per sample, <see cref="NumTrainingSamples"/> columns.</param>
    /// <exception cref="InvalidOperationException">When the model has more than two classes (use the Ovo or Ovr variants).</exception>
    public double[] DecisionFunction(double[,] kernel)
    {
        RequireFitted();
        if (_classes.Length != 2)
            throw new InvalidOperationException($"The model has {_classes.Length} classes; use DecisionFunctionOvr (scikit-learn's default shape) or DecisionFunctionOvo.");
        var raw = Raw(kernel, _support, NumTrainingSamples);
        var d = new double[raw.GetLength(0)];
        for (int i = 0; i < d.Length; i++) d[i] = -raw[i, 0];
        return d;
    }

    /// <summary>
    /// LIBSVM's pairwise decision values: [samples, pairs] in the order (0,1), (0,2), …, (1,2), …; a positive value
    /// votes for the pair's first class. (For two classes this is the negative of <see cref="DecisionFunction"/>.)
    /// </summary>
    public double[,] DecisionFunctionOvo(double[,] kernel)
    {
        RequireFitted();
        return Raw(kernel, _support, NumTrainingSamples);
    }

    /// <summary>
    /// scikit-learn's default multi-class shape (<c>decision_function_shape="ovr"</c>): [samples, classes], votes plus
    /// the summed pairwise confidences squashed into (−1/3, 1/3). For two classes, the one column of <see cref="DecisionFunction"/>.
    /// </summary>
    public double[,] DecisionFunctionOvr(double[,] kernel)
    {
        RequireFitted();
        var raw = Raw(kernel, _support, NumTrainingSamples);
        int m = raw.GetLength(0), k = _classes.Length;
        if (k == 2)
        {
            var b = new double[m, 1];
            for (int i = 0; i < m; i++) b[i, 0] = -raw[i, 0];
            return b;
        }
        var result = new double[m, k];
        var votes = new double[k];
        var confidence = new double[k];
        for (int s = 0; s < m; s++)
        {
            Array.Clear(votes);
            Array.Clear(confidence);
            int p = 0;
            for (int i = 0; i < k; i++)
                for (int j = i + 1; j < k; j++, p++)
                {
                    double d = raw[s, p];
                    confidence[i] += d;
                    confidence[j] -= d;
                    if (d < 0) votes[j]++;
                    else votes[i]++;
                }
            for (int c = 0; c < k; c++) result[s, c] = votes[c] + confidence[c] / (3 * (Math.Abs(confidence[c]) + 1));
        }
        return result;
    }

    /// <summary>Predicted labels (LIBSVM's one-vs-one vote).</summary>
    public int[] Predict(double[,] kernel)
    {
        RequireFitted();
        return Vote(Raw(kernel, _support, NumTrainingSamples));
    }

    /// <summary>Accuracy of <see cref="Predict"/> against <paramref name="labels"/>.</summary>
    public double Score(double[,] kernel, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var predicted = Predict(kernel);
        if (labels.Count != predicted.Length) throw new ArgumentException($"{labels.Count} labels for {predicted.Length} kernel rows.", nameof(labels));
        int correct = 0;
        for (int i = 0; i < predicted.Length; i++) if (predicted[i] == labels[i]) correct++;
        return (double)correct / predicted.Length;
    }

    /// <summary>Pairwise values from a kernel whose columns are the support vectors only, in <see cref="Support"/> order.</summary>
    internal double[,] RawFromSupportKernel(double[,] supportKernel)
    {
        RequireFitted();
        var identity = new int[_support.Length];
        for (int i = 0; i < identity.Length; i++) identity[i] = i;
        return Raw(supportKernel, identity, identity.Length);
    }

    /// <summary>Labels from LIBSVM pairwise values: most votes, lowest class index on ties.</summary>
    internal int[] Vote(double[,] raw)
    {
        int m = raw.GetLength(0), k = _classes.Length;
        var labels = new int[m];
        var votes = new int[k];
        for (int s = 0; s < m; s++)
        {
            Array.Clear(votes);
            int p = 0;
            for (int i = 0; i < k; i++)
                for (int j = i + 1; j < k; j++, p++)
                {
                    if (raw[s, p] > 0) votes[i]++;
                    else votes[j]++;
                }
            int best = 0;
            for (int c = 1; c < k; c++) if (votes[c] > votes[best]) best = c;
            labels[s] = _classes[best];
        }
        return labels;
    }

    /// <summary>The fitted state, for persistence.</summary>
    internal SvcState Export()
    {
        RequireFitted();
        return new SvcState(_classes, _supportCounts, _support, _coef, _rho, NumTrainingSamples, Converged);
    }

    /// <summary>Rebuilds a fitted classifier from <see cref="Export"/>'s state.</summary>
    internal static SupportVectorClassifier Import(SupportVectorClassifierOptions options, SvcState state)
    {
        int k = state.Classes.Length, n = state.Support.Length;
        if (k < 2 || state.SupportCounts.Length != k || state.SupportCounts.Sum() != n || state.Coefficients.Length != k - 1
            || state.Coefficients.Any(r => r.Length != n) || state.Rho.Length != k * (k - 1) / 2)
            throw new FormatException("The saved support-vector classifier is inconsistent (class, support-vector and coefficient counts disagree).");
        return new SupportVectorClassifier(options)
        {
            _classes = state.Classes, _supportCounts = state.SupportCounts, _support = state.Support, _coef = state.Coefficients,
            _rho = state.Rho, _iterations = new int[state.Rho.Length], NumTrainingSamples = state.NumTrainingSamples,
            Converged = state.Converged, IsFitted = true,
        };
    }

    private double[,] Raw(double[,] kernel, int[] columns, int expectedColumns)
    {
        int m = SvmInput.PredictionKernel(kernel, expectedColumns);
        int k = _classes.Length;
        var start = new int[k];
        for (int c = 1; c < k; c++) start[c] = start[c - 1] + _supportCounts[c - 1];
        var result = new double[m, k * (k - 1) / 2];
        var kv = new double[columns.Length];
        for (int s = 0; s < m; s++)
        {
            for (int v = 0; v < columns.Length; v++) kv[v] = kernel[s, columns[v]];
            int p = 0;
            for (int i = 0; i < k; i++)
                for (int j = i + 1; j < k; j++, p++)
                {
                    double sum = 0;
                    var coef1 = _coef[j - 1];
                    var coef2 = _coef[i];
                    for (int t = 0; t < _supportCounts[i]; t++) sum += coef1[start[i] + t] * kv[start[i] + t];
                    for (int t = 0; t < _supportCounts[j]; t++) sum += coef2[start[j] + t] * kv[start[j] + t];
                    result[s, p] = sum - _rho[p];
                }
        }
        return result;
    }

    private T Fitted<T>(T value)
    {
        RequireFitted();
        return value;
    }

    private void RequireFitted()
    {
        if (!IsFitted) throw new InvalidOperationException("The classifier is not fitted; call Fit first.");
    }
}

/// <summary>The fitted state of a <see cref="SupportVectorClassifier"/> in LIBSVM's layout.</summary>
internal sealed record SvcState(int[] Classes, int[] SupportCounts, int[] Support, double[][] Coefficients, double[] Rho, int NumTrainingSamples, bool Converged);
