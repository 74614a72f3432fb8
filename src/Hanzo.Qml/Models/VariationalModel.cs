using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Hanzo.Qml.Ansatze;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Data;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Optimization;

namespace Hanzo.Qml.Models;

/// <summary>
/// Shared machinery of <see cref="VariationalClassifier"/> and <see cref="VariationalRegressor"/>: preprocessing, the
/// circuit, the flat parameter vector θ = [circuit weights | output head | hybrid MLP], the mini-batch training loop
/// and versioned JSON persistence.
/// </summary>
/// <remarks>
/// Training is deterministic to the bit under <see cref="VariationalModelOptions.Seed"/>: shuffles come from
/// <see cref="SeededRandom"/>, per-sample gradients are computed in parallel into separate rows and summed in sample
/// order, and the optimiser runs on one thread. The guarantee survives interruptions: the <c>Fit</c> overloads that take
/// a <see cref="TrainingCheckpoint"/> hand out the loop's state after every epoch and resume from it to the bit.
/// </remarks>
public abstract class VariationalModel
{
    /// <summary>Version of the JSON written by <see cref="ToJson"/>.</summary>
    public const int FormatVersion = 1;

    internal static readonly JsonSerializerOptions OptionsJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly List<EpochRecord> _history = [];
    private CircuitEngine? _engine;
    private HybridNetwork? _mlp;
    private double[] _theta = [];
    private int _numWeights;

    /// <summary>Creates an unfitted model.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    protected VariationalModel(VariationalModelOptions? options)
    {
        Options = options ?? new VariationalModelOptions();
        Options.Validate();
    }

    /// <summary>The options the model was built with.</summary>
    public VariationalModelOptions Options { get; }

    /// <summary>Whether <c>Fit</c> (or a load) has run.</summary>
    public bool IsFitted => _engine is not null;

    /// <summary>The fitted circuit (encoding then ansatz).</summary>
    /// <exception cref="InvalidOperationException">Before fitting.</exception>
    public Circuit Circuit => (_engine ?? throw NotFitted()).Circuit;

    /// <summary>A copy of all trained parameters: circuit weights, then the output head, then the hybrid MLP.</summary>
    public double[] Parameters => (double[])_theta.Clone();

    /// <summary>Number of circuit weights at the front of <see cref="Parameters"/>.</summary>
    public int NumCircuitWeights => _numWeights;

    /// <summary>The fitted preprocessing (applied to raw features before the circuit or the MLP).</summary>
    public Preprocessor? Preprocessor { get; private set; }

    /// <summary>Number of raw input features the model was fitted on.</summary>
    public int NumFeatures { get; private set; }

    /// <summary>Loss and metrics per epoch.</summary>
    public IReadOnlyList<EpochRecord> History => _history.AsReadOnly();

    /// <summary>Number of readout wires (0..K−1).</summary>
    internal abstract int NumReadouts { get; }

    /// <summary>Number of output-head parameters.</summary>
    internal abstract int NumHead { get; }

    internal abstract string Kind { get; }

    internal HybridNetwork? Mlp => _mlp;

    internal CircuitEngine Engine => _engine ?? throw NotFitted();

    internal double[] Theta => _theta;

    /// <summary>Initial head parameters.</summary>
    internal abstract void InitializeHead(Span<double> head);

    /// <summary>Per-sample loss; writes ∂L/∂readouts and ∂L/∂head.</summary>
    internal abstract double HeadLoss(int sample, ReadOnlySpan<double> readouts, ReadOnlySpan<double> head, Span<double> dReadouts, Span<double> dHead);

    /// <summary>Training metric (higher is better) for the rows <paramref name="rows"/> given their readouts.</summary>
    internal abstract double Metric(IReadOnlyList<int> rows, double[][] readouts);

    internal abstract void WriteExtra(JsonObject root);

    internal abstract void ReadExtra(JsonObject root);

    /// <summary>Writes the training targets (labels or regression targets, as the loss sees them) into a data fingerprint.</summary>
    internal abstract void AddTargets(Fingerprint fingerprint);

