using Hanzo.Qml.Data;
using Hanzo.Qml.Encodings;

namespace Hanzo.Qml.Models;

/// <summary>The optimiser a variational model trains with.</summary>
public enum VariationalOptimizer
{
    /// <summary>Adam (the shared <see cref="Optimization.Adam"/> stepper), the default.</summary>
    Adam,

    /// <summary>Stochastic gradient descent with momentum (the shared <see cref="Optimization.Sgd"/> stepper).</summary>
    Sgd,

    /// <summary>SPSA: two loss evaluations per mini-batch along a seeded random ±1 direction; no circuit gradients.</summary>
    Spsa,

    /// <summary>Quantum natural gradient: the step is preconditioned by the block-diagonal metric tensor (see <see cref="QuantumNaturalGradient"/>).</summary>
    Qng,
}

/// <summary>Hold out part of the training data and stop when its metric has not improved for <see cref="Patience"/> epochs.</summary>
/// <param name="ValidationFraction">Fraction of the training rows held out (stratified for classifiers), in (0, 0.5].</param>
/// <param name="Patience">Epochs without improvement before stopping; the best weights are restored.</param>
public sealed record EarlyStoppingOptions(double ValidationFraction = 0.2, int Patience = 10);

/// <summary>
/// Classical pre-training of a hybrid model's MLP before the quantum training starts (a barren-plateau tool).
/// </summary>
/// <remarks>
/// The circuit is replaced by its classical surrogate at zero ansatz rotations, which is where the small default initial
/// weights put a fresh circuit: with an angle encoding that rotates about X or Y and CNOT/CZ entanglers, readout k is
/// exactly Π_{j∈S_k} cos(angle_j), where S_k holds the wires whose Z the entanglers copy onto wire k (found by probing
/// the circuit at basis states). The MLP and the output head are fitted through that surrogate with the model's own loss (logistic or softmax
/// cross-entropy, or MSE) by Adam, so the quantum training starts from angles that already carry the signal instead of
/// Glorot noise. Only the MLP and head parameters are transferred; the circuit weights keep their seeded start.
/// Non-hybrid models have nothing classical to transfer (their only parameters are circuit weights), so the option
/// is refused for them, as it is for encodings whose readout has no product-state cosine form.
/// </remarks>
/// <param name="Epochs">Passes over the training rows through the classical surrogate.</param>
/// <param name="LearningRate">Adam step size of the pre-training.</param>
public sealed record ClassicalPretrainingOptions(int Epochs = 30, double LearningRate = 0.02);

/// <summary>
/// Everything that defines a variational classifier or regressor. Immutable; validated when a model is built.
/// </summary>
/// <remarks>
/// The circuit is <see cref="Encoding"/> on <see cref="NumQubits"/> wires, then <see cref="NumLayers"/> layers of
/// <see cref="Ansatz"/>, then Pauli-Z readouts on wires 0..K−1 (K = 1 for binary classification and regression,
/// K = classes otherwise). Weights start uniform in [−π·<see cref="InitialWeightScale"/>, π·<see cref="InitialWeightScale"/>]:
/// the small default keeps a fresh circuit close to the encoding alone, away from the barren plateau of random deep
/// circuits.
/// </remarks>
public sealed record VariationalModelOptions
{
    /// <summary>Number of qubits (wires). With more features than qubits, PCA (or the hybrid MLP) reduces them.</summary>
    public int NumQubits { get; init; } = 4;

    /// <summary>Ansatz layers.</summary>
    public int NumLayers { get; init; } = 2;

    /// <summary>Encoding name (see <see cref="EncodingFactory.Names"/>): angle, iqp, zz, pauli, amplitude.</summary>
    public string Encoding { get; init; } = "angle";

    /// <summary>Encoding settings (repetitions, rotation, entanglement).</summary>
    public EncodingOptions EncodingOptions { get; init; } = EncodingOptions.Default;

    /// <summary>Ansatz name (see <see cref="Ansatze.AnsatzFactory.Names"/>); hardware-efficient by default.</summary>
    public string Ansatz { get; init; } = "hardware_efficient";

    /// <summary>Number of classes; null takes it from the training labels.</summary>
    public int? NumClasses { get; init; }

    /// <summary>Gradient method; <see cref="GradientMethod.Auto"/> is adjoint.</summary>
    public GradientMethod Gradient { get; init; } = GradientMethod.Auto;

    /// <summary>Optimiser.</summary>
    public VariationalOptimizer Optimizer { get; init; } = VariationalOptimizer.Adam;

    /// <summary>Learning rate (step size for SGD, SPSA and QNG).</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 50;

    /// <summary>Samples per mini-batch (the last batch of an epoch may be smaller).</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Seeds the initial weights, the shuffles, the validation split and SPSA's directions.</summary>
    public long Seed { get; init; }

    /// <summary>Early stopping on a held-out fraction; null trains all epochs on all rows.</summary>
    public EarlyStoppingOptions? EarlyStopping { get; init; }

    /// <summary>Feature preprocessing; null: standardise, PCA to the qubit count when needed, scale to [0, π].</summary>
    public PreprocessingOptions? Preprocessing { get; init; }

