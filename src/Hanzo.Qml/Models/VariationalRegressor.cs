using System.Text.Json.Nodes;
using Hanzo.Qml.Classical;
using Hanzo.Qml.Classical.Metrics;
using Hanzo.Qml.Data;

namespace Hanzo.Qml.Models;

/// <summary>
/// Variational quantum regressor (VQR): encoding, ansatz and one Pauli-Z readout ⟨Z₀⟩ ∈ [−1, 1], mapped to the target
/// range and trained with mini-batch mean squared error.
/// </summary>
/// <remarks>
/// The prediction is ŷ = c + h·(α·⟨Z₀⟩ + β), where c and h are the centre and half-width of the training targets
/// (fitted once, so [−1, 1] covers their range) and α, β start at 1, 0 and are trained unless
/// <see cref="VariationalModelOptions.LearnOutputScale"/> is false. The loss is the MSE in the normalised units
/// ((y − c)/h), so the learning rate does not depend on the targets' scale.
/// </remarks>
public sealed class VariationalRegressor : VariationalModel, IRegressor
{
    private double[] _targets = [];
    private double _centre, _halfWidth = 1;

    /// <summary>Creates an unfitted regressor.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public VariationalRegressor(VariationalModelOptions? options = null) : base(options) { }

    /// <inheritdoc />
    public string Name => "vqr";

    /// <summary>Centre of the training targets (the prediction at ⟨Z₀⟩ = 0 before training).</summary>
    public double TargetCentre => _centre;

    /// <summary>Half-width of the training targets.</summary>
    public double TargetHalfWidth => _halfWidth;

    internal override int NumReadouts => 1;

    internal override int NumHead => 2;

    internal override string Kind => "vqr";

    /// <summary>Fits on a regression dataset.</summary>
    /// <exception cref="ArgumentException">When the dataset is a classification dataset or does not fit the options.</exception>
    public VariationalRegressor Fit(Dataset data, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Fit(data, null, null, progress, cancellationToken);

    /// <summary>
    /// Fits on a regression dataset with checkpoints: resumes <paramref name="resumeFrom"/> when given, and hands
    /// <paramref name="onCheckpoint"/> a <see cref="TrainingCheckpoint"/> after every completed epoch (see the row
    /// overload for the details).
    /// </summary>
    /// <exception cref="ArgumentException">When the dataset is a classification dataset, does not fit the options, or the checkpoint does not fit the model and data.</exception>
    public VariationalRegressor Fit(Dataset data, TrainingCheckpoint? resumeFrom, Action<TrainingCheckpoint>? onCheckpoint,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Task != TaskKind.Regression) throw new ArgumentException($"Dataset '{data.Name}' is a classification dataset; use VariationalClassifier.", nameof(data));
        return Fit(data.ToJaggedArray(), data.TargetArray(), resumeFrom, onCheckpoint, progress, cancellationToken);
    }

