using System.Text.Json;
using System.Text.Json.Nodes;
using Hanzo.Qml.Classical.Svm;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Models;

/// <summary>
/// A quantum support vector classifier: <see cref="SupportVectorClassifier"/> (classical SMO, equal to scikit-learn's
/// SVC) on a quantum kernel. Only the kernel is quantum. The model keeps the features of its support vectors, so a
/// prediction computes the kernel between the new samples and those vectors only, and a saved model predicts without
/// the training set.
/// </summary>
/// <remarks>
/// Saved as versioned JSON (<see cref="ToJson"/>, format "hanzo-qml.qsvm", <see cref="FormatVersion"/>): the kernel
/// (encoding by name and settings, resolved hyperparameters), the SVC settings and fitted state, and the support
/// vectors. A reloaded model predicts exactly as the original (same arithmetic on the same numbers; doubles are
/// written in round-trip form).
/// </remarks>
public sealed class QSVM
{
    /// <summary>The JSON format version this library writes (and the newest it reads).</summary>
    public const int FormatVersion = 1;

    private const string FormatName = "hanzo-qml.qsvm";

    private SupportVectorClassifier? _classifier;
    private double[][] _supportVectors = [];

    /// <summary>Creates an unfitted model.</summary>
    /// <param name="kernel">The quantum kernel (hyperparameters that depend on data are resolved at <see cref="Fit"/>).</param>
    /// <param name="options">SVC settings; null for scikit-learn's defaults.</param>
    public QSVM(IQuantumKernel kernel, SupportVectorClassifierOptions? options = null)
    {
        Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        Options = options ?? SupportVectorClassifierOptions.Default;
        Options.Validate();
    }

    /// <summary>The kernel; after <see cref="Fit"/>, with its data-dependent hyperparameters resolved.</summary>
    public IQuantumKernel Kernel { get; private set; }

    /// <summary>SVC settings.</summary>
    public SupportVectorClassifierOptions Options { get; }

    /// <summary>True after <see cref="Fit"/> (or when loaded).</summary>
    public bool IsFitted => _classifier is not null;

    /// <summary>The fitted classifier (support vectors, coefficients, intercepts).</summary>
    public SupportVectorClassifier Classifier => _classifier ?? throw NotFitted();

    /// <summary>Features of the support vectors, in <see cref="SupportVectorClassifier.Support"/> order (copies).</summary>
    public IReadOnlyList<double[]> SupportVectors => IsFitted ? [.. _supportVectors.Select(v => (double[])v.Clone())] : throw NotFitted();

