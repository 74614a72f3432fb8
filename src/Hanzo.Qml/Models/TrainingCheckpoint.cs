using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hanzo.Qml.Data;
using Hanzo.Qml.Optimization;

namespace Hanzo.Qml.Models;

/// <summary>
/// Everything a <see cref="VariationalClassifier"/> or <see cref="VariationalRegressor"/> needs to continue training
/// after a completed epoch, so that a run stopped there (cancelled, or its process killed) and resumed from the
/// checkpoint ends with the model an uninterrupted run would have produced, to the bit.
/// </summary>
/// <remarks>
/// <para>A checkpoint holds the mutable state of the training loop: the parameters θ, the gradient stepper's state
/// (Adam's moments and step count, SGD's velocity; none for SPSA and QNG, whose only state is θ and, for SPSA, its
/// random stream), the positions of the shuffle and SPSA random streams, the history, the early-stopping bookkeeping
/// and the layer-wise stage. What can be recomputed exactly is not stored: the validation split, the preprocessing and
/// the hybrid network's shape follow from the options, the seed and the data. Fingerprints of the data and of the
/// fitted preprocessing are stored instead, so resuming on other data, or on a platform that fits the preprocessing
/// differently, is refused rather than silently continued.</para>
/// <para>Immutable: every array is copied in. Written and read as compact JSON by <see cref="ToJson"/> and
/// <see cref="FromJson"/>, whose doubles round-trip exactly.</para>
/// </remarks>
public sealed class TrainingCheckpoint
{
    /// <summary>Version of the JSON written by <see cref="ToJson"/>.</summary>
    public const int FormatVersion = 1;

    private const string Format = "hanzo-qml.training-checkpoint";

    private static readonly JsonSerializerOptions Json = new(VariationalModel.OptionsJson)
    {
        // Losses and metrics are not guaranteed finite (a diverging SPSA run); the checkpoint must still be writable.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        RespectNullableAnnotations = true,
    };

    private readonly double[] _parameters;
    private readonly double[]? _bestParameters;
    private readonly EpochRecord[] _history;

    internal TrainingCheckpoint(string modelKind, VariationalModelOptions options, int numRows, int numFeatures, string dataFingerprint,
        string preprocessorFingerprint, int epoch, int? layerwiseStage, bool isFinal, ReadOnlySpan<double> parameters,
        GradientStepperState? stepper, SeededRandomState shuffleRandom, SeededRandomState spsaRandom, IEnumerable<EpochRecord> history,
        double? bestValidationMetric, ReadOnlySpan<double> bestParameters, int epochsSinceBest)
    {
        ModelKind = modelKind;
        Options = options;
        NumRows = numRows;
        NumFeatures = numFeatures;
        DataFingerprint = dataFingerprint;
        PreprocessorFingerprint = preprocessorFingerprint;
        Epoch = epoch;
        LayerwiseStage = layerwiseStage;
        IsFinal = isFinal;
        _parameters = parameters.ToArray();
        Stepper = stepper;
        ShuffleRandom = shuffleRandom;
        SpsaRandom = spsaRandom;
        _history = [.. history];
        BestValidationMetric = bestValidationMetric;
        _bestParameters = bestValidationMetric is null ? null : bestParameters.ToArray();
        EpochsSinceBest = epochsSinceBest;
        CheckConsistent();
    }

    /// <summary>"vqc" or "vqr": the model the checkpoint belongs to.</summary>
    public string ModelKind { get; }

    /// <summary>The model options of the run; resuming needs equal options (compared field by field).</summary>
    public VariationalModelOptions Options { get; }

    /// <summary>Training rows of the run (including any held out for early stopping).</summary>
    public int NumRows { get; }

    /// <summary>Raw features per row.</summary>
    public int NumFeatures { get; }

    /// <summary>SHA-256 (hex) of the training rows and targets, bit for bit; resuming on other data is refused.</summary>
    public string DataFingerprint { get; }

    /// <summary>SHA-256 (hex) of the fitted preprocessing's JSON; resuming checks that refitting reproduces it.</summary>
    public string PreprocessorFingerprint { get; }

    /// <summary>Number of epochs completed (the 1-based number of the last one).</summary>
    public int Epoch { get; }

    /// <summary>The layer-wise stage (1-based, the number of layers trained) of the last completed epoch; null without layer-wise training.</summary>
    public int? LayerwiseStage { get; }

