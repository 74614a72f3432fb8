using System.Text.Json.Serialization;
using Hanzo.Qml.Classical.Svm;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Models;

namespace Hanzo.Qml.Server.Models;

/// <summary>
/// Body of <c>POST /v1/models</c>: a model type and its settings. Unset settings take the defaults of
/// <c>hanzo-qml train</c> (variational models) or of the QSVM.
/// </summary>
// A misspelt setting must be an error, not silently ignored.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record ModelSpec
{
    /// <summary>vqc (variational classifier), vqr (variational regressor) or qsvm; qbm and qgan are not supported yet (501).</summary>
    public string? Type { get; init; }

    /// <summary>Qubits (default 4 for vqc/vqr, 2 for qsvm).</summary>
    [JsonPropertyName("n_qubits")]
    public int? NQubits { get; init; }

    /// <summary>Ansatz layers (vqc/vqr; default 2).</summary>
    [JsonPropertyName("n_layers")]
    public int? NLayers { get; init; }

    /// <summary>Encoding: angle, iqp, zz or hybrid for vqc/vqr (default angle); any encoding for qsvm (default zz).</summary>
    public string? Encoding { get; init; }

    /// <summary>Encoding repetitions (default 2).</summary>
    public int? Reps { get; init; }

    /// <summary>Ansatz (vqc/vqr): hardware_efficient (default), strongly_entangling or basic_entangler.</summary>
    public string? Ansatz { get; init; }

    /// <summary>Epochs (vqc/vqr; default 30).</summary>
    public int? Epochs { get; init; }

    /// <summary>Learning rate (default 0.05).</summary>
    public double? LearningRate { get; init; }

    /// <summary>Mini-batch size (default 16).</summary>
    public int? BatchSize { get; init; }

    /// <summary>adam (default), sgd, spsa or qng.</summary>
    public string? Optimizer { get; init; }

    /// <summary>adjoint (default) or parameter-shift.</summary>
    public string? Gradient { get; init; }

    /// <summary>Seed of initial weights and shuffles (default 0).</summary>
    public long? Seed { get; init; }

    /// <summary>QSVM regularisation C (default 1).</summary>
    public double? C { get; init; }

    /// <summary>QSVM kernel: fidelity (default) or projected.</summary>
    public string? Kernel { get; init; }

    /// <summary>Backend (default: the first configured one).</summary>
    public string? Backend { get; init; }

    /// <summary>Model types the service trains.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["vqc", "vqr", "qsvm"];

    /// <summary>Model types on the roadmap, answered 501.</summary>
    public static IReadOnlyList<string> Planned { get; } = ["qbm", "qgan"];

    private static readonly string[] VariationalEncodings = ["angle", "iqp", "zz", "hybrid"];
    private static readonly string[] Optimizers = ["adam", "sgd", "spsa", "qng"];
    private static readonly string[] Ansatze = ["hardware_efficient", "strongly_entangling", "basic_entangler"];

    /// <summary>Checks every setting; returns the spec with defaults filled in, so the stored options say what was used.</summary>
    /// <param name="maxQubits">The backend's qubit bound.</param>
    /// <param name="backends">Backend names.</param>
    /// <exception cref="ArgumentException">What is wrong and what is allowed.</exception>
    public ModelSpec Normalize(int maxQubits, IReadOnlyList<string> backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        var type = (Type ?? throw new ArgumentException($"\"type\" is required; allowed: {string.Join(", ", Supported)}.")).Trim().ToLowerInvariant();
        if (!Supported.Contains(type)) throw new ArgumentException($"Unknown model type \"{Type}\"; allowed: {string.Join(", ", Supported)}.");
        var backend = Backend ?? backends[0];
        if (!backends.Contains(backend)) throw new ArgumentException($"Unknown backend \"{Backend}\"; configured: {string.Join(", ", backends)}.");
        int limit = Math.Min(maxQubits, 16);
        int q = NQubits ?? (type == "qsvm" ? 2 : 4);
        if (q < 1 || q > limit) throw new ArgumentException($"\"n_qubits\" is {q}; allowed: 1 to {limit} for trained models on this server.");
        int reps = Reps ?? 2;
        if (reps is < 1 or > 16) throw new ArgumentException($"\"reps\" is {reps}; allowed: 1 to 16.");
        if (type == "qsvm")
        {
            var encoding = (Encoding ?? "zz").Trim().ToLowerInvariant();
            if (!EncodingFactory.Names.Contains(encoding)) throw new ArgumentException($"Unknown encoding \"{Encoding}\"; allowed for qsvm: {string.Join(", ", EncodingFactory.Names)}.");
            double c = C ?? 1;
            if (!(c > 0) || !double.IsFinite(c)) throw new ArgumentException("\"c\" must be a positive finite number.");
            var kernel = (Kernel ?? "fidelity").Trim().ToLowerInvariant();
            if (kernel is not ("fidelity" or "projected")) throw new ArgumentException($"Unknown kernel \"{Kernel}\"; allowed: fidelity, projected.");
            return new ModelSpec { Type = type, NQubits = q, Encoding = encoding, Reps = reps, C = c, Kernel = kernel, Backend = backend };
        }
        var enc = (Encoding ?? "angle").Trim().ToLowerInvariant();
        if (!VariationalEncodings.Contains(enc)) throw new ArgumentException($"Unknown encoding \"{Encoding}\"; allowed for {type}: {string.Join(", ", VariationalEncodings)}.");
        int layers = NLayers ?? 2, epochs = Epochs ?? 30, batch = BatchSize ?? 16;
        if (layers is < 1 or > 20) throw new ArgumentException($"\"n_layers\" is {layers}; allowed: 1 to 20.");
        if (epochs is < 1 or > 1000) throw new ArgumentException($"\"epochs\" is {epochs}; allowed: 1 to 1000.");
        if (batch is < 1 or > 4096) throw new ArgumentException($"\"batch_size\" is {batch}; allowed: 1 to 4096.");
        double lr = LearningRate ?? 0.05;
        if (!(lr > 0 && lr <= 10)) throw new ArgumentException($"\"learning_rate\" must be in (0, 10].");
        var optimizer = (Optimizer ?? "adam").Trim().ToLowerInvariant();
        if (!Optimizers.Contains(optimizer)) throw new ArgumentException($"Unknown optimizer \"{Optimizer}\"; allowed: {string.Join(", ", Optimizers)}.");
        var gradient = (Gradient ?? "adjoint").Trim().ToLowerInvariant().Replace('_', '-');
        if (gradient is not ("adjoint" or "parameter-shift")) throw new ArgumentException($"Unknown gradient \"{Gradient}\"; allowed: adjoint, parameter-shift.");
        var ansatz = (Ansatz ?? "hardware_efficient").Trim().ToLowerInvariant();
        if (!Ansatze.Contains(ansatz)) throw new ArgumentException($"Unknown ansatz \"{Ansatz}\"; allowed: {string.Join(", ", Ansatze)}.");
        return new ModelSpec
        {
            Type = type, NQubits = q, NLayers = layers, Encoding = enc, Reps = reps, Ansatz = ansatz, Epochs = epochs, LearningRate = lr,
            BatchSize = batch, Optimizer = optimizer, Gradient = gradient, Seed = Seed ?? 0, Backend = backend,
        };
    }

    /// <summary>The library options of a normalised vqc/vqr spec.</summary>
    /// <param name="epochs">Epochs to use instead of the stored ones, if given (a train request may override them).</param>
    public VariationalModelOptions ToVariationalOptions(int? epochs = null) => new()
    {
        NumQubits = NQubits!.Value,
        NumLayers = NLayers!.Value,
        Encoding = Encoding == "hybrid" ? "angle" : Encoding!,
        EncodingOptions = EncodingOptions.Default with { Reps = Reps!.Value },
        Ansatz = Ansatz!,
        HybridHiddenLayers = Encoding == "hybrid" ? [Math.Max(8, 2 * NQubits!.Value)] : null,
        Epochs = epochs ?? Epochs!.Value,
        LearningRate = LearningRate!.Value,
        BatchSize = BatchSize!.Value,
        Optimizer = Optimizer switch
        {
            "sgd" => VariationalOptimizer.Sgd,
            "spsa" => VariationalOptimizer.Spsa,
            "qng" => VariationalOptimizer.Qng,
            _ => VariationalOptimizer.Adam,
        },
        Gradient = Gradient == "parameter-shift" ? GradientMethod.ParameterShift : GradientMethod.Adjoint,
        Seed = Seed!.Value,
    };

    /// <summary>An unfitted QSVM of a normalised qsvm spec.</summary>
    public QSVM ToQsvm()
    {
        var encoding = EncodingFactory.Create(Encoding!, NQubits!.Value, EncodingOptions.Default with { Reps = Reps!.Value });
        IQuantumKernel kernel = Kernel == "projected" ? new ProjectedQuantumKernel(encoding) : new FidelityKernel(encoding);
        return new QSVM(kernel, new SupportVectorClassifierOptions { C = C!.Value });
    }
}
