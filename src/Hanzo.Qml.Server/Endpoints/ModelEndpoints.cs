using System.Text.Json;
using Hanzo.Qml.Models;
using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Jobs;
using Hanzo.Qml.Server.Models;
using Hanzo.Qml.Server.Security;
using Hanzo.Qml.Server.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Endpoints;

/// <summary>One epoch of a model's training history.</summary>
/// <param name="Epoch">Epoch number.</param>
/// <param name="Loss">Mean training loss.</param>
/// <param name="Metric">Training metric (accuracy or R²).</param>
/// <param name="ValMetric">Validation metric, when early stopping holds data out.</param>
public sealed record EpochResponse(int Epoch, double Loss, double Metric, double? ValMetric);

/// <summary>A model as the API returns it.</summary>
/// <param name="Id">Model id.</param>
/// <param name="ModelType">vqc, vqr or qsvm.</param>
/// <param name="State">created, training, trained, failed or cancelled.</param>
/// <param name="Options">The settings, defaults filled in.</param>
/// <param name="History">Training history so far (also while training).</param>
/// <param name="TrainMetric">Metric on the training data after training.</param>
/// <param name="MetricName">accuracy or r2.</param>
/// <param name="NParameters">Trained parameters (variational models).</param>
/// <param name="ClassNames">Labels a classifier predicts.</param>
/// <param name="NFeatures">Features a sample must have.</param>
/// <param name="LastJob">Latest training job.</param>
/// <param name="HasCheckpoint">Whether an interrupted run can be resumed.</param>
/// <param name="Error">Why the last training failed or stopped.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Last change (UTC).</param>
public sealed record ModelResponse(string Id, string ModelType, string State, JsonElement Options, IReadOnlyList<EpochResponse> History,
    double? TrainMetric, string? MetricName, int? NParameters, IReadOnlyList<string>? ClassNames, int? NFeatures, string? LastJob,
    bool HasCheckpoint, string? Error, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Body of <c>POST /v1/models/{id}/predict</c>.</summary>
// A misspelt setting must be an error, not silently ignored.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record PredictRequest
{
    /// <summary>Samples, one row each.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? X { get; init; }
}

/// <summary>Predictions.</summary>
/// <param name="Predictions">Labels (classifiers) or values (regressor).</param>
/// <param name="Probabilities">Class probabilities per sample, columns in <paramref name="ClassNames"/> order (classifiers).</param>
/// <param name="ClassNames">Column order of the probabilities.</param>
public sealed record PredictResponse(IReadOnlyList<JsonElement> Predictions, IReadOnlyList<double[]>? Probabilities, IReadOnlyList<string>? ClassNames);

/// <summary>Model routes: create, read (state and history), train as a job, predict, export.</summary>
public static class ModelEndpoints
{
    /// <summary>Maps the <c>/v1/models</c> routes.</summary>
    /// <param name="app">The route builder.</param>
    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/v1/models").WithTags("models");
        models.MapPost("/", Create).WithName("CreateModel").Accepts<ModelSpec>("application/json")
            .Produces<ModelResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status501NotImplemented);
        models.MapGet("/{id}", Get).WithName("GetModel").Produces<ModelResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        models.MapPost("/{id}/train", Train).WithName("TrainModel").Accepts<TrainRequest>("application/json")
            .Produces<JobResponse>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        models.MapPost("/{id}/predict", Predict).WithName("Predict").Accepts<PredictRequest>("application/json")
            .Produces<PredictResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        models.MapGet("/{id}/export", Export).WithName("ExportModel").Produces<string>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> Create(HttpContext http, HttpRequest request, QmlDbContext db, IOptions<JsonOptions> json, IOptions<QmlServerOptions> config, CancellationToken ct)
    {
        var options = json.Value.SerializerOptions;
        var (body, error) = await JsonBody.ReadAsync<ModelSpec>(request, options, ct);
        if (error is not null) return error;
        if (body!.Type?.Trim().ToLowerInvariant() is { } t && ModelSpec.Planned.Contains(t))
            return Results.Problem(statusCode: StatusCodes.Status501NotImplemented, title: "Not supported yet",
                detail: $"Model type \"{t}\" is not supported yet; supported now: {string.Join(", ", ModelSpec.Supported)}.");
        ModelSpec spec;
        try
        {
            var backends = config.Value.Backends;
            spec = body.Normalize(Circuits.CircuitBackends.MaxQubits(config.Value), [.. backends.Select(b => b.Name)]);
            // Training runs many circuits inside a job and is not metered against the QPU budget, so it must not be a
            // way to use a priced backend for free.
            if (backends.First(b => b.Name == spec.Backend) is { } chosen && (chosen.PricePerExecution > 0 || chosen.PricePerShot > 0))
                return Problems.BadRequest($"Backend \"{chosen.Name}\" is priced; model training is not metered against the QPU budget yet, so it runs only on free backends ({string.Join(", ", backends.Where(b => b.PricePerExecution == 0 && b.PricePerShot == 0).Select(b => b.Name))}).", "Invalid model");
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message, "Invalid model");
        }
        var now = DateTime.UtcNow;
        var model = new ModelRecord
        {
            Id = "m_" + Guid.NewGuid().ToString("N"),
            OrganisationId = Organisation.Of(http),
            ModelType = spec.Type!,
            State = "created",
            OptionsJson = JsonSerializer.Serialize(spec, options),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Models.Add(model);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/v1/models/{model.Id}", ToResponse(model, options));
    }

    private static async Task<IResult> Get(string id, HttpContext http, QmlDbContext db, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var model = await Find(db, http, id, ct);
        return model is null ? Unknown(id) : TypedResults.Ok(ToResponse(model, json.Value.SerializerOptions));
    }

    private static async Task<IResult> Train(string id, HttpContext http, HttpRequest request, JobStore store, JobSignal signal,
        IOptions<JsonOptions> json, IOptions<QmlServerOptions> config, CancellationToken ct)
    {
        var options = json.Value.SerializerOptions;
        var model = await store.Db.Models.FirstOrDefaultAsync(m => m.Id == id && m.OrganisationId == Organisation.Of(http), ct);
        if (model is null) return Unknown(id);
        var (body, error) = await JsonBody.ReadAsync<TrainRequest>(request, options, ct);
        if (error is not null) return error;
        if (body!.Epochs is int e && (e < 1 || e > 1000)) return Problems.BadRequest($"\"epochs\" is {e}; allowed: 1 to 1000.");
        var spec = JsonSerializer.Deserialize<ModelSpec>(model.OptionsJson, options)!;
        try
        {
            var data = body.Source.Load(config.Value.Limits.MaxBatchRows, spec.Seed ?? 0, spec.NQubits ?? 2);
            bool classifier = spec.Type is "vqc" or "qsvm";
            if (classifier != (data.Task == Data.TaskKind.Classification))
                return Problems.BadRequest(classifier
                    ? $"A {spec.Type} model needs classification data (labels); this data has numeric targets."
                    : "A vqr model needs regression data (numeric targets; inline data needs \"task\": \"regression\").");
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message, "Invalid training data");
        }
        if (model.LastJobId is { } last && await store.FindAsync(model.OrganisationId, last, ct) is { } running && !JobStatus.IsFinal(running.Status))
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already training",
                detail: $"Model \"{id}\" is being trained by job \"{last}\" ({running.Status}); wait for it or cancel it with POST /v1/jobs/{last}/cancel.");

        // Resume a cancelled or failed run's checkpoint only for the identical request (same data, same epochs).
        string? resumeFrom = null;
        var requestJson = JsonSerializer.Serialize(body with { Resume = null }, options);
        if (body.Resume != false && model.CheckpointJobId is { } previous && await store.FindAsync(model.OrganisationId, previous, ct) is { } prior)
        {
            var priorRequest = JsonSerializer.Deserialize<StoredTrainRequest>(prior.RequestJson, options);
            if (priorRequest is not null && JsonSerializer.Serialize(priorRequest.Request with { Resume = null }, options) == requestJson) resumeFrom = previous;
        }
        var stored = new StoredTrainRequest(model.ModelType, body with { Resume = null }, resumeFrom);
        string jobId = JobStore.NewId();
        model.State = "training";
        model.LastJobId = jobId;
        model.Error = null;
        model.UpdatedAt = DateTime.UtcNow;
        var job = await store.EnqueueAsync(model.OrganisationId, TrainJobHandler.KindName, id, JsonSerializer.Serialize(stored, options), ct, jobId);
        signal.Notify();
        return TypedResults.Accepted($"/v1/jobs/{job.Id}", JobResponse.From(job));
    }

    private static async Task<IResult> Predict(string id, HttpContext http, HttpRequest request, QmlDbContext db, IOptions<JsonOptions> json,
        IOptions<QmlServerOptions> config, TrainedModelCache models, CancellationToken ct)
    {
        var options = json.Value.SerializerOptions;
        var model = await Find(db, http, id, ct);
        if (model is null) return Unknown(id);
        if (model.Document is null) return NotTrained(model);
        var (body, error) = await JsonBody.ReadAsync<PredictRequest>(request, options, ct);
        if (error is not null) return error;
        var metadata = JsonSerializer.Deserialize<ModelMetadata>(model.MetadataJson!, options)!;
        int maxRows = config.Value.Limits.MaxBatchRows;
        if (body!.X is not { Count: > 0 } rows) return Problems.BadRequest($"\"x\" is required: 1 to {maxRows} rows of {metadata.NFeatures} finite numbers.");
        if (rows.Count > maxRows) return Problems.TooLarge($"\"x\" has {rows.Count} rows; at most {maxRows} per request.");
        var x = new double[rows.Count][];
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not { } row) return Problems.BadRequest($"\"x\"[{r}] is null.");
            if (row.Count != metadata.NFeatures) return Problems.BadRequest($"\"x\"[{r}] has {row.Count} values; this model takes {metadata.NFeatures} features.");
            x[r] = [.. row];
            for (int c = 0; c < x[r].Length; c++) if (!double.IsFinite(x[r][c])) return Problems.BadRequest($"\"x\"[{r}][{c}] is not a finite number.");
        }
        var loaded = models.Get(model);
        try
        {
            switch (loaded)
            {
                case VariationalClassifier vqc:
                    {
                        var proba = vqc.PredictProba(x);
                        if (proba.Any(p => !p.All(double.IsFinite))) return FeaturesOutOfRange("the class probabilities are not finite numbers");
                        var labels = vqc.PredictLabels(x);
                        return TypedResults.Ok(new PredictResponse([.. labels.Select(l => JsonSerializer.SerializeToElement(l))], proba, vqc.ClassNames));
                    }
                case VariationalRegressor vqr:
                    {
                        var values = vqr.Predict(x);
                        if (!values.All(double.IsFinite)) return FeaturesOutOfRange("the predictions are not finite numbers");
                        return TypedResults.Ok(new PredictResponse([.. values.Select(v => JsonSerializer.SerializeToElement(v))], null, null));
                    }
                default:
                    {
                        var qsvm = (QSVM)loaded;
                        var predicted = qsvm.Predict(x, ct);
                        return TypedResults.Ok(new PredictResponse([.. predicted.Select(i => JsonSerializer.SerializeToElement(metadata.ClassNames[i]))], null, metadata.ClassNames));
                    }
            }
        }
        catch (ArgumentException e)
        {
            // The library refuses what huge features turn into: an infinite scaled value, a NaN kernel entry.
            return FeaturesOutOfRange(e.Message);
        }
    }

    // Finite but huge features (1e308) overflow the scaler or the encoding's angles; the result cannot be a prediction.
    private static IResult FeaturesOutOfRange(string why) => Problems.BadRequest(
        $"These features cannot be predicted: {why}. Values this large overflow the model's scaling or encoding; send features of the size the model was trained on.",
        "Features out of range");

    private static async Task<IResult> Export(string id, HttpContext http, QmlDbContext db, CancellationToken ct)
    {
        var model = await Find(db, http, id, ct);
        if (model is null) return Unknown(id);
        if (model.Document is null) return NotTrained(model);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{model.Id}.json\"";
        return Results.Text(CompressedText.Decompress(model.Document), "application/json; charset=utf-8");
    }

    private static Task<ModelRecord?> Find(QmlDbContext db, HttpContext http, string id, CancellationToken ct)
    {
        var org = Organisation.Of(http);
        return db.Models.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.OrganisationId == org, ct);
    }

    private static ModelResponse ToResponse(ModelRecord m, JsonSerializerOptions options)
    {
        var metadata = m.MetadataJson is null ? null : JsonSerializer.Deserialize<ModelMetadata>(m.MetadataJson, options);
        var history = TrainJobHandler.UnpackHistory(m.History).Select(e => new EpochResponse(e.Epoch, e.Loss, e.Metric, e.ValidationMetric)).ToList();
        int? parameters = m.Parameters is null ? null : m.Parameters.Length / sizeof(double);
        return new(m.Id, m.ModelType, m.State, JsonDocument.Parse(m.OptionsJson).RootElement.Clone(), history, m.TrainMetric, metadata?.MetricName,
            parameters, metadata is { ClassNames.Count: > 0 } ? metadata.ClassNames : null, metadata?.NFeatures, m.LastJobId, m.Checkpoint is not null, m.Error,
            DateTime.SpecifyKind(m.CreatedAt, DateTimeKind.Utc), DateTime.SpecifyKind(m.UpdatedAt, DateTimeKind.Utc));
    }

    private static IResult Unknown(string id) => Problems.NotFound($"No model with id \"{id}\" in your organisation. Create one with POST /v1/models.");

    private static IResult NotTrained(ModelRecord m) => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Model not trained",
        detail: $"Model \"{m.Id}\" is {m.State}; train it with POST /v1/models/{m.Id}/train and wait for the job to succeed.");
}
