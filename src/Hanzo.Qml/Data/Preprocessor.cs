using System.Text.Json.Serialization;

namespace Hanzo.Qml.Data;

/// <summary>What <see cref="Preprocessor.Fit(IReadOnlyList{double[]}, PreprocessingOptions?, int?)"/> builds.</summary>
public sealed record PreprocessingOptions
{
    /// <summary>Standardise every feature first (default true): PCA and angle scaling assume comparable units.</summary>
    public bool Standardize { get; init; } = true;

    /// <summary>Reduce to this many principal components (after standardisation); null for no reduction.</summary>
    public int? PcaComponents { get; init; }

    /// <summary>Finally scale every feature min–max onto [<see cref="AngleMin"/>, <see cref="AngleMax"/>] (default true).</summary>
    public bool ScaleToAngles { get; init; } = true;

    /// <summary>Lower end of the angle range (default 0).</summary>
    public double AngleMin { get; init; } = MinMaxScaler.AngleMin;

    /// <summary>Upper end of the angle range (default π; see <see cref="MinMaxScaler"/> for why).</summary>
    public double AngleMax { get; init; } = MinMaxScaler.AngleMax;

    /// <summary>Clip angles of out-of-range test values to the range (default false: see <see cref="MinMaxScaler"/>).</summary>
    public bool ClipAngles { get; init; }

    /// <summary>No preprocessing at all: the raw features pass through (the CLI's <c>--no-scale</c>).</summary>
    public static PreprocessingOptions None { get; } = new() { Standardize = false, ScaleToAngles = false };
}

/// <summary>
/// A fitted preprocessing pipeline: standardisation, then PCA, then angle scaling (each optional), fitted in that
/// order on the training rows only, each step on the output of the previous one.
/// </summary>
/// <remarks>
/// When the number of qubits is given, the output width must equal it: more qubits than features without a reduction is
/// refused (the spare wires would carry no data and silently change the model), and more features than qubits needs
/// <see cref="PreprocessingOptions.PcaComponents"/> set to the qubit count.
/// </remarks>
public sealed class Preprocessor : DataTransform
{
    private readonly DataTransform[] _steps;

    /// <summary>Builds a pipeline from fitted steps (used by JSON loading).</summary>
    /// <param name="steps">Fitted transforms applied in order; each one's input width is the previous one's output width.</param>
    /// <param name="inputDimension">Width of the raw input (needed when there are no steps).</param>
    /// <exception cref="ArgumentException">When consecutive widths disagree.</exception>
    [JsonConstructor]
    public Preprocessor(IReadOnlyList<DataTransform> steps, int inputDimension)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (inputDimension < 1) throw new ArgumentOutOfRangeException(nameof(inputDimension), inputDimension, "The input needs at least one feature.");
        _steps = [.. steps];
        int width = inputDimension;
        for (int s = 0; s < _steps.Length; s++)
        {
            var step = _steps[s] ?? throw new ArgumentException($"Step {s} is null.", nameof(steps));
            if (step.InputDimension != width)
                throw new ArgumentException($"Step {s} ({step.GetType().Name}) expects {step.InputDimension} features but receives {width}.", nameof(steps));
            width = step.OutputDimension;
        }
        InputDimension = inputDimension;
        OutputDimension = width;
    }

    /// <summary>Fits the pipeline on <paramref name="train"/>.</summary>
    /// <param name="train">Training rows only; never include test rows.</param>
    /// <param name="options">Steps to fit (default: standardise, then angles on [0, π]).</param>
    /// <param name="numQubits">When given, the output width must equal it (see the remarks).</param>
    /// <exception cref="ArgumentException">When the data is unusable or the output width cannot match the qubits.</exception>
    public static Preprocessor Fit(IReadOnlyList<double[]> train, PreprocessingOptions? options = null, int? numQubits = null)
    {
        options ??= new PreprocessingOptions();
        var (_, d) = CheckTraining(train, "Preprocessing");
        if (numQubits is int q)
        {
            if (q < 1) throw new ArgumentOutOfRangeException(nameof(numQubits), q, "The number of qubits must be at least 1.");
            if (options.PcaComponents is null && q > d)
                throw new ArgumentException($"{q} qubits but the data has only {d} features and no reduction was asked for: use {d} qubits (one feature per wire), or choose an encoding that takes fewer features than wires.", nameof(numQubits));
            if (options.PcaComponents is null && q < d)
                throw new ArgumentException($"The data has {d} features but only {q} qubits: set PcaComponents = {q} to reduce the features, or use {d} qubits.", nameof(numQubits));
            if (options.PcaComponents is int kq && kq != q)
                throw new ArgumentException($"PCA to {kq} components does not match {q} qubits; set PcaComponents = {q}.", nameof(numQubits));
        }
        if (options.PcaComponents is int k && (k < 1 || k > d))
            throw new ArgumentException($"PCA on {d} features keeps 1..{d} components; {k} were asked for.", nameof(options));

        var steps = new List<DataTransform>();
        IReadOnlyList<double[]> current = train;
        if (options.Standardize)
        {
            var s = StandardScaler.Fit(current);
            steps.Add(s);
            current = s.Transform(current);
        }
        if (options.PcaComponents is int components)
        {
            var p = PcaTransform.Fit(current, components);
            steps.Add(p);
            current = p.Transform(current);
        }
        if (options.ScaleToAngles)
            steps.Add(MinMaxScaler.Fit(current, options.AngleMin, options.AngleMax, options.ClipAngles));
        return new Preprocessor(steps, d);
    }

    /// <summary>Fits on the features of a training dataset.</summary>
    public static Preprocessor Fit(Dataset train, PreprocessingOptions? options = null, int? numQubits = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        return Fit(train.ToJaggedArray(), options, numQubits);
    }

    /// <summary>The fitted steps, in the order they are applied.</summary>
    public IReadOnlyList<DataTransform> Steps => Array.AsReadOnly(_steps);

    /// <inheritdoc />
    public override int InputDimension { get; }

    /// <inheritdoc />
    [JsonIgnore]
    public override int OutputDimension { get; }

    /// <inheritdoc />
    protected override void TransformRow(ReadOnlySpan<double> input, Span<double> output)
    {
        double[] current = input.ToArray();
        foreach (var step in _steps) current = step.Transform(current);
        current.CopyTo(output);
    }

    /// <inheritdoc />
    protected override IReadOnlyList<string> OutputNames(IReadOnlyList<string> inputNames) =>
        _steps.OfType<PcaTransform>().Any()
            ? [.. Enumerable.Range(0, OutputDimension).Select(k => "pc" + k.ToString(System.Globalization.CultureInfo.InvariantCulture))]
            : inputNames;
}
