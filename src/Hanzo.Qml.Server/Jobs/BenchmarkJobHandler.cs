using System.Net;
using System.Text.Json;
using Hanzo.Qml.Benchmark;
using Hanzo.Qml.Reports;
using Hanzo.Qml.Server.Benchmarks;
using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Jobs;

/// <summary>
/// Runs benchmark jobs (<c>POST /v1/benchmark</c>): the library's runner on the stored request, then the report's
/// JSON, Markdown and HTML stored (gzip) with the benchmark and counted in <c>hanzo_qml_benchmarks_completed_total</c>.
/// </summary>
/// <param name="json">The service's JSON settings.</param>
/// <param name="config">Limits.</param>
public sealed class BenchmarkJobHandler(IOptions<JsonOptions> json, IOptions<QmlServerOptions> config) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string KindName = "benchmark";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public Task<JobOutcome> RunAsync(JobExecution job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var request = JsonSerializer.Deserialize<BenchmarkRequest>(job.Record.RequestJson, json.Value.SerializerOptions)
            ?? throw new JobFailedException("the stored request is empty");
        var limits = config.Value;
        var (classification, regression) = request.Resolve(limits.Limits.MaxBatchRows, Circuits.CircuitBackends.MaxQubits(limits));
        var progress = new CallbackProgress<BenchmarkProgress>(p => job.ReportProgress(p.Fraction, p.Message));
        string reportJson, markdown, html, recommendation;
        bool advantage;
        if (classification is not null)
        {
            var report = BenchmarkRunner.Run(classification, progress, cancellationToken);
            (reportJson, markdown, html, advantage, recommendation) = (report.ToJson(), report.ToMarkdown(), BenchmarkHtml.Write(report), report.QuantumAdvantage, report.Recommendation);
        }
        else
        {
            var report = BenchmarkRunner.RunRegression(regression!, progress, cancellationToken);
            markdown = report.ToMarkdown();
            // Regression reports have no plotting page in the library; the HTML form is the Markdown, escaped, in a page.
            html = $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>hanzo-qml regression benchmark</title></head><body><pre>{WebUtility.HtmlEncode(markdown)}</pre></body></html>";
            (reportJson, advantage, recommendation) = (report.ToJson(), report.QuantumAdvantage, report.Recommendation);
        }
        var summary = JsonSerializer.Serialize(new { benchmark_id = job.Record.TargetId, quantum_advantage = advantage, recommendation });
        var benchmarkId = job.Record.TargetId!;
        return Task.FromResult(new JobOutcome(summary, async (db, ct) =>
        {
            var record = await db.Benchmarks.FirstAsync(b => b.Id == benchmarkId, ct);
            record.ReportJson = CompressedText.Compress(reportJson);
            record.ReportMarkdown = CompressedText.Compress(markdown);
            record.ReportHtml = CompressedText.Compress(html);
            record.QuantumAdvantage = advantage;
            record.Recommendation = recommendation;
            record.CompletedAt = DateTime.UtcNow;
            ServerMetrics.BenchmarksCompleted.WithLabels(advantage ? "true" : "false").Inc();
        }));
    }
}
