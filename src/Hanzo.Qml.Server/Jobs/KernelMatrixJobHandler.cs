using System.Globalization;
using Hanzo.Qml.Server.Storage;
using Prometheus;
using Microsoft.EntityFrameworkCore;

namespace Hanzo.Qml.Server.Jobs;

/// <summary>
/// Computes large kernel matrices in the background (<c>POST /v1/kernels/{id}/matrix</c> with <c>"async": true</c>):
/// reads the packed inputs stored with the request, computes K(x, x) or K(x, z), and stores the values packed in place
/// of the inputs, owned by the kernel's organisation.
/// </summary>
/// <param name="cache">Builds the kernel from its definition.</param>
public sealed class KernelMatrixJobHandler(KernelCache cache) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string KindName = "kernel_matrix";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public async Task<JobOutcome> RunAsync(JobExecution job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        string id = job.Record.Id, org = job.Record.OrganisationId;
        var record = await job.ReadAsync((db, ct) => db.KernelMatrices.AsNoTracking().FirstAsync(m => m.Id == id && m.OrganisationId == org, ct), cancellationToken);
        var definition = await job.ReadAsync((db, ct) => db.Kernels.AsNoTracking().FirstOrDefaultAsync(k => k.Id == record.KernelId && k.OrganisationId == org, ct), cancellationToken)
            ?? throw new JobFailedException($"kernel \"{record.KernelId}\" no longer exists");
        var kernel = cache.Get(definition);
        var inputs = PackedDoubles.Unpack(record.Inputs ?? throw new JobFailedException("the matrix inputs are missing"));
        int d = kernel.NumFeatures, zRows = record.Symmetric ? 0 : record.Columns;
        if (inputs.Length != (record.Rows + zRows) * d) throw new JobFailedException($"the stored inputs hold {inputs.Length} values, not {(record.Rows + zRows) * d}");
        var x = Enumerable.Range(0, record.Rows).Select(i => inputs.AsSpan(i * d, d).ToArray()).ToArray();
        var z = Enumerable.Range(0, zRows).Select(i => inputs.AsSpan((record.Rows + i) * d, d).ToArray()).ToArray();
        var progress = new CallbackProgress<double>(f => job.ReportProgress(f, string.Create(CultureInfo.InvariantCulture, $"{f:P0} of the matrix")));
        double[,] k;
        using (ServerMetrics.KernelMatrix.WithLabels(ServerMetrics.SampleBucket(record.Rows + zRows), kernel.NumQubits.ToString(CultureInfo.InvariantCulture)).NewTimer())
            k = record.Symmetric ? kernel.Matrix(x, progress, cancellationToken) : kernel.Matrix(x, z, progress, cancellationToken);
        var values = new double[k.Length];
        Buffer.BlockCopy(k, 0, values, 0, k.Length * sizeof(double));
        // Huge (finite) features overflow the encoding's angles; a matrix with NaN could be stored but never returned as JSON.
        if (Array.Exists(values, v => !double.IsFinite(v)))
            throw new JobFailedException("the kernel matrix has non-finite entries: features this large overflow the encoding's rotation angles; send features of moderate size (e.g. scaled to [-π, π])");
        var packed = PackedDoubles.Pack(values);
        var result = System.Text.Json.JsonSerializer.Serialize(new { matrix_id = id, kernel_id = record.KernelId, rows = record.Rows, columns = record.Columns, url = $"/v1/kernels/{record.KernelId}/matrices/{id}" });
        return new JobOutcome(result, async (db, ct) =>
        {
            var row = await db.KernelMatrices.FirstAsync(m => m.Id == id, ct);
            row.Values = packed;
            row.Inputs = null;
        });
    }
}
