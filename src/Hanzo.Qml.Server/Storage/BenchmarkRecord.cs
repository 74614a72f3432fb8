namespace Hanzo.Qml.Server.Storage;

/// <summary>A benchmark run: its request and, when finished, its report (gzip JSON and Markdown).</summary>
public sealed class BenchmarkRecord
{
    /// <summary>Identifier, e.g. <c>b_3f…</c>.</summary>
    public required string Id { get; set; }

    /// <summary>Owner.</summary>
    public required string OrganisationId { get; set; }

    /// <summary>The request (snake_case JSON).</summary>
    public required string RequestJson { get; set; }

    /// <summary>The job running it.</summary>
    public required string JobId { get; set; }

    /// <summary>Gzip of the report's JSON; null until finished.</summary>
    public byte[]? ReportJson { get; set; }

    /// <summary>Gzip of the report's Markdown; null until finished.</summary>
    public byte[]? ReportMarkdown { get; set; }

    /// <summary>Gzip of the report's self-contained HTML (plots embedded); null until finished.</summary>
    public byte[]? ReportHtml { get; set; }

    /// <summary>Whether the quantum model won with significance; null until finished.</summary>
    public bool? QuantumAdvantage { get; set; }

    /// <summary>The report's one-line recommendation; null until finished.</summary>
    public string? Recommendation { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the report was stored (UTC).</summary>
    public DateTime? CompletedAt { get; set; }
}