    /// <summary>
    /// Runs training; <paramref name="labels"/> (classes, for stratification) may be null for regression. With
    /// <paramref name="resumeFrom"/>, continues that checkpoint's run instead of starting afresh; after every completed
    /// epoch, <paramref name="onCheckpoint"/> receives the state to continue from, before <paramref name="progress"/>
    /// hears of the epoch.
    /// </summary>
    private protected void FitCore(IReadOnlyList<double[]> x, int[]? labels, TrainingCheckpoint? resumeFrom, Action<TrainingCheckpoint>? onCheckpoint,
        IProgress<TrainingProgress>? progress, CancellationToken ct)
    {
        var o = Options;
        int count = x.Count;
        _history.Clear();
        IReadOnlyList<int> train = [.. Enumerable.Range(0, count)];
        IReadOnlyList<int>? validation = null;
        if (o.EarlyStopping is { } es)
        {
            var split = labels is not null
                ? CrossValidation.StratifiedTrainTestSplit(labels, es.ValidationFraction, SeededRandom.Derive(o.Seed, 3))
                : CrossValidation.TrainTestSplit(count, es.ValidationFraction, SeededRandom.Derive(o.Seed, 3));
            train = split.Train;
            validation = split.Test;
        }
        NumFeatures = x[0].Length;
        bool hybrid = o.HybridHiddenLayers is not null;
        bool amplitude = o.Encoding.Trim().Equals("amplitude", StringComparison.OrdinalIgnoreCase);
        var pre = o.Preprocessing ?? (hybrid
            ? new PreprocessingOptions { ScaleToAngles = false }
            : new PreprocessingOptions { PcaComponents = !amplitude && NumFeatures > o.NumQubits ? o.NumQubits : null, ScaleToAngles = !amplitude });
        Preprocessor = Data.Preprocessor.Fit([.. train.Select(i => x[i])], pre, hybrid || amplitude ? null : o.NumQubits);
        var xp = Preprocessor.Transform(x);
        bool checkpointing = resumeFrom is not null || onCheckpoint is not null;
        string dataFingerprint = checkpointing ? DataFingerprint(x) : "";
        string preprocessorFingerprint = checkpointing ? Fingerprint.Of(Preprocessor.ToJson()) : "";

        var full = BuildCircuit(o.NumLayers, out var ansatz);
        _numWeights = full.NumWeights;
        _mlp = hybrid ? new HybridNetwork(xp[0].Length, o.HybridHiddenLayers!, full.NumFeatures) : null;
        _theta = new double[_numWeights + NumHead + (_mlp?.NumParameters ?? 0)];
        int stages = o.LayerwiseTraining ? o.NumLayers : 1;
        SeededRandom shuffle, spsa;
        double bestValidation = double.NegativeInfinity;
        double[]? bestTheta = null;
        int sinceBest = 0, epoch = 0;
        GradientStepperState? resumeStepper = null;
        if (resumeFrom is null)
        {
            var rng = new SeededRandom(SeededRandom.Derive(o.Seed, 1));
            for (int i = 0; i < _numWeights; i++) _theta[i] = o.InitialWeightScale * Math.PI * rng.NextDouble(-1, 1);
            InitializeHead(_theta.AsSpan(_numWeights, NumHead));
            _mlp?.Initialize(_theta.AsSpan(_numWeights + NumHead), rng);
            if (_mlp is not null && o.ClassicalPretraining is { } pretraining) Pretrain(pretraining, full, xp, train, ct);
            shuffle = new SeededRandom(SeededRandom.Derive(o.Seed, 2));
            spsa = new SeededRandom(SeededRandom.Derive(o.Seed, 4));
        }
        else
        {
            // The initialisation and classical pre-training happened before the checkpoint's first epoch and live on in θ.
            CheckResumable(resumeFrom, count, dataFingerprint, preprocessorFingerprint, stages);
            _theta = [.. resumeFrom.Parameters];
            shuffle = new SeededRandom(resumeFrom.ShuffleRandom);
            spsa = new SeededRandom(resumeFrom.SpsaRandom);
            if (resumeFrom.BestParameters is { } best) (bestValidation, bestTheta) = (resumeFrom.BestValidationMetric!.Value, [.. best]);
            sinceBest = resumeFrom.EpochsSinceBest;
            epoch = resumeFrom.Epoch;
            _history.AddRange(resumeFrom.History);
            resumeStepper = resumeFrom.Stepper;
        }
        if (!hybrid && !amplitude && xp[0].Length != full.NumFeatures)
            throw new ArgumentException($"The {o.Encoding} encoding on {o.NumQubits} qubits reads {full.NumFeatures} features, but preprocessing gives {xp[0].Length}.");

        int perLayer = ansatz.NumWeights / ansatz.NumLayers;
        int encodingWeights = _numWeights - ansatz.NumWeights;
        var (firstStage, doneInFirstStage) = Position(epoch, stages);
        bool stop = o.EarlyStopping is { } stopping && sinceBest >= stopping.Patience;
        bool trained = false;
        for (int stage = firstStage; stage <= stages && !stop; stage++)
        {
            int layers = o.LayerwiseTraining ? stage : o.NumLayers;
            _engine?.Dispose();
            _engine = new CircuitEngine(o.LayerwiseTraining ? BuildCircuit(layers, out _) : full, [.. Enumerable.Range(0, NumReadouts)]);
            trained = true;
            var trainable = new bool[_theta.Length];
            for (int i = 0; i < _theta.Length; i++)
                trainable[i] = i >= _numWeights || !o.LayerwiseTraining || i < encodingWeights || (i - encodingWeights) / perLayer == layers - 1;
            if (o.LayerwiseTraining)
                for (int i = encodingWeights + layers * perLayer; i < _numWeights; i++) trainable[i] = false;
            IGradientStepper? stepper = o.Optimizer switch
            {
                VariationalOptimizer.Adam => new Adam(new AdamOptions { LearningRate = o.LearningRate }).CreateStepper(_theta.Length),
                VariationalOptimizer.Sgd => new Sgd(new SgdOptions { LearningRate = o.LearningRate }).CreateStepper(_theta.Length),
                _ => null,
            };
            int epochs = StageEpochs(stage, stages);
            int firstEpoch = stage == firstStage ? doneInFirstStage : 0;
            // A checkpoint taken at the end of a stage resumes at the start of the next, whose stepper starts afresh.
            if (firstEpoch > 0 && stepper is not null)
                stepper.ImportState(resumeStepper ?? throw new ArgumentException($"The checkpoint after epoch {epoch} lacks the {o.Optimizer} stepper state it needs to continue.", nameof(resumeFrom)));
            var grad = new double[_theta.Length];
            for (int e = firstEpoch; e < epochs; e++)
            {
                ct.ThrowIfCancellationRequested();
                epoch++;
                var order = train.ToArray();
                shuffle.Shuffle(order.AsSpan());
                double lossSum = 0;
                int batches = 0;
                for (int start = 0; start < order.Length; start += o.BatchSize)
                {
                    var batch = order.AsSpan(start, Math.Min(o.BatchSize, order.Length - start)).ToArray();
                    if (o.Optimizer == VariationalOptimizer.Spsa)
                    {
                        const double c = 0.1;
                        var delta = new double[_theta.Length];
                        for (int i = 0; i < delta.Length; i++) delta[i] = trainable[i] ? (spsa.NextDouble() < 0.5 ? -1 : 1) : 0;
                        var plus = (double[])_theta.Clone();
                        var minus = (double[])_theta.Clone();
                        for (int i = 0; i < delta.Length; i++) { plus[i] += c * delta[i]; minus[i] -= c * delta[i]; }
                        double fp = BatchLoss(plus, xp, batch, ct), fm = BatchLoss(minus, xp, batch, ct);
                        double g = (fp - fm) / (2 * c);
                        for (int i = 0; i < delta.Length; i++) _theta[i] -= o.LearningRate * g * delta[i];
                        lossSum += 0.5 * (fp + fm);
                    }
                    else
                    {
                        lossSum += BatchLossAndGradient(_theta, xp, batch, grad, EffectiveGradient, ct);
                        for (int i = 0; i < grad.Length; i++) if (!trainable[i]) grad[i] = 0;
                        if (stepper is not null) stepper.Step(_theta, grad);
                        else QngStep(xp, batch, grad, trainable);
                    }
                    batches++;
                }
                var readouts = Readouts(xp, ct);
                double metric = Metric(train, readouts);
                double? val = validation is null ? null : Metric(validation, readouts);
                var record = new EpochRecord(epoch, lossSum / Math.Max(1, batches), metric, val);
                _history.Add(record);
                if (val is double v)
                {
                    if (v > bestValidation) { bestValidation = v; bestTheta = (double[])_theta.Clone(); sinceBest = 0; }
                    else if (++sinceBest >= o.EarlyStopping!.Patience) stop = true;
                }
                onCheckpoint?.Invoke(new TrainingCheckpoint(Kind, o, count, NumFeatures, dataFingerprint, preprocessorFingerprint, epoch,
                    o.LayerwiseTraining ? stage : null, stop || (stage == stages && e == epochs - 1), _theta, stepper?.ExportState(),
                    shuffle.GetState(), spsa.GetState(), _history, bestTheta is null ? null : bestValidation, bestTheta, sinceBest));
                progress?.Report(new TrainingProgress(record.Epoch, record.Loss, record.Metric, record.ValidationMetric));
                if (stop) break;
            }
        }
        if (bestTheta is not null) _theta = bestTheta;
        // Layer-wise stages leave a truncated circuit behind, and a resumed final checkpoint trains nothing and built none.
        if (o.LayerwiseTraining || !trained)
        {
            _engine?.Dispose();
            _engine = new CircuitEngine(full, [.. Enumerable.Range(0, NumReadouts)]);
        }
    }

