using Hanzo.Qml.Classical;
using Hanzo.Qml.Classical.Svm;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Models;

/// <summary>
/// Everything needed to build a <see cref="QsvmClassifier"/> from names: the encoding, the kernel kind and the SVC
/// settings. Immutable, so a grid search or a cross-validation makes a fresh model per fold from it.
/// </summary>
public sealed record QsvmClassifierOptions : IClassifierFactory
{
    /// <summary>Encoding name for <see cref="EncodingFactory"/> (default "zz").</summary>
    public string Encoding { get; init; } = "zz";

    /// <summary>Encoding settings (repetitions, entanglement, …).</summary>
    public EncodingOptions EncodingOptions { get; init; } = EncodingOptions.Default;

    /// <summary>Qubits (≥ 1); the encoding decides how many features that reads (one per qubit except amplitude encoding).</summary>
    public int NumQubits { get; init; } = 2;

    /// <summary>Fidelity (default) or projected kernel.</summary>
    public QuantumKernelKind Kernel { get; init; } = QuantumKernelKind.Fidelity;

    /// <summary>SVC penalty C (default 1, scikit-learn's).</summary>
    public double C { get; init; } = 1.0;

    /// <summary>
    /// Feature scale β applied before encoding, x ↦ β·x (default 1). The quantum-kernel "bandwidth" of Shaydulin and Wild
    /// (2022): β &lt; 1 counteracts the concentration of fidelity kernels, playing the role γ plays for an RBF kernel.
    /// </summary>
    public double Bandwidth { get; init; } = 1.0;

    /// <summary>Factor on the projected kernel's data-derived γ (default 1; ignored by the fidelity kernel).</summary>
    public double ProjectedGammaFactor { get; init; } = 1.0;

    /// <summary>Use the encoding's no-entanglement twin (<see cref="SeparableEncoding"/>) instead of the encoding.</summary>
    public bool RemoveEntanglement { get; init; }

    /// <inheritdoc />
    public IClassifier CreateClassifier() => new QsvmClassifier(this);

    /// <summary>The encoding these options describe (the separable twin when <see cref="RemoveEntanglement"/> is set).</summary>
    /// <exception cref="ArgumentException">When the encoding name or a setting is invalid.</exception>
    public IEncoding CreateEncoding()
    {
        var encoding = EncodingFactory.Create(Encoding, NumQubits, EncodingOptions);
        return RemoveEntanglement ? new SeparableEncoding(encoding) : encoding;
    }

    /// <summary>The quantum kernel these options describe (unresolved: the projected kernel's γ comes from the training data).</summary>
    public IQuantumKernel CreateKernel()
    {
        var encoding = CreateEncoding();
        return Kernel switch
        {
            QuantumKernelKind.Fidelity => new FidelityKernel(encoding),
            QuantumKernelKind.Projected => new ProjectedQuantumKernel(encoding, gammaFactor: ProjectedGammaFactor),
            _ => throw new ArgumentOutOfRangeException(nameof(Kernel), Kernel, "Unknown kernel kind; allowed: Fidelity, Projected."),
        };
    }

    /// <summary>A readable one-line form (the record's default would print the encoding options' list type, not its words).</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"QsvmClassifierOptions {{ Encoding = {Encoding}, Reps = {EncodingOptions.Reps}, Entanglement = {EncodingOptions.Entanglement}, NumQubits = {NumQubits}, Kernel = {Kernel}, C = {C}, Bandwidth = {Bandwidth}, ProjectedGammaFactor = {ProjectedGammaFactor}, RemoveEntanglement = {RemoveEntanglement} }}");

    internal SupportVectorClassifierOptions Svc => new() { C = C };

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Encoding, nameof(Encoding));
        ArgumentNullException.ThrowIfNull(EncodingOptions, nameof(EncodingOptions));
        if (NumQubits < 1) throw new ArgumentOutOfRangeException(nameof(NumQubits), NumQubits, "A QSVM needs at least one qubit.");
        if (!Enum.IsDefined(Kernel)) throw new ArgumentOutOfRangeException(nameof(Kernel), Kernel, "Unknown kernel kind; allowed: Fidelity, Projected.");
        if (!(Bandwidth > 0) || !double.IsFinite(Bandwidth)) throw new ArgumentOutOfRangeException(nameof(Bandwidth), Bandwidth, "The bandwidth must be a finite number > 0.");
        if (!(ProjectedGammaFactor > 0) || !double.IsFinite(ProjectedGammaFactor))
            throw new ArgumentOutOfRangeException(nameof(ProjectedGammaFactor), ProjectedGammaFactor, "The γ factor must be a finite number > 0.");
        Svc.Validate();
    }
}