    /// <summary>Initial weights are uniform in ±π times this (see the remarks).</summary>
    public double InitialWeightScale { get; init; } = 0.1;

    /// <summary>
    /// Classifiers: logits are s·⟨Z_k⟩ + b_k; s starts here. ⟨Z⟩ lies in [−1, 1], so without a scale the softmax could
    /// never be confident.
    /// </summary>
    public double OutputScale { get; init; } = 3.0;

    /// <summary>Whether the output scale and offsets are trained along with the circuit.</summary>
    public bool LearnOutputScale { get; init; } = true;

    /// <summary>
    /// Hidden layer widths of a classical MLP that maps the (standardised) features to one angle per qubit before the
    /// encoding, trained end to end; null (default) feeds the features directly. An empty array is a single dense layer.
    /// </summary>
    public IReadOnlyList<int>? HybridHiddenLayers { get; init; }

    /// <summary>Train layer by layer: the epochs are split over the layers; each stage trains only the newest layer.</summary>
    public bool LayerwiseTraining { get; init; }

    /// <summary>
    /// Pre-train the hybrid MLP classically before the quantum training (see <see cref="ClassicalPretrainingOptions"/>);
    /// null (default) starts from the seeded initialisation. Needs <see cref="HybridHiddenLayers"/> and the angle encoding
    /// with an X or Y rotation.
    /// </summary>
    public ClassicalPretrainingOptions? ClassicalPretraining { get; init; }

    internal void Validate()
    {
        if (NumQubits < 1 || NumQubits > 20) throw new ArgumentOutOfRangeException(nameof(NumQubits), NumQubits, "NumQubits must be in 1..20.");
        if (NumLayers < 1) throw new ArgumentOutOfRangeException(nameof(NumLayers), NumLayers, "NumLayers must be at least 1.");
        if (NumClasses is int k && (k < 2 || (k > 2 && k > NumQubits)))
            throw new ArgumentOutOfRangeException(nameof(NumClasses), k, $"NumClasses must be 2, or 3..{NumQubits} (one readout wire per class).");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be positive and finite.");
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        if (!(InitialWeightScale >= 0) || !double.IsFinite(InitialWeightScale)) throw new ArgumentOutOfRangeException(nameof(InitialWeightScale), InitialWeightScale, "InitialWeightScale must be ≥ 0.");
        if (!double.IsFinite(OutputScale) || OutputScale == 0) throw new ArgumentOutOfRangeException(nameof(OutputScale), OutputScale, "OutputScale must be finite and non-zero.");
        if (EarlyStopping is { } e && (!(e.ValidationFraction > 0) || e.ValidationFraction > 0.5 || e.Patience < 1))
            throw new ArgumentOutOfRangeException(nameof(EarlyStopping), e, "EarlyStopping needs 0 < ValidationFraction ≤ 0.5 and Patience ≥ 1.");
        if (HybridHiddenLayers is { } h && h.Any(u => u < 1)) throw new ArgumentOutOfRangeException(nameof(HybridHiddenLayers), "Hidden layer widths must be at least 1.");
        ArgumentNullException.ThrowIfNull(Encoding);
        ArgumentNullException.ThrowIfNull(Ansatz);
        ArgumentNullException.ThrowIfNull(EncodingOptions);
        if (ClassicalPretraining is { } cp)
        {
            if (cp.Epochs < 1 || !(cp.LearningRate > 0) || !double.IsFinite(cp.LearningRate))
                throw new ArgumentOutOfRangeException(nameof(ClassicalPretraining), cp, "ClassicalPretraining needs Epochs ≥ 1 and a positive, finite LearningRate.");
            if (HybridHiddenLayers is null)
                throw new ArgumentException("ClassicalPretraining needs a hybrid encoding (set HybridHiddenLayers): a non-hybrid model has only circuit weights, and no classical model's parameters map onto them.", nameof(ClassicalPretraining));
            if (!Encoding.Trim().Equals("angle", StringComparison.OrdinalIgnoreCase) || EncodingOptions.Rotation == AngleRotation.Z)
                throw new ArgumentException("ClassicalPretraining needs the angle encoding with an X or Y rotation: its classical surrogate readout is a product of cos(angle), which only that encoding produces.", nameof(ClassicalPretraining));
        }
    }
}

/// <summary>Reported once per epoch.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Loss">Mean training loss over the epoch's mini-batches.</param>
/// <param name="Metric">Training metric at the end of the epoch (accuracy or R²).</param>
/// <param name="ValidationMetric">Validation metric, or null without early stopping.</param>
public sealed record TrainingProgress(int Epoch, double Loss, double Metric, double? ValidationMetric);

/// <summary>One row of a model's training history.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Loss">Mean training loss.</param>
/// <param name="Metric">Training accuracy (classifier) or R² (regressor).</param>
/// <param name="ValidationMetric">Validation metric, when early stopping holds rows out.</param>
public sealed record EpochRecord(int Epoch, double Loss, double Metric, double? ValidationMetric);