    /// <summary>Epochs of layer-wise stage <paramref name="stage"/> (all epochs when training is not layer-wise).</summary>
    private int StageEpochs(int stage, int stages)
    {
        int e = Options.Epochs;
        if (!Options.LayerwiseTraining) return e;
        int early = Math.Max(1, e / stages);
        return stage < stages ? early : Math.Max(1, e - (stages - 1) * early);
    }

    /// <summary>After <paramref name="epochsDone"/> epochs: the stage the next epoch belongs to and the epochs already run in it (stage stages + 1 when all are done).</summary>
    private (int Stage, int Done) Position(int epochsDone, int stages)
    {
        for (int stage = 1; stage <= stages; stage++)
        {
            int epochs = StageEpochs(stage, stages);
            if (epochsDone < epochs) return (stage, epochsDone);
            epochsDone -= epochs;
        }
        return (stages + 1, 0);
    }

    private string DataFingerprint(IReadOnlyList<double[]> x)
    {
        using var f = new Fingerprint();
        f.Add(x.Count);
        f.Add(x[0].Length);
        foreach (var row in x)
            foreach (double v in row) f.Add(v);
        AddTargets(f);
        return f.Finish();
    }

    /// <summary>Refuses a checkpoint of another model, other options, other data or an impossible position, naming the difference.</summary>
    private void CheckResumable(TrainingCheckpoint c, int rows, string dataFingerprint, string preprocessorFingerprint, int stages)
    {
        const string param = "resumeFrom";
        if (c.ModelKind != Kind) throw new ArgumentException($"The checkpoint is of a \"{c.ModelKind}\" model; this is a \"{Kind}\".", param);
        var mine = JsonSerializer.SerializeToNode(Options, OptionsJson)!.AsObject();
        var theirs = JsonSerializer.SerializeToNode(c.Options, OptionsJson)!.AsObject();
        var differing = mine.Select(p => p.Key).Union(theirs.Select(p => p.Key))
            .Select(k => (Name: k, Mine: mine[k]?.ToJsonString() ?? "null", Theirs: theirs[k]?.ToJsonString() ?? "null"))
            .Where(d => d.Mine != d.Theirs).ToList();
        if (differing.Count > 0)
            throw new ArgumentException("The checkpoint was taken with different options: " + string.Join("; ", differing.Select(d => $"{d.Name} is {d.Theirs} in the checkpoint but {d.Mine} here")) + ".", param);
        if (c.NumRows != rows || c.NumFeatures != NumFeatures)
            throw new ArgumentException($"The checkpoint was taken on {c.NumRows} rows × {c.NumFeatures} features; this data has {rows} × {NumFeatures}.", param);
        if (c.DataFingerprint != dataFingerprint)
            throw new ArgumentException($"The checkpoint was taken on different data (fingerprint {c.DataFingerprint[..12]}…, this data {dataFingerprint[..12]}…): same shape, other values or targets.", param);
        if (c.PreprocessorFingerprint != preprocessorFingerprint)
            throw new ArgumentException("The preprocessing refitted on this data differs from the checkpoint's (same data and options), so this platform or library version does not reproduce the run; it cannot be resumed exactly.", param);
        if (c.Parameters.Count != _theta.Length)
            throw new ArgumentException($"The checkpoint has {c.Parameters.Count} parameters; this model and data need {_theta.Length}.", param);
        int total = StageEpochs(1, stages) * (stages - 1) + StageEpochs(stages, stages);
        if (c.Epoch > total) throw new ArgumentException($"The checkpoint is after epoch {c.Epoch}, but the options train {total}.", param);
        if (Options.LayerwiseTraining && Position(c.Epoch - 1, stages).Stage != c.LayerwiseStage)
            throw new ArgumentException($"The checkpoint puts epoch {c.Epoch} in layer-wise stage {c.LayerwiseStage}; the options put it in stage {Position(c.Epoch - 1, stages).Stage}.", param);
        bool stopped = Options.EarlyStopping is { } es && c.EpochsSinceBest >= es.Patience;
        if (c.IsFinal != (stopped || c.Epoch == total))
            throw new ArgumentException($"The checkpoint after epoch {c.Epoch} says training {(c.IsFinal ? "was" : "was not")} over, which its options and early-stopping state contradict.", param);
    }