    /// <inheritdoc />
    void IRegressor.Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y) => Fit(x, y);

    /// <summary>Fits on rows and real targets.</summary>
    /// <exception cref="ArgumentException">When the data is empty, ragged, or a target is not finite.</exception>
    public VariationalRegressor Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Fit(x, y, null, null, progress, cancellationToken);

    /// <summary>
    /// Fits on rows and real targets with checkpoints. With <paramref name="resumeFrom"/> (a checkpoint of a run with
    /// equal options on the same rows and targets), training continues after that checkpoint's epoch and ends with the
    /// model the uninterrupted run would have produced, to the bit; a final checkpoint gives the finished model without
    /// training. After every completed epoch, <paramref name="onCheckpoint"/> receives the state to resume from, before
    /// <paramref name="progress"/> hears of that epoch, so an epoch that has been reported has been checkpointed.
    /// Cancellation stops at the next sample; the last checkpoint handed out stays valid.
    /// </summary>
    /// <exception cref="ArgumentException">When the data is empty, ragged, a target is not finite, or the checkpoint does not fit the model and data (the message names what differs).</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public VariationalRegressor Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, TrainingCheckpoint? resumeFrom, Action<TrainingCheckpoint>? onCheckpoint,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0) throw new ArgumentException("Training needs at least one row.", nameof(x));
        if (y.Count != x.Count) throw new ArgumentException($"{x.Count} rows but {y.Count} targets.", nameof(y));
        for (int i = 0; i < y.Count; i++) if (!double.IsFinite(y[i])) throw new ArgumentException($"Target {i} is {y[i]}; targets must be finite.", nameof(y));
        double min = y.Min(), max = y.Max();
        _centre = (max + min) / 2;
        _halfWidth = max > min ? (max - min) / 2 : 1;
        _targets = [.. y.Select(v => (v - _centre) / _halfWidth)];
        FitCore(x, null, resumeFrom, onCheckpoint, progress, cancellationToken);
        return this;
    }

    /// <inheritdoc />
    public double[] Predict(IReadOnlyList<double[]> x)
    {
        var h = HeadParameters.ToArray();
        return [.. RawReadouts(x).Select(r => _centre + _halfWidth * (h[0] * r[0] + h[1]))];
    }

    /// <summary>Coefficient of determination R² on rows and targets.</summary>
    public double Score(IReadOnlyList<double[]> x, IReadOnlyList<double> y) => RegressionMetrics.R2(y, Predict(x));

    /// <summary>R² on a regression dataset.</summary>
    public double Score(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Score(data.ToJaggedArray(), data.TargetArray());
    }

    /// <summary>Reads a model written by <see cref="VariationalModel.Save"/>.</summary>
    /// <exception cref="FormatException">When the file is not a saved VQR of a supported version.</exception>
    public static VariationalRegressor Load(string path) => FromJson(File.ReadAllText(path));

    /// <summary>Reads a model written by <see cref="VariationalModel.ToJson"/>.</summary>
    /// <exception cref="FormatException">When the JSON is not a saved VQR of a supported version.</exception>
    public static VariationalRegressor FromJson(string json)
    {
        var (options, root) = ReadOptions(json, "vqr");
        var m = new VariationalRegressor(options);
        m.Restore(root);
        return m;
    }

    internal override void InitializeHead(Span<double> head)
    {
        head[0] = 1;
        head[1] = 0;
    }

    internal override double HeadLoss(int sample, ReadOnlySpan<double> readouts, ReadOnlySpan<double> head, Span<double> dReadouts, Span<double> dHead)
    {
        double e = head[0] * readouts[0] + head[1] - _targets[sample];
        dReadouts[0] = 2 * e * head[0];
        bool learn = Options.LearnOutputScale;
        dHead[0] = learn ? 2 * e * readouts[0] : 0;
        dHead[1] = learn ? 2 * e : 0;
        return e * e;
    }

    internal override double Metric(IReadOnlyList<int> rows, double[][] readouts)
    {
        var h = HeadParameters.ToArray();
        var actual = rows.Select(i => _targets[i]).ToArray();
        var predicted = rows.Select(i => h[0] * readouts[i][0] + h[1]).ToArray();
        return actual.Length < 2 ? 0 : RegressionMetrics.R2(actual, predicted);
    }

    internal override void AddTargets(Fingerprint fingerprint)
    {
        fingerprint.Add(_centre);
        fingerprint.Add(_halfWidth);
        foreach (double t in _targets) fingerprint.Add(t);
    }

    internal override void WriteExtra(JsonObject root)
    {
        root["target_centre"] = _centre;
        root["target_half_width"] = _halfWidth;
    }

    internal override void ReadExtra(JsonObject root)
    {
        _centre = Field(root, "target_centre").GetValue<double>();
        _halfWidth = Field(root, "target_half_width").GetValue<double>();
    }
}
