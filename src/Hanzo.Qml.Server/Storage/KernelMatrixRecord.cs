namespace Hanzo.Qml.Server.Storage;

/// <summary>A kernel matrix computed by a background job, stored as packed float64 values (row-major).</summary>
public sealed class KernelMatrixRecord
{
    /// <summary>Identifier (the job id that produced it).</summary>
    public required string Id { get; set; }

    /// <summary>Owner; the same organisation as the kernel.</summary>
    public required string OrganisationId { get; set; }

    /// <summary>Kernel the matrix belongs to.</summary>
    public required string KernelId { get; set; }

    /// <summary>Rows (samples of x).</summary>
    public int Rows { get; set; }

    /// <summary>Columns (samples of z, or of x for the symmetric matrix).</summary>
    public int Columns { get; set; }

    /// <summary>Whether it is K(x, x) (no z).</summary>
    public bool Symmetric { get; set; }

    /// <summary>The input rows (x, then z) as packed float64 until the job has computed the matrix; then null.</summary>
    public byte[]? Inputs { get; set; }

    /// <summary>Rows × Columns little-endian float64 values (<see cref="PackedDoubles"/>), row-major; null until computed.</summary>
    public byte[]? Values { get; set; }

    /// <summary>When it was stored (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