    /// <summary>
    /// Fits the MLP and head through the classical surrogate readout Π_{j∈S_k} cos(angle_j) (see
    /// <see cref="ClassicalPretrainingOptions"/>). Its own seed stream keeps the quantum phase's shuffles unchanged.
    /// </summary>
    private void Pretrain(ClassicalPretrainingOptions p, Circuit circuit, double[][] xp, IReadOnlyList<int> train, CancellationToken ct)
    {
        var mlp = _mlp!;
        int offset = _numWeights, n = NumHead + mlp.NumParameters, readouts = NumReadouts, q = mlp.Sizes[^1];
        var support = SurrogateSupport(circuit);
        var stepper = new Adam(new AdamOptions { LearningRate = p.LearningRate }).CreateStepper(n);
        var shuffle = new SeededRandom(SeededRandom.Derive(Options.Seed, 5));
        var local = _theta.AsSpan(offset, n).ToArray();
        var grad = new double[n];
        var r = new double[readouts];
        var dR = new double[readouts];
        var dHead = new double[NumHead];
        var dAngles = new double[q];
        var cos = new double[q];
        for (int e = 0; e < p.Epochs; e++)
        {
            ct.ThrowIfCancellationRequested();
            var order = train.ToArray();
            shuffle.Shuffle(order.AsSpan());
            for (int start = 0; start < order.Length; start += Options.BatchSize)
            {
                int b = Math.Min(Options.BatchSize, order.Length - start);
                Array.Clear(grad);
                for (int j = 0; j < b; j++)
                {
                    int row = order[start + j];
                    var acts = mlp.Forward(local.AsSpan(NumHead), xp[row]);
                    var angles = HybridNetwork.Angles(acts);
                    for (int w = 0; w < q; w++) cos[w] = Math.Cos(angles[w]);
                    for (int k = 0; k < readouts; k++)
                    {
                        r[k] = 1;
                        foreach (int w in support[k]) r[k] *= cos[w];
                    }
                    HeadLoss(row, r, local.AsSpan(0, NumHead), dR, dHead);
                    for (int k = 0; k < NumHead; k++) grad[k] += dHead[k] / b;
                    Array.Clear(dAngles);
                    for (int k = 0; k < readouts; k++)
                        foreach (int w in support[k])
                        {
                            double others = 1;
                            foreach (int v in support[k]) if (v != w) others *= cos[v];
                            dAngles[w] -= Math.Sin(angles[w]) * others * dR[k];
                        }
                    mlp.Backward(local.AsSpan(NumHead), acts, dAngles, grad.AsSpan(NumHead), 1.0 / b);
                }
                stepper.Step(local, grad);
            }
        }
        local.CopyTo(_theta.AsSpan(offset, n));
    }

