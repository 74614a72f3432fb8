using System.Text.Json.Nodes;
using Hanzo.Qml.Classical;
using Hanzo.Qml.Classical.Metrics;
using Hanzo.Qml.Data;

namespace Hanzo.Qml.Models;

/// <summary>
/// Variational quantum classifier (VQC): encoding, ansatz, Pauli-Z readouts and a softmax head, trained with
/// mini-batch cross-entropy.
/// </summary>
/// <remarks>
/// <para>Binary: one readout, P(class 1) = σ(s·⟨Z₀⟩ + b). Multi-class (K ≤ qubits): readouts on wires 0..K−1 and
/// P(k) = softmax(s·⟨Z_k⟩ + b_k). The scale s starts at <see cref="VariationalModelOptions.OutputScale"/>; s and the
/// offsets b are trained unless <see cref="VariationalModelOptions.LearnOutputScale"/> is false (then s stays fixed and
/// b = 0).</para>
/// <para>Typical use: <c>var m = new VariationalClassifier(options).Fit(trainSet); m.Score(testSet); m.Save(path);</c>
/// and later <c>VariationalClassifier.Load(path).Predict(rows)</c>.</para>
/// </remarks>
public sealed class VariationalClassifier : VariationalModel, IClassifier
{
    private int[] _labels = [];
    private string[] _classNames = [];
    private int _numClasses;

    /// <summary>Creates an unfitted classifier.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public VariationalClassifier(VariationalModelOptions? options = null) : base(options) { }

    /// <inheritdoc />
    public string Name => "vqc";

    /// <inheritdoc />
    public int NumClasses => _numClasses;

    /// <summary>Class names in class-index order (from the dataset, or "0", "1", ...).</summary>
    public IReadOnlyList<string> ClassNames => _classNames;

    internal override int NumReadouts => _numClasses <= 2 ? 1 : _numClasses;

    internal override int NumHead => 1 + NumReadouts;

    internal override string Kind => "vqc";

    /// <summary>Fits on a classification dataset (its class names are kept for <see cref="PredictLabels"/>).</summary>
    /// <exception cref="ArgumentException">When the dataset is a regression dataset or does not fit the options.</exception>
    public VariationalClassifier Fit(Dataset data, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Fit(data, null, null, progress, cancellationToken);

    /// <summary>
    /// Fits on a classification dataset with checkpoints: resumes <paramref name="resumeFrom"/> when given, and hands
    /// <paramref name="onCheckpoint"/> a <see cref="TrainingCheckpoint"/> after every completed epoch (see the row
    /// overload for the details).
    /// </summary>
    /// <exception cref="ArgumentException">When the dataset is a regression dataset, does not fit the options, or the checkpoint does not fit the model and data.</exception>
    public VariationalClassifier Fit(Dataset data, TrainingCheckpoint? resumeFrom, Action<TrainingCheckpoint>? onCheckpoint,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Task != TaskKind.Classification) throw new ArgumentException($"Dataset '{data.Name}' is a regression dataset; use VariationalRegressor.", nameof(data));
        return Fit(data.ToJaggedArray(), data.ClassIndexArray(), data.NumClasses, data.ClassNames, resumeFrom, onCheckpoint, progress, cancellationToken);
    }

