using System.Text.Json;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Server.Circuits;
using Hanzo.Qml.Server.Security;
using Hanzo.Qml.Server.Storage;
using Hanzo.Qml.Simulation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Hanzo.Qml.Server.Endpoints;

/// <summary>Kernel routes: define a fidelity kernel, read it back, evaluate a pair, compute a matrix.</summary>
public static class KernelEndpoints
{
    /// <summary>Default bound on the statevectors one matrix request may hold (<c>limits.max_state_bytes</c>): 1 GiB.</summary>
    public const long DefaultMaxStateBytes = 1L << 30;

    /// <summary>Largest accepted <c>reps</c>.</summary>
    public const int MaxReps = 64;

    private static readonly string[] RotationNames = ["x", "y", "z"];
    private static readonly string[] EntanglementNames = ["linear", "circular", "full"];

    /// <summary>Maps the <c>/v1/kernels</c> routes.</summary>
    /// <param name="app">The route builder.</param>
    public static IEndpointRouteBuilder MapKernelEndpoints(this IEndpointRouteBuilder app)
    {
        var kernels = app.MapGroup("/v1/kernels").WithTags("kernels");
        kernels.MapPost("/", Create).WithName("CreateKernel")
            .Accepts<CreateKernelRequest>("application/json")
            .Produces<KernelResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);
        kernels.MapGet("/{id}", Get).WithName("GetKernel")
            .Produces<KernelResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        kernels.MapPost("/{id}/evaluate", Evaluate).WithName("EvaluateKernel")
            .Accepts<EvaluateRequest>("application/json")
            .Produces<EvaluateResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        kernels.MapPost("/{id}/matrix", Matrix).WithName("KernelMatrix")
            .Accepts<MatrixRequest>("application/json")
            .Produces<MatrixResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).Produces<Jobs.JobResponse>(StatusCodes.Status202Accepted);
        kernels.MapGet("/{id}/matrices/{matrixId}", StoredMatrix).WithName("GetKernelMatrix")
            .Produces<StoredMatrixResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> Create(HttpContext http, HttpRequest request, IKernelStore store, IOptions<JsonOptions> json,
        IOptions<Configuration.QmlServerOptions> config, CancellationToken ct)
    {
        int maxQubits = Circuits.CircuitBackends.MaxQubits(config.Value);
        var (body, error) = await JsonBody.ReadAsync<CreateKernelRequest>(request, json.Value.SerializerOptions, ct);
        if (error is not null) return error;
        var allowed = string.Join(", ", EncodingFactory.Names);
        if (string.IsNullOrWhiteSpace(body!.Encoding))
            return Problems.BadRequest($"\"encoding\" is required; allowed names: {allowed}.");
        var encoding = body.Encoding.Trim().ToLowerInvariant();
        if (!EncodingFactory.Names.Contains(encoding))
            return Problems.BadRequest($"Unknown encoding \"{body.Encoding}\"; allowed names: {allowed}.", "Unknown encoding");
        if (body.NQubits is not int n)
            return Problems.BadRequest($"\"n_qubits\" is required: an integer from 1 to {maxQubits}.");
        if (n < 1 || n > maxQubits)
            return Problems.BadRequest($"\"n_qubits\" is {n}; allowed: 1 to {maxQubits} on the configured backends.");
        int reps = body.Reps ?? EncodingOptions.Default.Reps;
        if (reps < 1 || reps > MaxReps)
            return Problems.BadRequest($"\"reps\" is {reps}; allowed: 1 to {MaxReps}.");
        var rotation = (body.Rotation ?? "x").Trim().ToLowerInvariant();
        if (!RotationNames.Contains(rotation))
            return Problems.BadRequest($"Unknown rotation \"{body.Rotation}\"; allowed: {string.Join(", ", RotationNames)}.");
        var entanglement = (body.Entanglement ?? "full").Trim().ToLowerInvariant();
        if (!EntanglementNames.Contains(entanglement))
            return Problems.BadRequest($"Unknown entanglement \"{body.Entanglement}\"; allowed: {string.Join(", ", EntanglementNames)}.");
        double alpha = body.Alpha ?? EncodingOptions.Default.Alpha, padWith = body.PadWith ?? 0;
        if (!double.IsFinite(alpha) || !double.IsFinite(padWith))
            return Problems.BadRequest("\"alpha\" and \"pad_with\" must be finite numbers.");
        var paulis = body.Paulis ?? EncodingOptions.Default.Paulis;
        if (paulis.Any(p => string.IsNullOrWhiteSpace(p) || p.Contains(',', StringComparison.Ordinal)))
            return Problems.BadRequest("\"paulis\" must be Pauli words such as \"Z\", \"ZZ\", \"XY\" (letters X, Y, Z).");
        if (paulis.Count > StructuralCircuitBuilder.MaxPauliWords)
            return Problems.BadRequest($"\"paulis\" has {paulis.Count} words; at most {StructuralCircuitBuilder.MaxPauliWords} are allowed.");

        var definition = new KernelDefinition
        {
            Id = "k_" + Guid.NewGuid().ToString("N"),
            OrganisationId = Organisation.Of(http),
            Encoding = encoding,
            NumQubits = n,
            Reps = reps,
            Rotation = rotation,
            Entanglement = entanglement,
            Alpha = alpha,
            Paulis = string.Join(',', paulis.Select(p => p.Trim())),
            PadWith = padWith,
            NumFeatures = body.NumFeatures,
            CreatedAt = DateTime.UtcNow,
        };
        FidelityKernel kernel;
        var limits = config.Value.Limits;
        try
        {
            // The feature map is a circuit like any other: the same gate and depth limits as POST /v1/circuits, checked
            // before anything is evaluated (a Pauli map with long words on 20 qubits would otherwise expand to hundreds of
            // millions of gates at the first evaluate and exhaust the memory).
            if (encoding == "pauli")
                StructuralCircuitBuilder.CheckPauliSize(n, EncodingOptions.Default with { Reps = reps, Entanglement = Enum.Parse<Entanglement>(entanglement, ignoreCase: true), Paulis = paulis }, limits.MaxGates);
            kernel = KernelCache.Build(definition);
            var featureMap = kernel.Encoding.ToCircuit();
            if (featureMap.Operations.Count > limits.MaxGates)
                return Problems.BadRequest($"The feature map has {featureMap.Operations.Count} gates; this server accepts at most {limits.MaxGates} (limits.max_gates). Use fewer reps or qubits, or linear entanglement.", "Circuit too large");
            if (CircuitShape.Depth(featureMap) is var depth && depth > limits.MaxCircuitDepth)
                return Problems.BadRequest($"The feature map has depth {depth}; this server accepts at most {limits.MaxCircuitDepth} (limits.max_circuit_depth). Use fewer reps or linear entanglement.", "Circuit too deep");
        }
        catch (CircuitRequestException e)
        {
            return Results.Problem(detail: e.Message, title: e.Title, statusCode: e.Status);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message, "Invalid encoding settings");
        }
        await store.AddAsync(definition, ct);
        var response = ToResponse(definition, kernel);
        return TypedResults.Created($"/v1/kernels/{definition.Id}", response);
    }

    private static async Task<IResult> Get(string id, HttpContext http, KernelCache cache, CancellationToken ct)
    {
        var definition = await cache.FindAsync(http.RequestServices, Organisation.Of(http), id, ct);
        return definition is null ? UnknownKernel(id) : TypedResults.Ok(ToResponse(definition, cache.Get(definition)));
    }

    private static async Task<IResult> Evaluate(string id, HttpContext http, HttpRequest request, KernelCache cache, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var definition = await cache.FindAsync(http.RequestServices, Organisation.Of(http), id, ct);
        if (definition is null) return UnknownKernel(id);
        var (body, error) = await JsonBody.ReadAsync<EvaluateRequest>(request, json.Value.SerializerOptions, ct);
        if (error is not null) return error;
        var kernel = cache.Get(definition);
        if (CheckVector(body!.X, "x", kernel.NumFeatures) is { } ex) return ex;
        if (CheckVector(body.Z, "z", kernel.NumFeatures) is { } ez) return ez;
        try
        {
            double value = kernel.Evaluate(body.X!.ToArray(), body.Z!.ToArray());
            return double.IsFinite(value) ? TypedResults.Ok(new EvaluateResponse(value)) : NotFinite();
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> Matrix(string id, HttpContext http, HttpRequest request, KernelCache cache, IOptions<JsonOptions> json, IOptions<Configuration.QmlServerOptions> options,
        Jobs.JobStore jobs, Jobs.JobSignal signal, CancellationToken ct)
    {
        var definition = await cache.FindAsync(http.RequestServices, Organisation.Of(http), id, ct);
        if (definition is null) return UnknownKernel(id);
        var (body, error) = await JsonBody.ReadAsync<MatrixRequest>(request, json.Value.SerializerOptions, ct);
        if (error is not null) return error;
        var kernel = cache.Get(definition);
        bool background = body!.Async == true;
        int maxRows = background ? options.Value.Limits.MaxAsyncMatrixRows : options.Value.Limits.MaxBatchRows;
        if (CheckRows(body.X, "x", kernel.NumFeatures, required: true, maxRows, background) is { } ex) return ex;
        if (CheckRows(body.Z, "z", kernel.NumFeatures, required: false, maxRows, background) is { } ez) return ez;
        long rows = body.X!.Count + (body.Z?.Count ?? 0), maxBytes = options.Value.Limits.MaxStateBytes;
        long bytes = rows * 16L << kernel.NumQubits;
        if (bytes > maxBytes)
            return Problems.TooLarge($"{rows} samples on {kernel.NumQubits} qubits need {bytes / (1 << 20)} MiB of statevectors (16 bytes × 2^{kernel.NumQubits} each); "
                + $"this server allows {maxBytes / (1 << 20)} MiB per request, i.e. at most {maxBytes / (16L << kernel.NumQubits)} samples (x plus z) at this qubit count.");
        var x = body.X.Select(r => r.ToArray()).ToArray();
        var z = body.Z?.Select(r => r.ToArray()).ToArray();
        if (background)
        {
            // Inputs are stored packed with the (empty) matrix row and the job in one save; the job fills the values.
            string jobId = Jobs.JobStore.NewId();
            var inputs = x.Concat(z ?? []).SelectMany(r => r).ToArray();
            jobs.Db.KernelMatrices.Add(new KernelMatrixRecord
            {
                Id = jobId, OrganisationId = definition.OrganisationId, KernelId = definition.Id, Rows = x.Length, Columns = z?.Length ?? x.Length,
                Symmetric = z is null, Inputs = PackedDoubles.Pack(inputs), CreatedAt = DateTime.UtcNow,
            });
            var job = await jobs.EnqueueAsync(definition.OrganisationId, Jobs.KernelMatrixJobHandler.KindName, definition.Id,
                System.Text.Json.JsonSerializer.Serialize(new { kernel_id = definition.Id, rows = x.Length, columns = z?.Length ?? x.Length }), ct, jobId);
            signal.Notify();
            return TypedResults.Accepted($"/v1/kernels/{definition.Id}/matrices/{jobId}", Jobs.JobResponse.From(job));
        }
        try
        {
            double[,] k;
            using (ServerMetrics.KernelMatrix.WithLabels(ServerMetrics.SampleBucket(x.Length + (z?.Length ?? 0)), kernel.NumQubits.ToString(System.Globalization.CultureInfo.InvariantCulture)).NewTimer())
                k = z is null ? kernel.Matrix(x, cancellationToken: ct) : kernel.Matrix(x, z, cancellationToken: ct);
            var matrix = ToJagged(k);
            return matrix.All(row => row.All(double.IsFinite)) ? TypedResults.Ok(new MatrixResponse(matrix)) : NotFinite();
        }
        catch (StateTooLargeException e)
        {
            return Problems.TooLarge($"{e.Message} Send fewer rows per request.");
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> StoredMatrix(string id, string matrixId, HttpContext http, Jobs.JobStore jobs, CancellationToken ct)
    {
        // Kernel matrices are access-controlled like model weights: another organisation's id is simply not there.
        var org = Organisation.Of(http);
        var record = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            jobs.Db.KernelMatrices, m => m.Id == matrixId && m.KernelId == id && m.OrganisationId == org, ct);
        if (record is null) return Problems.NotFound($"No matrix \"{matrixId}\" of kernel \"{id}\" in your organisation.");
        if (record.Values is null)
        {
            var job = await jobs.FindAsync(org, matrixId, ct);
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Matrix not ready",
                detail: $"The matrix job \"{matrixId}\" is {job?.Status ?? "unknown"}{(job?.Error is { } e ? $" ({e})" : "")}; poll GET /v1/jobs/{matrixId} until it has succeeded.");
        }
        var values = PackedDoubles.Unpack(record.Values);
        var matrix = new double[record.Rows][];
        for (int i = 0; i < record.Rows; i++) matrix[i] = values.AsSpan(i * record.Columns, record.Columns).ToArray();
        return TypedResults.Ok(new StoredMatrixResponse(record.Id, record.KernelId, record.Rows, record.Columns, matrix, DateTime.SpecifyKind(record.CreatedAt, DateTimeKind.Utc)));
    }

    // Finite but huge features (1e308) overflow the encoding's angles to infinity and the kernel to NaN, which JSON cannot carry.
    private static IResult NotFinite() => Problems.BadRequest(
        "The kernel value is not a finite number for these features: values this large overflow the encoding's rotation angles. "
        + "Send features of moderate size (e.g. scaled to [-π, π]).", "Features out of range");

    private static IResult UnknownKernel(string id) =>
        Problems.NotFound($"No kernel with id \"{id}\". Create one with POST /v1/kernels.");

    private static KernelResponse ToResponse(KernelDefinition d, FidelityKernel kernel) => new(
        d.Id, kernel.Name, d.Encoding, d.NumQubits, d.Reps, d.Rotation, d.Entanglement, d.Alpha,
        d.Paulis.Split(',', StringSplitOptions.RemoveEmptyEntries), d.PadWith, kernel.NumFeatures, DateTime.SpecifyKind(d.CreatedAt, DateTimeKind.Utc));

    private static IResult? CheckVector(IReadOnlyList<double>? v, string name, int features)
    {
        if (v is null) return Problems.BadRequest($"\"{name}\" is required: an array of {features} finite numbers.");
        if (v.Count != features) return Problems.BadRequest($"\"{name}\" has {v.Count} values; this kernel's encoding takes exactly {features} features.");
        for (int i = 0; i < v.Count; i++)
            if (!double.IsFinite(v[i])) return Problems.BadRequest($"\"{name}\"[{i}] is not a finite number.");
        return null;
    }

    private static IResult? CheckRows(IReadOnlyList<IReadOnlyList<double>>? rows, string name, int features, bool required, int maxRows, bool background)
    {
        if (rows is null)
            return required ? Problems.BadRequest($"\"{name}\" is required: an array of 1 to {maxRows} rows of {features} finite numbers.") : null;
        if (rows.Count == 0) return Problems.BadRequest($"\"{name}\" is empty; send 1 to {maxRows} rows.");
        if (rows.Count > maxRows)
            return Problems.TooLarge(background
                ? $"\"{name}\" has {rows.Count} rows; a background matrix job takes at most {maxRows} (limits.max_async_matrix_rows)."
                : $"\"{name}\" has {rows.Count} rows; at most {maxRows} are allowed per request (limits.max_batch_rows); send \"async\": true to compute a larger matrix as a background job.");
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row is null) return Problems.BadRequest($"\"{name}\"[{r}] is null; each row must be an array of {features} finite numbers.");
            if (row.Count != features) return Problems.BadRequest($"\"{name}\"[{r}] has {row.Count} values; this kernel's encoding takes exactly {features} features.");
            for (int i = 0; i < row.Count; i++)
                if (!double.IsFinite(row[i])) return Problems.BadRequest($"\"{name}\"[{r}][{i}] is not a finite number.");
        }
        return null;
    }

    private static double[][] ToJagged(double[,] k)
    {
        var rows = new double[k.GetLength(0)][];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new double[k.GetLength(1)];
            for (int j = 0; j < rows[i].Length; j++) rows[i][j] = k[i, j];
        }
        return rows;
    }
}