    /// <summary>
    /// For each readout k, the wires S_k whose Z the entanglers copy onto Z_k when the ansatz rotations are zero, so that
    /// ⟨Z_k⟩ = Π_{j∈S_k} cos(angle_j) on the X/Y angle encoding. Found by probing the circuit at the basis states
    /// (angle_j = π flips the sign of exactly the readouts whose S_k holds j), then checked at a generic point, because a
    /// non-Clifford entangler would make the product form wrong and the pre-training misleading.
    /// </summary>
    private int[][] SurrogateSupport(Circuit circuit)
    {
        int q = circuit.NumFeatures, readouts = NumReadouts;
        using var engine = new CircuitEngine(circuit, [.. Enumerable.Range(0, readouts)]);
        var zero = new double[circuit.NumWeights];
        var probes = new double[q + 1][];
        for (int j = 0; j < q; j++) { probes[j] = new double[q]; probes[j][j] = Math.PI; }
        probes[q] = [.. Enumerable.Range(0, q).Select(j => 0.3 + 0.7 * j / q)];
        var r = new double[q + 1][];
        for (int j = 0; j <= q; j++) r[j] = new double[readouts];
        engine.Expectations(zero, probes, r);
        var support = new int[readouts][];
        for (int k = 0; k < readouts; k++)
        {
            support[k] = [.. Enumerable.Range(0, q).Where(j => r[j][k] < 0)];
            double predicted = 1;
            foreach (int j in support[k]) predicted *= Math.Cos(probes[q][j]);
            if (Math.Abs(predicted - r[q][k]) > 1e-9)
                throw new InvalidOperationException($"ClassicalPretraining: readout {k} of this ansatz is not a product of cosines of the angles at zero weights, so the classical surrogate does not describe the circuit; use an ansatz whose entanglers are CNOT or CZ gates.");
        }
        return support;
    }