    /// <inheritdoc />
    void IClassifier.Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int numClasses) => Fit(x, y, numClasses);

    /// <summary>Fits on rows and class indices 0..numClasses−1.</summary>
    /// <exception cref="ArgumentException">When the data is empty, ragged, or labels are out of range.</exception>
    public VariationalClassifier Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int numClasses, IReadOnlyList<string>? classNames = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Fit(x, y, numClasses, classNames, null, null, progress, cancellationToken);

    /// <summary>
    /// Fits on rows and class indices with checkpoints. With <paramref name="resumeFrom"/> (a checkpoint of a run with
    /// equal options on the same rows and labels), training continues after that checkpoint's epoch and ends with the
    /// model the uninterrupted run would have produced, to the bit; a final checkpoint gives the finished model without
    /// training. After every completed epoch, <paramref name="onCheckpoint"/> receives the state to resume from, before
    /// <paramref name="progress"/> hears of that epoch, so an epoch that has been reported has been checkpointed.
    /// Cancellation stops at the next sample; the last checkpoint handed out stays valid.
    /// </summary>
    /// <exception cref="ArgumentException">When the data is empty, ragged, labels are out of range, or the checkpoint does not fit the model and data (the message names what differs).</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public VariationalClassifier Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int numClasses, IReadOnlyList<string>? classNames,
        TrainingCheckpoint? resumeFrom, Action<TrainingCheckpoint>? onCheckpoint, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0) throw new ArgumentException("Training needs at least one row.", nameof(x));
        if (y.Count != x.Count) throw new ArgumentException($"{x.Count} rows but {y.Count} labels.", nameof(y));
        if (Options.NumClasses is int k && k != numClasses) throw new ArgumentException($"Options.NumClasses is {k} but the data has {numClasses} classes.", nameof(numClasses));
        if (numClasses < 2) throw new ArgumentOutOfRangeException(nameof(numClasses), numClasses, "A classifier needs at least two classes.");
        if (numClasses > 2 && numClasses > Options.NumQubits)
            throw new ArgumentException($"{numClasses} classes need {numClasses} readout wires but the model has {Options.NumQubits} qubits; raise NumQubits to at least {numClasses}.", nameof(numClasses));
        for (int i = 0; i < y.Count; i++)
            if ((uint)y[i] >= (uint)numClasses) throw new ArgumentException($"Row {i}: label {y[i]} is outside 0..{numClasses - 1}.", nameof(y));
        _numClasses = numClasses;
        _labels = [.. y];
        _classNames = classNames is null ? [.. Enumerable.Range(0, numClasses).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))] : [.. classNames];
        FitCore(x, _labels, resumeFrom, onCheckpoint, progress, cancellationToken);
        return this;
    }

    /// <inheritdoc />
    public int[] Predict(IReadOnlyList<double[]> x) => [.. PredictProba(x).Select(ArgMax)];

    /// <summary>Predicted class names.</summary>
    public string[] PredictLabels(IReadOnlyList<double[]> x) => [.. Predict(x).Select(i => _classNames[i])];

    /// <inheritdoc />
    public double[][] PredictProba(IReadOnlyList<double[]> x) => [.. RawReadouts(x).Select(r => Probabilities(r, HeadParameters))];

    /// <summary>Accuracy on rows and labels.</summary>
    public double Score(IReadOnlyList<double[]> x, IReadOnlyList<int> y) => ClassificationMetrics.Accuracy(y, Predict(x));

    /// <summary>Accuracy on a classification dataset.</summary>
    public double Score(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Score(data.ToJaggedArray(), data.ClassIndexArray());
    }

    /// <summary>Reads a model written by <see cref="VariationalModel.Save"/>.</summary>
    /// <exception cref="FormatException">When the file is not a saved VQC of a supported version.</exception>
    public static VariationalClassifier Load(string path) => FromJson(File.ReadAllText(path));

    /// <summary>Reads a model written by <see cref="VariationalModel.ToJson"/>.</summary>
    /// <exception cref="FormatException">When the JSON is not a saved VQC of a supported version.</exception>
    public static VariationalClassifier FromJson(string json)
    {
        var (options, root) = ReadOptions(json, "vqc");
        var m = new VariationalClassifier(options);
        m.Restore(root);
        return m;
    }

    internal override void InitializeHead(Span<double> head)
    {
        head.Clear();
        head[0] = Options.OutputScale;
    }

    private static double[] Probabilities(ReadOnlySpan<double> r, ReadOnlySpan<double> head)
    {
        if (r.Length == 1)
        {
            double p1 = 1 / (1 + Math.Exp(-(head[0] * r[0] + head[1])));
            return [1 - p1, p1];
        }
        var p = new double[r.Length];
        double max = double.NegativeInfinity;
        for (int k = 0; k < p.Length; k++) { p[k] = head[0] * r[k] + head[1 + k]; max = Math.Max(max, p[k]); }
        double sum = 0;
        for (int k = 0; k < p.Length; k++) { p[k] = Math.Exp(p[k] - max); sum += p[k]; }
        for (int k = 0; k < p.Length; k++) p[k] /= sum;
        return p;
    }

    internal override double HeadLoss(int sample, ReadOnlySpan<double> readouts, ReadOnlySpan<double> head, Span<double> dReadouts, Span<double> dHead)
    {
        int y = _labels[sample];
        bool learn = Options.LearnOutputScale;
        if (readouts.Length == 1)
        {
            double z = head[0] * readouts[0] + head[1];
            double p1 = 1 / (1 + Math.Exp(-z));
            double dz = p1 - y;
            dReadouts[0] = head[0] * dz;
            dHead[0] = learn ? readouts[0] * dz : 0;
            dHead[1] = learn ? dz : 0;
            // softplus(z) − y·z, written to stay finite for large |z|.
            return Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - y * z;
        }
        var p = Probabilities(readouts, head);
        double ds = 0;
        for (int k = 0; k < p.Length; k++)
        {
            double d = p[k] - (k == y ? 1 : 0);
            dReadouts[k] = head[0] * d;
            ds += readouts[k] * d;
            dHead[1 + k] = learn ? d : 0;
        }
        dHead[0] = learn ? ds : 0;
        return -Math.Log(Math.Max(p[y], 1e-300));
    }

    internal override double Metric(IReadOnlyList<int> rows, double[][] readouts)
    {
        int correct = 0;
        foreach (int i in rows) if (ArgMax(Probabilities(readouts[i], HeadParameters)) == _labels[i]) correct++;
        return rows.Count == 0 ? 0 : (double)correct / rows.Count;
    }

    internal override void AddTargets(Fingerprint fingerprint)
    {
        fingerprint.Add(_numClasses);
        foreach (int label in _labels) fingerprint.Add(label);
    }

    internal override void WriteExtra(JsonObject root)
    {
        root["num_classes"] = _numClasses;
        root["class_names"] = new JsonArray([.. _classNames.Select(n => (JsonNode?)JsonValue.Create(n))]);
    }

    internal override void ReadExtra(JsonObject root)
    {
        _numClasses = Field(root, "num_classes").GetValue<int>();
        _classNames = [.. Field(root, "class_names").AsArray().Select(n => Element(n).GetValue<string>())];
        if (_classNames.Length != _numClasses) throw new FormatException($"The saved model names {_classNames.Length} classes but declares {_numClasses}.");
    }

    private static int ArgMax(double[] p)
    {
        int best = 0;
        for (int k = 1; k < p.Length; k++) if (p[k] > p[best]) best = k;
        return best;
    }
}
