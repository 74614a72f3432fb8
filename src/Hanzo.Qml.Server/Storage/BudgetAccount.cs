namespace Hanzo.Qml.Server.Storage;

/// <summary>
/// What an organisation has spent on a priced backend, in micro-units of the configured currency (integers, so that the
/// atomic "spend if it fits" update compares exactly).
/// </summary>
public sealed class BudgetAccount
{
    /// <summary>Organisation.</summary>
    public required string OrganisationId { get; set; }

    /// <summary>Backend name.</summary>
    public required string Backend { get; set; }

    /// <summary>Spent so far, in millionths of a budget unit.</summary>
    public long SpentMicros { get; set; }

    /// <summary>Last change (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