    private GradientMethod EffectiveGradient => Options.Gradient == GradientMethod.ParameterShift ? GradientMethod.ParameterShift : GradientMethod.Adjoint;

    private void QngStep(double[][] xp, int[] batch, double[] grad, bool[] trainable)
    {
        // The metric depends on the encoded input; average it over (up to) the first four samples of the batch.
        int m = Math.Min(4, batch.Length);
        var weights = _theta.AsSpan(0, _numWeights).ToArray();
        List<QuantumNaturalGradient.MetricBlock>? blocks = null;
        for (int s = 0; s < m; s++)
        {
            var input = EncodedInput(_theta, xp[batch[s]]);
            var b = QuantumNaturalGradient.BlockDiagonalMetric(Engine.Circuit, weights, input);
            if (blocks is null) blocks = b;
            else for (int k = 0; k < b.Count; k++) for (int i = 0; i < b[k].Weights.Length; i++) for (int j = 0; j < b[k].Weights.Length; j++) blocks[k].Metric[i, j] += b[k].Metric[i, j];
        }
        var step = (double[])grad.Clone();
        foreach (var block in blocks!)
        {
            int d = block.Weights.Length;
            var g = new double[d, d];
            var r = new double[d];
            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++) g[i, j] = block.Metric[i, j] / m;
                g[i, i] += 1e-3; // Tikhonov: the metric is singular whenever a gate acts on an eigenstate of its generator.
                r[i] = grad[block.Weights[i]];
            }
            var sol = QuantumNaturalGradient.Solve(g, r);
            for (int i = 0; i < d; i++) step[block.Weights[i]] = sol[i];
        }
        for (int i = 0; i < _theta.Length; i++) if (trainable[i]) _theta[i] -= Options.LearningRate * step[i];
    }

    private Circuit BuildCircuit(int layers, out IAnsatz ansatz)
    {
        var o = Options;
        var encoding = EncodingFactory.Create(o.Encoding, o.NumQubits, o.EncodingOptions);
        ansatz = AnsatzFactory.Create(o.Ansatz, o.NumQubits, layers);
        var b = new CircuitBuilder(o.NumQubits);
        encoding.AppendTo(b);
        ansatz.AppendTo(b);
        if (NumReadouts > o.NumQubits) throw new ArgumentException($"{NumReadouts} readout wires do not fit on {o.NumQubits} qubits; use at least {NumReadouts} qubits.");
        return b.Build();
    }

    /// <summary>The circuit's feature vector for a preprocessed row (the MLP's angles in a hybrid model).</summary>
    internal double[] EncodedInput(ReadOnlySpan<double> theta, double[] row) =>
        _mlp is null ? row : HybridNetwork.Angles(_mlp.Forward(theta[(_numWeights + NumHead)..], row));

    /// <summary>Mean loss over <paramref name="batch"/> and its gradient with respect to all of θ (overwrites <paramref name="grad"/>).</summary>
    internal double BatchLossAndGradient(double[] theta, double[][] xp, int[] batch, double[] grad, GradientMethod method, CancellationToken ct = default)
    {
        int b = batch.Length;
        var weights = theta.AsSpan(0, _numWeights).ToArray();
        var head = theta.AsSpan(_numWeights, NumHead).ToArray();
        double[][][]? acts = null;
        IReadOnlyList<double[]> inputs = xp;
        int[] rows = batch;
        if (_mlp is not null)
        {
            var mlpParams = theta.AsSpan(_numWeights + NumHead);
            acts = new double[b][][];
            var angles = new double[b][];
            for (int j = 0; j < b; j++)
            {
                acts[j] = _mlp.Forward(mlpParams, xp[batch[j]]);
                angles[j] = HybridNetwork.Angles(acts[j]);
            }
            inputs = angles;
            rows = [.. Enumerable.Range(0, b)];
        }
        var loss = new double[b];
        var dW = new double[b][];
        var dHead = new double[b][];
        for (int j = 0; j < b; j++) { dW[j] = new double[_numWeights]; dHead[j] = new double[NumHead]; }
        var dX = _mlp is null ? null : Enumerable.Range(0, b).Select(_ => new double[Engine.Circuit.NumFeatures]).ToArray();
        CircuitEngine.Head h = (j, r, d) => HeadLoss(batch[j], r, head, d, dHead[j]);
        Engine.LossAndGradient(weights, inputs, rows, h, method, loss, dW, dX, ct);
        Array.Clear(grad);
        double total = 0;
        for (int j = 0; j < b; j++)
        {
            total += loss[j];
            for (int k = 0; k < _numWeights; k++) grad[k] += dW[j][k] / b;
            for (int k = 0; k < NumHead; k++) grad[_numWeights + k] += dHead[j][k] / b;
            if (_mlp is not null) _mlp.Backward(theta.AsSpan(_numWeights + NumHead), acts![j], dX![j], grad.AsSpan(_numWeights + NumHead), 1.0 / b);
        }
        return total / b;
    }

    /// <summary>Mean loss over <paramref name="batch"/> without gradients.</summary>
    internal double BatchLoss(double[] theta, double[][] xp, int[] batch, CancellationToken ct = default)
    {
        var weights = theta.AsSpan(0, _numWeights).ToArray();
        var head = theta.AsSpan(_numWeights, NumHead).ToArray();
        var inputs = batch.Select(i => EncodedInput(theta, xp[i])).ToArray();
        var r = new double[batch.Length][];
        for (int j = 0; j < r.Length; j++) r[j] = new double[NumReadouts];
        Engine.Expectations(weights, inputs, r, ct);
        double total = 0;
        Span<double> d = stackalloc double[NumReadouts];
        var dh = new double[NumHead];
        for (int j = 0; j < batch.Length; j++) total += HeadLoss(batch[j], r[j], head, d, dh);
        return total / batch.Length;
    }

    /// <summary>Readout expectations for preprocessed rows.</summary>
    internal double[][] Readouts(double[][] xp, CancellationToken ct = default)
    {
        var weights = _theta.AsSpan(0, _numWeights).ToArray();
        var inputs = _mlp is null ? xp : [.. xp.Select(r => EncodedInput(_theta, r))];
        var r = new double[xp.Length][];
        for (int j = 0; j < r.Length; j++) r[j] = new double[NumReadouts];
        Engine.Expectations(weights, inputs, r, ct);
        return r;
    }

    /// <summary>Preprocesses raw rows and returns their readouts.</summary>
    private protected double[][] RawReadouts(IReadOnlyList<double[]> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!IsFitted) throw NotFitted();
        if (x.Count == 0) return [];
        return Readouts(Preprocessor!.Transform(x));
    }

    internal ReadOnlySpan<double> HeadParameters => _theta.AsSpan(_numWeights, NumHead);

    private protected static InvalidOperationException NotFitted() => new("The model is not fitted: call Fit first (or Load a saved model).");

    /// <summary>Versioned JSON: options, circuit (one line per gate, checked on load), parameters, preprocessing, history and the task's extras.</summary>
    /// <exception cref="InvalidOperationException">Before fitting.</exception>
    public string ToJson()
    {
        if (!IsFitted) throw NotFitted();
        var root = new JsonObject
        {
            ["format"] = "hanzo-qml." + Kind,
            ["version"] = FormatVersion,
            ["options"] = JsonSerializer.SerializeToNode(Options, OptionsJson),
            ["num_features"] = NumFeatures,
            ["preprocessor"] = JsonNode.Parse(Preprocessor!.ToJson()),
            ["circuit"] = new JsonArray([.. Circuit.Operations.Select(op => (JsonNode?)JsonValue.Create(op.ToString()))]),
            ["num_circuit_weights"] = _numWeights,
            ["parameters"] = new JsonArray([.. _theta.Select(v => (JsonNode?)JsonValue.Create(v))]),
            ["history"] = new JsonArray([.. _history.Select(h => (JsonNode?)new JsonObject
            {
                ["epoch"] = h.Epoch, ["loss"] = h.Loss, ["metric"] = h.Metric, ["validation_metric"] = h.ValidationMetric,
            })]),
        };
        WriteExtra(root);
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/>.</summary>
    public void Save(string path) => File.WriteAllText(path, ToJson());

    private protected static (VariationalModelOptions Options, JsonObject Root) ReadOptions(string json, string kind)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try { root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("A saved variational model is a JSON object."); }
        catch (JsonException e) { throw new FormatException("The saved model is not valid JSON: " + e.Message, e); }
        string format = root["format"]?.GetValue<string>() ?? throw new FormatException("The saved model lacks \"format\".");
        if (format != "hanzo-qml." + kind) throw new FormatException($"The file holds a \"{format}\", not a \"hanzo-qml.{kind}\".");
        int version = root["version"]?.GetValue<int>() ?? throw new FormatException("The saved model lacks \"version\".");
        if (version != FormatVersion) throw new FormatException($"Saved model version {version} is not supported (this library reads version {FormatVersion}).");
        var options = root["options"].Deserialize<VariationalModelOptions>(OptionsJson) ?? throw new FormatException("The saved model lacks \"options\".");
        return (options, root);
    }

    /// <summary>A required member of a saved model; a missing one is a <see cref="FormatException"/> naming it.</summary>
    private protected static JsonNode Field(JsonNode? parent, string name) =>
        parent?[name] ?? throw new FormatException($"The saved model lacks \"{name}\".");

    /// <summary>A required array element or object; JSON null is a <see cref="FormatException"/>.</summary>
    private protected static JsonNode Element(JsonNode? node) =>
        node ?? throw new FormatException("The saved model has a null where a value is required.");

    private protected void Restore(JsonObject root)
    {
        try
        {
            NumFeatures = Field(root, "num_features").GetValue<int>();
            Preprocessor = (Preprocessor)DataTransform.FromJson(Field(root, "preprocessor").ToJsonString());
            ReadExtra(root);
            var circuit = BuildCircuit(Options.NumLayers, out _);
            var saved = Field(root, "circuit").AsArray().Select(n => Element(n).GetValue<string>()).ToArray();
            if (!saved.SequenceEqual(circuit.Operations.Select(op => op.ToString())))
                throw new FormatException("The saved circuit differs from the one its options build; the file was edited or written by an incompatible version.");
            _numWeights = Field(root, "num_circuit_weights").GetValue<int>();
            _theta = [.. Field(root, "parameters").AsArray().Select(n => Element(n).GetValue<double>())];
            if (Options.HybridHiddenLayers is { } hidden)
                _mlp = new HybridNetwork(Preprocessor.OutputDimension, hidden, circuit.NumFeatures);
            if (_theta.Length != _numWeights + NumHead + (_mlp?.NumParameters ?? 0) || _numWeights != circuit.NumWeights)
                throw new FormatException($"The saved model has {_theta.Length} parameters; its options need {circuit.NumWeights + NumHead + (_mlp?.NumParameters ?? 0)}.");
            _history.Clear();
            foreach (var h in Field(root, "history").AsArray())
                _history.Add(new EpochRecord(Field(h, "epoch").GetValue<int>(), Field(h, "loss").GetValue<double>(), Field(h, "metric").GetValue<double>(), Element(h)["validation_metric"]?.GetValue<double>()));
            _engine = new CircuitEngine(circuit, [.. Enumerable.Range(0, NumReadouts)]);
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or KeyNotFoundException)
        {
            throw new FormatException("The saved model is incomplete or malformed: " + e.Message, e);
        }
    }
}
