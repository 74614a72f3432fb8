namespace Hanzo.Qml.Server.Storage;

/// <summary>
/// A model: its type and options, and once trained its parameters (packed float64), its training history (packed
/// float64, four values an epoch) and the library's versioned model document (gzip) from which it is reloaded.
/// </summary>
public sealed class ModelRecord
{
    /// <summary>Identifier, e.g. <c>m_3f…</c>.</summary>
    public required string Id { get; set; }

    /// <summary>Owner.</summary>
    public required string OrganisationId { get; set; }

    /// <summary>vqc, vqr or qsvm.</summary>
    public required string ModelType { get; set; }

    /// <summary>created, training, trained or failed.</summary>
    public required string State { get; set; }

    /// <summary>The creation request's options (snake_case JSON).</summary>
    public required string OptionsJson { get; set; }

    /// <summary>Trained parameters as packed float64 values; null before training.</summary>
    public byte[]? Parameters { get; set; }

    /// <summary>History as packed float64 quadruples (epoch, loss, metric, validation metric or NaN).</summary>
    public byte[]? History { get; set; }

    /// <summary>Gzip of the library's model document (what <c>export</c> returns); null before training.</summary>
    public byte[]? Document { get; set; }

    /// <summary>Gzip of the latest training checkpoint, so an interrupted training resumes; null when none.</summary>
    public byte[]? Checkpoint { get; set; }

    /// <summary>The training job whose run wrote <see cref="Checkpoint"/> (a later job resumes it only for the same request).</summary>
    public string? CheckpointJobId { get; set; }

    /// <summary>What prediction needs besides the document: class names and feature count (snake_case JSON).</summary>
    public string? MetadataJson { get; set; }

    /// <summary>Latest training job, if any.</summary>
    public string? LastJobId { get; set; }

    /// <summary>Why the last training failed, if it did.</summary>
    public string? Error { get; set; }

    /// <summary>Training metric on the training data after training.</summary>
    public double? TrainMetric { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last change (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