    /// <summary>Computes the train×train quantum kernel and fits the SVC.</summary>
    /// <param name="samples">Training features, one row per sample.</param>
    /// <param name="labels">Class labels (at least two distinct).</param>
    /// <param name="progress">Progress of the kernel matrix in [0, 1].</param>
    /// <param name="cancellationToken">Stops the kernel computation or the solver.</param>
    public QSVM Fit(IReadOnlyList<double[]> samples, IReadOnlyList<int> labels, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != samples.Count) throw new ArgumentException($"{samples.Count} samples but {labels.Count} labels.", nameof(labels));
        var kernel = Kernel.FitTo(samples);
        var k = kernel.Matrix(samples, progress, cancellationToken);
        var classifier = new SupportVectorClassifier(Options).Fit(k, labels, cancellationToken);
        _supportVectors = [.. classifier.Support.Select(i => (double[])samples[i].Clone())];
        Kernel = kernel;
        _classifier = classifier;
        return this;
    }

    /// <summary>Predicted labels.</summary>
    public int[] Predict(IReadOnlyList<double[]> samples, CancellationToken cancellationToken = default)
    {
        var c = Classifier;
        return c.Vote(c.RawFromSupportKernel(SupportKernel(samples, cancellationToken)));
    }

    /// <summary>Decision values of a two-class model, positive for <c>Classes[1]</c>.</summary>
    public double[] DecisionFunction(IReadOnlyList<double[]> samples, CancellationToken cancellationToken = default)
    {
        var c = Classifier;
        if (c.Classes.Count != 2) throw new InvalidOperationException($"The model has {c.Classes.Count} classes; DecisionFunction is for two.");
        var raw = c.RawFromSupportKernel(SupportKernel(samples, cancellationToken));
        var d = new double[raw.GetLength(0)];
        for (int i = 0; i < d.Length; i++) d[i] = -raw[i, 0];
        return d;
    }

    /// <summary>Accuracy on labelled samples.</summary>
    public double Score(IReadOnlyList<double[]> samples, IReadOnlyList<int> labels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var p = Predict(samples, cancellationToken);
        if (labels.Count != p.Length) throw new ArgumentException($"{p.Length} samples but {labels.Count} labels.", nameof(labels));
        return (double)p.Where((v, i) => v == labels[i]).Count() / p.Length;
    }

    /// <summary>The fitted model as versioned JSON.</summary>
    /// <exception cref="NotSupportedException">When the kernel or encoding is a custom type the format cannot describe.</exception>
    public string ToJson()
    {
        var state = Classifier.Export();
        var svc = new JsonObject
        {
            ["c"] = Options.C,
            ["tolerance"] = Options.Tolerance,
            ["shrinking"] = Options.Shrinking,
            ["max_iterations"] = Options.MaxIterations,
            ["classes"] = Array(state.Classes),
            ["support_counts"] = Array(state.SupportCounts),
            ["support"] = Array(state.Support),
            ["coefficients"] = new JsonArray([.. state.Coefficients.Select(r => (JsonNode?)Array(r))]),
            ["rho"] = Array(state.Rho),
            ["num_training_samples"] = state.NumTrainingSamples,
            ["converged"] = state.Converged,
        };
        var root = new JsonObject
        {
            ["format"] = FormatName,
            ["version"] = FormatVersion,
            ["kernel"] = QuantumKernelJson.Write(Kernel),
            ["svc"] = svc,
            ["support_vectors"] = new JsonArray([.. _supportVectors.Select(v => (JsonNode?)Array(v))]),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/>.</summary>
    public void Save(string path) => File.WriteAllText(path, ToJson());

    /// <summary>Reads a model written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="simulator">Simulator settings (memory budget) for the reloaded kernel; null for the defaults.</param>
    /// <exception cref="FormatException">When the text is not a QSVM model of a version this library reads.</exception>
    public static QSVM FromJson(string json, SimulatorOptions? simulator = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("A saved QSVM is a JSON object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The text is not valid JSON: {e.Message}", e);
        }
        try
        {
            if (root["format"]?.GetValue<string>() != FormatName) throw new FormatException($"Not a saved QSVM (\"format\" must be \"{FormatName}\").");
            int version = QuantumKernelJson.Required<int>(root, "version");
            if (version < 1 || version > FormatVersion)
                throw new FormatException($"The model is format version {version}; this library reads versions 1 to {FormatVersion}. Update hanzo-qml to load it.");
            var kernel = QuantumKernelJson.Read(QuantumKernelJson.Object(root, "kernel"), simulator);
            var s = QuantumKernelJson.Object(root, "svc");
            var options = new SupportVectorClassifierOptions
            {
                C = QuantumKernelJson.Required<double>(s, "c"),
                Tolerance = QuantumKernelJson.Required<double>(s, "tolerance"),
                Shrinking = QuantumKernelJson.Required<bool>(s, "shrinking"),
                MaxIterations = s["max_iterations"]?.GetValue<int>(),
            };
            var state = new SvcState(
                Ints(s, "classes"), Ints(s, "support_counts"), Ints(s, "support"),
                [.. ArrayOf(s, "coefficients").Select(r => Doubles(r))], Doubles(s["rho"]),
                QuantumKernelJson.Required<int>(s, "num_training_samples"), QuantumKernelJson.Required<bool>(s, "converged"));
            var vectors = ArrayOf(root, "support_vectors").Select(Doubles).ToArray();
            if (vectors.Length != state.Support.Length) throw new FormatException($"The model has {state.Support.Length} support indices but {vectors.Length} support vectors.");
            foreach (var v in vectors)
                if (v.Length != kernel.Encoding.NumFeatures) throw new FormatException($"A support vector has {v.Length} features; the encoding reads {kernel.Encoding.NumFeatures}.");
            return new QSVM(kernel, options) { _classifier = SupportVectorClassifier.Import(options, state), _supportVectors = vectors };
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            throw new FormatException($"The saved QSVM is malformed: {e.Message}", e);
        }
    }

    /// <summary>Reads a model saved with <see cref="Save"/>.</summary>
    public static QSVM Load(string path, SimulatorOptions? simulator = null) => FromJson(File.ReadAllText(path), simulator);

    private double[,] SupportKernel(IReadOnlyList<double[]> samples, CancellationToken cancellationToken) =>
        Kernel.Matrix(samples, _supportVectors, null, cancellationToken);

    private static JsonArray Array<T>(IEnumerable<T> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static JsonArray ArrayOf(JsonObject o, string property) =>
        o[property] as JsonArray ?? throw new FormatException($"The saved model lacks the array \"{property}\".");

    private static int[] Ints(JsonObject o, string property) => [.. ArrayOf(o, property).Select(v => v!.GetValue<int>())];

    private static double[] Doubles(JsonNode? node) =>
        node is JsonArray a ? [.. a.Select(v => v!.GetValue<double>())] : throw new FormatException("Expected an array of numbers.");

    private static InvalidOperationException NotFitted() => new("The QSVM is not fitted; call Fit first (or load a saved model).");
}