    /// <summary>Whether training was over after this epoch (all epochs run, or early stopping triggered).</summary>
    public bool IsFinal { get; }

    /// <summary>θ at the end of the epoch (before any early-stopping restore of the best θ).</summary>
    public IReadOnlyList<double> Parameters => Array.AsReadOnly(_parameters);

    /// <summary>The gradient stepper's state (Adam, SGD) of the current stage; null for SPSA and QNG, which keep none.</summary>
    public GradientStepperState? Stepper { get; }

    /// <summary>Position of the mini-batch shuffle stream.</summary>
    public SeededRandomState ShuffleRandom { get; }

    /// <summary>Position of the SPSA direction stream (untouched by the other optimisers).</summary>
    public SeededRandomState SpsaRandom { get; }

    /// <summary>History of the completed epochs, one record per epoch.</summary>
    public IReadOnlyList<EpochRecord> History => Array.AsReadOnly(_history);

    /// <summary>Early stopping: the best validation metric so far; null without early stopping or before any improvement.</summary>
    public double? BestValidationMetric { get; }

    /// <summary>Early stopping: θ at <see cref="BestValidationMetric"/>; null when that is null.</summary>
    public IReadOnlyList<double>? BestParameters => _bestParameters is null ? null : Array.AsReadOnly(_bestParameters);

    /// <summary>Early stopping: epochs since the best validation metric (0 without early stopping).</summary>
    public int EpochsSinceBest { get; }

