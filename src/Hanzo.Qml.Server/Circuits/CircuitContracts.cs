using System.Text.Json.Serialization;

namespace Hanzo.Qml.Server.Circuits;

/// <summary>
/// Body of <c>POST /v1/circuits</c>: either <see cref="Qasm"/> (an OpenQASM 2.0 program) or the structural fields
/// (<see cref="NQubits"/>, <see cref="Encoding"/>, <see cref="Ansatz"/>, <see cref="Layers"/>). <see cref="Observables"/>
/// are optional defaults for execute and gradient, with either form. <c>GET /v1/circuits/{id}</c> returns the stored
/// definition in this same shape, normalised (names lower-case, every encoding option filled in), so it can be posted again.
/// Unknown fields are refused (a misspelt "layer" must not silently build a one-layer circuit); so are they in the other requests.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateCircuitRequest
{
    /// <summary>OpenQASM 2.0 source; when set, no structural field may be.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Qasm { get; init; }

    /// <summary>Number of qubits of a structural circuit, 1 to the largest backend's maximum.</summary>
    [JsonPropertyName("n_qubits")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NQubits { get; init; }

    /// <summary>Data encoding applied first, reading the features: angle, amplitude, iqp, zz or pauli; null for none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Encoding { get; init; }

    /// <summary>Settings of <see cref="Encoding"/>; unset ones take the library defaults.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CircuitEncodingOptions? EncodingOptions { get; init; }

    /// <summary>Trainable ansatz applied after the encoding, reading the weights: hardware_efficient, strongly_entangling or basic_entangler; null for none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Ansatz { get; init; }

    /// <summary>Layers of <see cref="Ansatz"/> (default 1).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Layers { get; init; }

    /// <summary>Default observables, e.g. <c>"Z0"</c> or <c>"0.5 Z0 Z1 + X2"</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Observables { get; init; }
}

/// <summary>Encoding settings of a structural circuit: the kernel route's options, in snake_case.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CircuitEncodingOptions
{
    /// <summary>Repetitions of the IQP, ZZ and Pauli maps (1–64, default 2).</summary>
    public int? Reps { get; init; }

    /// <summary>Angle-encoding rotation: x, y or z (default x).</summary>
    public string? Rotation { get; init; }

    /// <summary>Entanglement of the ZZ and Pauli maps: linear, circular or full (default full).</summary>
    public string? Entanglement { get; init; }

    /// <summary>Phase scale of the ZZ and Pauli maps (default 2).</summary>
    public double? Alpha { get; init; }

    /// <summary>Pauli words of the Pauli map (default ["Z", "ZZ"]).</summary>
    public IReadOnlyList<string>? Paulis { get; init; }

    /// <summary>Padding value of the amplitude encoding (default 0).</summary>
    public double? PadWith { get; init; }

    /// <summary>Feature count of the amplitude encoding (default 2ⁿ).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NumFeatures { get; init; }
}

/// <summary>A stored circuit as returned by the API.</summary>
/// <param name="Id">Identifier (<c>c_…</c>).</param>
/// <param name="Format">"structural" or "qasm".</param>
/// <param name="NQubits">Number of qubits.</param>
/// <param name="NWeights">Number of weights execute and gradient must be given.</param>
/// <param name="NFeatures">Number of features execute and gradient must be given (per batch row).</param>
/// <param name="Depth">Depth: layers of gates on disjoint wires (an amplitude-encoding state preparation is not counted).</param>
/// <param name="NGates">Number of gates.</param>
/// <param name="Observables">Default observables.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="Definition">The normalised definition (only from <c>GET</c>).</param>
public sealed record CircuitResponse(
    string Id,
    string Format,
    [property: JsonPropertyName("n_qubits")] int NQubits,
    [property: JsonPropertyName("n_weights")] int NWeights,
    [property: JsonPropertyName("n_features")] int NFeatures,
    int Depth,
    [property: JsonPropertyName("n_gates")] int NGates,
    IReadOnlyList<string> Observables,
    DateTime CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CreateCircuitRequest? Definition);

/// <summary>Body of <c>POST /v1/circuits/{id}/execute</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ExecuteCircuitRequest
{
    /// <summary>Exactly <c>n_weights</c> finite numbers (may be omitted when the circuit has none).</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>Exactly <c>n_features</c> finite numbers (may be omitted when the circuit has none); excludes <see cref="Batch"/>.</summary>
    public IReadOnlyList<double>? Features { get; init; }

    /// <summary>Feature rows, each run with the same weights; the response fields become arrays, one entry per row.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Batch { get; init; }

    /// <summary>Observables to measure; the circuit's defaults when omitted.</summary>
    public IReadOnlyList<string>? Observables { get; init; }

    /// <summary>Return the basis-state probabilities.</summary>
    public bool Probs { get; init; }

    /// <summary>Return the amplitudes (circuits of at most <see cref="CircuitRunner.MaxDenseQubits"/> qubits).</summary>
    public bool State { get; init; }

    /// <summary>Draw this many computational-basis samples (1 to <c>limits.max_shots</c>).</summary>
    public int? Shots { get; init; }

    /// <summary>Seed of the sampler; a random one (returned) when omitted.</summary>
    public int? Seed { get; init; }

    /// <summary>Backend name; the first configured backend when omitted.</summary>
    public string? Backend { get; init; }
}

/// <summary>Amplitudes split into real and imaginary parts; index order has wire 0 as the most significant bit.</summary>
/// <param name="Re">Real parts.</param>
/// <param name="Im">Imaginary parts.</param>
public sealed record StateAmplitudes(double[] Re, double[] Im);

/// <summary>Result of one execution; only the requested keys are present.</summary>
/// <param name="Backend">Backend that ran it.</param>
/// <param name="NQubits">Number of qubits.</param>
/// <param name="Expvals">⟨O⟩ per observable, keyed by the observable as written.</param>
/// <param name="Probs">Probability of every basis state.</param>
/// <param name="State">Amplitudes.</param>
/// <param name="Samples">Counts per observed bitstring (character k is wire k).</param>
/// <param name="Seed">Seed the sampler used (with <c>shots</c>).</param>
public sealed record ExecuteResponse(
    string Backend,
    [property: JsonPropertyName("n_qubits")] int NQubits,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, double>? Expvals,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? Probs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StateAmplitudes? State,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, int>? Samples,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Seed);

/// <summary>Result of a batch execution: each requested field is an array with one entry per batch row.</summary>
/// <param name="Backend">Backend that ran it.</param>
/// <param name="NQubits">Number of qubits.</param>
/// <param name="Expvals">Per row, ⟨O⟩ per observable.</param>
/// <param name="Probs">Per row, the probabilities.</param>
/// <param name="State">Per row, the amplitudes.</param>
/// <param name="Samples">Per row, the sample counts (each row sampled with the same seed, as if executed alone).</param>
/// <param name="Seed">Seed the sampler used (with <c>shots</c>).</param>
public sealed record BatchExecuteResponse(
    string Backend,
    [property: JsonPropertyName("n_qubits")] int NQubits,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IReadOnlyDictionary<string, double>>? Expvals,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<double[]>? Probs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<StateAmplitudes>? State,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IReadOnlyDictionary<string, int>>? Samples,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Seed);

/// <summary>Body of <c>POST /v1/circuits/{id}/gradient</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record GradientRequest
{
    /// <summary>Exactly <c>n_weights</c> finite numbers (may be omitted when the circuit has none).</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>Exactly <c>n_features</c> finite numbers (may be omitted when the circuit has none).</summary>
    public IReadOnlyList<double>? Features { get; init; }

    /// <summary>The observable H of ⟨H⟩; the circuit's first default observable when omitted.</summary>
    public string? Observable { get; init; }

    /// <summary>"adjoint" (default) or "parameter-shift".</summary>
    public string? Method { get; init; }

    /// <summary>"weights" (default), "features" or "both".</summary>
    public string? Wrt { get; init; }

    /// <summary>Backend name; the first configured backend when omitted.</summary>
    public string? Backend { get; init; }
}

/// <summary>Result of <c>POST /v1/circuits/{id}/gradient</c>.</summary>
/// <param name="Value">⟨H⟩ at the given weights and features.</param>
/// <param name="Weights">∂⟨H⟩/∂wᵢ (present when differentiated with respect to the weights).</param>
/// <param name="Features">∂⟨H⟩/∂xᵢ (present when differentiated with respect to the features).</param>
/// <param name="Method">Method used.</param>
/// <param name="Observable">Observable used, as written.</param>
/// <param name="Backend">Backend that ran it.</param>
public sealed record GradientResponse(
    double Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? Weights,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? Features,
    string Method,
    string Observable,
    string Backend);
