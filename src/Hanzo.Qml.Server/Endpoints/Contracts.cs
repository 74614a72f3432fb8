using System.Text.Json.Serialization;

namespace Hanzo.Qml.Server.Endpoints;

/// <summary>Body of <c>POST /v1/kernels</c>: an encoding and its settings (unset settings take the library defaults).</summary>
// A misspelt setting must be an error, not silently ignored.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateKernelRequest
{
    /// <summary>Encoding name: angle, amplitude, iqp, zz or pauli.</summary>
    public string? Encoding { get; init; }

    /// <summary>Number of qubits, 1 to the backend's maximum.</summary>
    [JsonPropertyName("n_qubits")]
    public int? NQubits { get; init; }

    /// <summary>Repetitions of the IQP, ZZ and Pauli maps (default 2).</summary>
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
    public int? NumFeatures { get; init; }
}

/// <summary>A kernel definition as returned by the API.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Kernel">Kernel type: always "fidelity" in this slice.</param>
/// <param name="Encoding">Encoding name.</param>
/// <param name="NQubits">Number of qubits.</param>
/// <param name="Reps">Repetitions.</param>
/// <param name="Rotation">Angle-encoding rotation.</param>
/// <param name="Entanglement">Entanglement pattern.</param>
/// <param name="Alpha">Phase scale.</param>
/// <param name="Paulis">Pauli words.</param>
/// <param name="PadWith">Amplitude padding value.</param>
/// <param name="NFeatures">Number of features each sample must have.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
public sealed record KernelResponse(
    string Id,
    string Kernel,
    string Encoding,
    [property: JsonPropertyName("n_qubits")] int NQubits,
    int Reps,
    string Rotation,
    string Entanglement,
    double Alpha,
    IReadOnlyList<string> Paulis,
    double PadWith,
    [property: JsonPropertyName("n_features")] int NFeatures,
    DateTime CreatedAt);

/// <summary>Body of <c>POST /v1/kernels/{id}/evaluate</c>.</summary>
// A misspelt setting must be an error, not silently ignored.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record EvaluateRequest
{
    /// <summary>First sample.</summary>
    public IReadOnlyList<double>? X { get; init; }

    /// <summary>Second sample.</summary>
    public IReadOnlyList<double>? Z { get; init; }
}

/// <summary>Result of <c>POST /v1/kernels/{id}/evaluate</c>.</summary>
/// <param name="Value">K(x, z).</param>
public sealed record EvaluateResponse(double Value);

/// <summary>Body of <c>POST /v1/kernels/{id}/matrix</c>.</summary>
// A misspelt setting must be an error, not silently ignored.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record MatrixRequest
{
    /// <summary>Samples (rows).</summary>
    public IReadOnlyList<IReadOnlyList<double>>? X { get; init; }

    /// <summary>Optional second set (columns); without it the symmetric matrix K(x, x).</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Z { get; init; }

    /// <summary>
    /// Compute as a background job (202 with the job; the matrix is then at <c>GET /v1/kernels/{id}/matrices/{job id}</c>).
    /// Needed above <c>limits.max_batch_rows</c> rows, up to <c>limits.max_async_matrix_rows</c>.
    /// </summary>
    public bool? Async { get; init; }
}

/// <summary>A stored kernel matrix (result of an asynchronous matrix request).</summary>
/// <param name="Id">Matrix id (the id of the job that computed it).</param>
/// <param name="KernelId">Kernel.</param>
/// <param name="Rows">Rows (samples of x).</param>
/// <param name="Columns">Columns (samples of z, or of x).</param>
/// <param name="Matrix">The values.</param>
/// <param name="CreatedAt">When it was stored (UTC).</param>
public sealed record StoredMatrixResponse(string Id, string KernelId, int Rows, int Columns, double[][] Matrix, DateTime CreatedAt);

/// <summary>Result of <c>POST /v1/kernels/{id}/matrix</c>.</summary>
/// <param name="Matrix">K[i][j] = K(x_i, z_j) (or K(x_i, x_j)).</param>
public sealed record MatrixResponse(double[][] Matrix);

/// <summary>A simulation backend.</summary>
/// <param name="Name">Backend name.</param>
/// <param name="MaxQubits">Largest qubit count the service accepts on it.</param>
/// <param name="Status">Availability.</param>
/// <param name="Type">Engine: "statevector".</param>
/// <param name="PricePerExecution">Budget units charged per execution (0: free, not metered).</param>
/// <param name="PricePerShot">Budget units charged per shot.</param>
public sealed record BackendInfo(string Name, int MaxQubits, string Status, string Type, double PricePerExecution, double PricePerShot);

/// <summary>Result of <c>GET /v1/backends</c>.</summary>
/// <param name="Backends">The backends.</param>
public sealed record BackendsResponse(IReadOnlyList<BackendInfo> Backends);

/// <summary>Result of <c>GET /v1/health</c>.</summary>
/// <param name="Status">"ok".</param>
public sealed record HealthResponse(string Status);
