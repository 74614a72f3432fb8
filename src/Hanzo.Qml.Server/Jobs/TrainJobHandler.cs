using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hanzo.Qml.Data;
using Hanzo.Qml.Models;
using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Models;
using Hanzo.Qml.Server.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Jobs;

/// <summary>
/// Trains models (<c>POST /v1/models/{id}/train</c>). Variational models save a checkpoint after every epoch in the
/// same lease-guarded write as their history, so a run interrupted by a crash resumes from its last completed epoch
/// and ends with exactly the parameters of an uninterrupted run. QSVM training is a single solve and simply reruns.
/// </summary>
/// <param name="json">The service's JSON settings.</param>
/// <param name="config">Limits.</param>
public sealed class TrainJobHandler(IOptions<JsonOptions> json, IOptions<QmlServerOptions> config) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string KindName = "train";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public string MetricLabel(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return JsonDocument.Parse(job.RequestJson).RootElement.TryGetProperty("model_type", out var t) ? t.GetString() ?? KindName : KindName;
    }

    /// <inheritdoc />
    public async Task<JobOutcome> RunAsync(JobExecution job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var options = json.Value.SerializerOptions;
        var stored = JsonSerializer.Deserialize<StoredTrainRequest>(job.Record.RequestJson, options) ?? throw new JobFailedException("the stored request is empty");
        var modelId = job.Record.TargetId!;
        var model = await job.ReadAsync((db, ct) => db.Models.AsNoTracking().FirstAsync(m => m.Id == modelId, ct), cancellationToken);
        var spec = JsonSerializer.Deserialize<ModelSpec>(model.OptionsJson, options)!;
        var data = stored.Request.Source.Load(config.Value.Limits.MaxBatchRows, spec.Seed ?? 0, spec.NQubits ?? 2);
        var clock = Stopwatch.StartNew();
        JobOutcome outcome = spec.Type == "qsvm"
            ? TrainQsvm(job, spec, data, modelId, cancellationToken)
            : TrainVariational(job, spec, stored, model, data, modelId, cancellationToken);
        ServerMetrics.TrainingDuration.WithLabels(spec.Type!).Observe(clock.Elapsed.TotalSeconds);
        return outcome;
    }

    private JobOutcome TrainVariational(JobExecution job, ModelSpec spec, StoredTrainRequest stored, ModelRecord model, Dataset data, string modelId, CancellationToken ct)
    {
        bool classifier = spec.Type == "vqc";
        if (classifier && data.Task != TaskKind.Classification) throw new JobFailedException("a vqc needs classification data (labels); this data has numeric targets; create a vqr model for it");
        if (!classifier && data.Task != TaskKind.Regression) throw new JobFailedException("a vqr needs regression data (numeric targets, \"task\": \"regression\"); create a vqc model for labels");
        var options = spec.ToVariationalOptions(stored.Request.Epochs);
        // A checkpoint is resumed only when it was written for this very job (a restart) or for an earlier job with the
        // identical request (a resumed cancellation), never across different data or epochs.
        TrainingCheckpoint? resume = null;
        if (model.Checkpoint is { } bytes && (model.CheckpointJobId == job.Record.Id || (stored.ResumeFromJobId is { } from && model.CheckpointJobId == from)))
            resume = TrainingCheckpoint.FromJson(CompressedText.Decompress(bytes));
        int epochs = options.Epochs;
        var progress = new CallbackProgress<TrainingProgress>(p => job.ReportProgress(p.Epoch / (double)epochs,
            string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch}/{epochs}: loss {p.Loss:F4}, metric {p.Metric:F4}")));
        void Save(TrainingCheckpoint checkpoint)
        {
            var packed = CompressedText.Compress(checkpoint.ToJson());
            var history = PackHistory(checkpoint.History);
            bool held = job.WriteWhileHeldAsync(async (db, c) =>
            {
                var row = await db.Models.FirstAsync(m => m.Id == modelId, c);
                row.Checkpoint = packed;
                row.CheckpointJobId = job.Record.Id;
                row.History = history;
                row.UpdatedAt = DateTime.UtcNow;
            }, CancellationToken.None).GetAwaiter().GetResult();
            if (!held) throw new OperationCanceledException("the job's lease was lost; another worker owns it now");
        }
        VariationalModel trained;
        double metric;
        IReadOnlyList<string> classNames;
        if (classifier)
        {
            var vqc = new VariationalClassifier(options).Fit(data, resume, Save, progress, ct);
            (trained, metric, classNames) = (vqc, vqc.Score(data), vqc.ClassNames);
        }
        else
        {
            var vqr = new VariationalRegressor(options).Fit(data, resume, Save, progress, ct);
            (trained, metric, classNames) = (vqr, vqr.Score(data), []);
        }
        var document = CompressedText.Compress(trained.ToJson());
        var parameters = PackedDoubles.Pack(trained.Parameters);
        var historyBytes = PackHistory(trained.History);
        var metadata = JsonSerializer.Serialize(new ModelMetadata(classNames, data.NumFeatures, classifier ? "accuracy" : "r2"), json.Value.SerializerOptions);
        var result = JsonSerializer.Serialize(new { model_id = modelId, epochs = trained.History.Count, train_metric = metric, metric_name = classifier ? "accuracy" : "r2", resumed_from_epoch = resume?.Epoch });
        return new JobOutcome(result, async (db, c) =>
        {
            var row = await db.Models.FirstAsync(m => m.Id == modelId, c);
            (row.State, row.Document, row.Parameters, row.History, row.MetadataJson, row.TrainMetric, row.Error) = ("trained", document, parameters, historyBytes, metadata, metric, null);
            (row.Checkpoint, row.CheckpointJobId, row.UpdatedAt) = (null, null, DateTime.UtcNow);
            ServerMetrics.ModelsTrained.WithLabels(spec.Type!, spec.Backend!).Inc();
        });
    }

    private JobOutcome TrainQsvm(JobExecution job, ModelSpec spec, Dataset data, string modelId, CancellationToken ct)
    {
        if (data.Task != TaskKind.Classification) throw new JobFailedException("a qsvm needs classification data (labels)");
        var qsvm = spec.ToQsvm();
        if (data.NumFeatures != qsvm.Kernel.Encoding.NumFeatures)
            throw new JobFailedException($"the {spec.Encoding} encoding on {spec.NQubits} qubits reads {qsvm.Kernel.Encoding.NumFeatures} features; the data has {data.NumFeatures} (scale and select features before training, or change n_qubits)");
        var x = data.ToJaggedArray();
        var y = data.ClassIndexArray();
        qsvm.Fit(x, y, new CallbackProgress<double>(f => job.ReportProgress(f, "kernel matrix and SVM solve")), ct);
        var predictions = qsvm.Predict(x, ct);
        double accuracy = predictions.Zip(y).Count(p => p.First == p.Second) / (double)y.Length;
        var document = CompressedText.Compress(qsvm.ToJson());
        var metadata = JsonSerializer.Serialize(new ModelMetadata(data.ClassNames, data.NumFeatures, "accuracy"), json.Value.SerializerOptions);
        var result = JsonSerializer.Serialize(new { model_id = modelId, train_metric = accuracy, metric_name = "accuracy", n_support_vectors = qsvm.SupportVectors.Count });
        return new JobOutcome(result, async (db, c) =>
        {
            var row = await db.Models.FirstAsync(m => m.Id == modelId, c);
            (row.State, row.Document, row.Parameters, row.History, row.MetadataJson, row.TrainMetric, row.Error, row.UpdatedAt) =
                ("trained", document, null, null, metadata, accuracy, null, DateTime.UtcNow);
            ServerMetrics.ModelsTrained.WithLabels(spec.Type!, spec.Backend!).Inc();
        });
    }

    /// <inheritdoc />
    public async Task OnEndedWithoutSuccessAsync(JobRecord job, QmlDbContext db, string status, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Models.FirstOrDefaultAsync(m => m.Id == job.TargetId, cancellationToken);
        if (row is null || row.LastJobId != job.Id) return;
        // A model trained before keeps its trained state; otherwise it shows why this run ended. The checkpoint stays,
        // so a new train request resumes a cancelled run.
        row.State = row.Document is not null ? "trained" : status;
        row.Error = error;
        row.UpdatedAt = DateTime.UtcNow;
    }

    /// <summary>History as packed float64 quadruples (epoch, loss, metric, validation metric or NaN).</summary>
    /// <param name="history">Epoch records.</param>
    public static byte[] PackHistory(IReadOnlyList<EpochRecord> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var values = new double[history.Count * 4];
        for (int i = 0; i < history.Count; i++)
            (values[4 * i], values[4 * i + 1], values[4 * i + 2], values[4 * i + 3]) = (history[i].Epoch, history[i].Loss, history[i].Metric, history[i].ValidationMetric ?? double.NaN);
        return PackedDoubles.Pack(values);
    }

    /// <summary>Reverses <see cref="PackHistory"/>.</summary>
    /// <param name="bytes">Packed history.</param>
    public static IReadOnlyList<EpochRecord> UnpackHistory(byte[]? bytes)
    {
        if (bytes is null) return [];
        var v = PackedDoubles.Unpack(bytes);
        return [.. Enumerable.Range(0, v.Length / 4).Select(i => new EpochRecord((int)v[4 * i], v[4 * i + 1], v[4 * i + 2], double.IsNaN(v[4 * i + 3]) ? null : v[4 * i + 3]))];
    }
}

/// <summary>A training job's stored input.</summary>
/// <param name="ModelType">vqc, vqr or qsvm (for the active-jobs gauge).</param>
/// <param name="Request">The train request.</param>
/// <param name="ResumeFromJobId">An earlier job of the same request whose checkpoint this run may continue.</param>
public sealed record StoredTrainRequest(string ModelType, TrainRequest Request, string? ResumeFromJobId);