    /// <summary>The checkpoint as compact JSON, with a format tag and version.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Dto
    {
        Format = Format,
        Version = FormatVersion,
        ModelKind = ModelKind,
        Options = Options,
        NumRows = NumRows,
        NumFeatures = NumFeatures,
        DataFingerprint = DataFingerprint,
        PreprocessorFingerprint = PreprocessorFingerprint,
        Epoch = Epoch,
        LayerwiseStage = LayerwiseStage,
        IsFinal = IsFinal,
        Parameters = _parameters,
        Stepper = Stepper is null ? null : new StepperDto
        {
            Optimizer = Stepper.Optimizer,
            Steps = Stepper.Steps,
            Buffers = Stepper.Buffers.ToDictionary(b => b.Key, b => b.Value.ToArray()),
        },
        ShuffleRandom = RandomDto.Of(ShuffleRandom),
        SpsaRandom = RandomDto.Of(SpsaRandom),
        History = [.. _history.Select(h => new HistoryDto { Epoch = h.Epoch, Loss = h.Loss, Metric = h.Metric, ValidationMetric = h.ValidationMetric })],
        BestValidationMetric = BestValidationMetric,
        BestParameters = _bestParameters,
        EpochsSinceBest = EpochsSinceBest,
    }, Json);

    /// <summary>Reads a checkpoint written by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">When the JSON is not a checkpoint of a supported version, or is incomplete or inconsistent.</exception>
    public static TrainingCheckpoint FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Dto dto;
        try { dto = JsonSerializer.Deserialize<Dto>(json, Json) ?? throw new FormatException("A training checkpoint is a JSON object, not null."); }
        catch (JsonException e) { throw new FormatException("The training checkpoint is not valid: " + e.Message, e); }
        if (dto.Format != Format) throw new FormatException($"The JSON holds a \"{dto.Format}\", not a \"{Format}\".");
        if (dto.Version != FormatVersion) throw new FormatException($"Training checkpoint version {dto.Version} is not supported (this library reads version {FormatVersion}).");
        try
        {
            dto.Options.Validate();
            var stepper = dto.Stepper is { } s
                ? new GradientStepperState(s.Optimizer, s.Steps, s.Buffers.ToDictionary(b => b.Key, b => (IReadOnlyList<double>)b.Value))
                : null;
            if ((dto.BestValidationMetric is null) != (dto.BestParameters is null))
                throw new FormatException("The training checkpoint has a best validation metric without best parameters, or the reverse.");
            return new TrainingCheckpoint(dto.ModelKind, dto.Options, dto.NumRows, dto.NumFeatures, dto.DataFingerprint, dto.PreprocessorFingerprint,
                dto.Epoch, dto.LayerwiseStage, dto.IsFinal, dto.Parameters, stepper, dto.ShuffleRandom.ToState(), dto.SpsaRandom.ToState(),
                dto.History.Select(h => new EpochRecord(h.Epoch, h.Loss, h.Metric, h.ValidationMetric)), dto.BestValidationMetric,
                dto.BestParameters ?? [], dto.EpochsSinceBest);
        }
        catch (ArgumentException e) { throw new FormatException("The training checkpoint is inconsistent: " + e.Message, e); }
    }

    /// <summary>Checks what the checkpoint can check on its own; whether it fits a model and data is checked when resuming.</summary>
    private void CheckConsistent()
    {
        if (ModelKind is not ("vqc" or "vqr")) throw new FormatException($"Unknown model kind \"{ModelKind}\" (expected \"vqc\" or \"vqr\").");
        if (Epoch < 1) throw new FormatException($"A checkpoint follows a completed epoch; epoch {Epoch} is not one.");
        if (NumRows < 1 || NumFeatures < 1) throw new FormatException($"A checkpoint of {NumRows} rows × {NumFeatures} features is impossible.");
        if (_history.Length != Epoch) throw new FormatException($"The checkpoint after epoch {Epoch} holds {_history.Length} history records; it needs one per epoch.");
        for (int i = 0; i < _history.Length; i++)
            if (_history[i].Epoch != i + 1) throw new FormatException($"History record {i} is for epoch {_history[i].Epoch}; expected {i + 1}.");
        if (_parameters.Length == 0) throw new FormatException("The checkpoint has no parameters.");
        if (_bestParameters is not null && _bestParameters.Length != _parameters.Length)
            throw new FormatException($"The checkpoint's best parameters have {_bestParameters.Length} entries; its parameters have {_parameters.Length}.");
        if (EpochsSinceBest < 0) throw new FormatException($"Epochs since the best validation metric is {EpochsSinceBest}; it cannot be negative.");
        if ((LayerwiseStage is null) == Options.LayerwiseTraining)
            throw new FormatException(Options.LayerwiseTraining ? "The checkpoint of a layer-wise run lacks its stage." : "The checkpoint has a layer-wise stage but its options do not train layer by layer.");
        if (Options.EarlyStopping is null && (BestValidationMetric is not null || EpochsSinceBest != 0))
            throw new FormatException("The checkpoint has early-stopping state but its options do not stop early.");
    }

    /// <summary>The JSON shape; kept apart so the public type can stay immutable and copy its arrays.</summary>
    private sealed class Dto
    {
        public required string Format { get; init; }
        public required int Version { get; init; }
        public required string ModelKind { get; init; }
        public required VariationalModelOptions Options { get; init; }
        public required int NumRows { get; init; }
        public required int NumFeatures { get; init; }
        public required string DataFingerprint { get; init; }
        public required string PreprocessorFingerprint { get; init; }
        public required int Epoch { get; init; }
        public int? LayerwiseStage { get; init; }
        public required bool IsFinal { get; init; }
        public required double[] Parameters { get; init; }
        public StepperDto? Stepper { get; init; }
        public required RandomDto ShuffleRandom { get; init; }
        public required RandomDto SpsaRandom { get; init; }
        public required HistoryDto[] History { get; init; }
        public double? BestValidationMetric { get; init; }
        public double[]? BestParameters { get; init; }
        public required int EpochsSinceBest { get; init; }
    }

    private sealed class StepperDto
    {
        public required string Optimizer { get; init; }
        public required int Steps { get; init; }
        public required Dictionary<string, double[]> Buffers { get; init; }
    }

    private sealed class HistoryDto
    {
        public required int Epoch { get; init; }
        public required double Loss { get; init; }
        public required double Metric { get; init; }
        public double? ValidationMetric { get; init; }
    }

    private sealed class RandomDto
    {
        // Hex text, not a JSON number: a 64-bit counter is beyond the 2^53 that JavaScript clients read exactly.
        public required string Counter { get; init; }
        public double? SpareNormal { get; init; }

        public static RandomDto Of(SeededRandomState s) => new() { Counter = s.Counter.ToString("x16", CultureInfo.InvariantCulture), SpareNormal = s.SpareNormal };

        public SeededRandomState ToState() =>
            ulong.TryParse(Counter, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var c) && Counter.Length == 16
                ? new SeededRandomState(c, SpareNormal)
                : throw new FormatException($"Random stream counter \"{Counter}\" is not 16 hex digits.");
    }
}
