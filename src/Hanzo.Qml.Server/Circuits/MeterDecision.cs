namespace Hanzo.Qml.Server.Circuits;

/// <summary>An <see cref="IExecutionMeter"/>'s answer: run, or refuse with a reason (sent as a 402 problem).</summary>
/// <param name="Allowed">True to run.</param>
/// <param name="Detail">Why it was refused and what would allow it; null when allowed.</param>
/// <param name="Receipt">What the meter needs to refund the charge (the budget decision), if anything.</param>
public sealed record MeterDecision(bool Allowed, string? Detail, object? Receipt = null)
{
    /// <summary>Run.</summary>
    public static MeterDecision Allow { get; } = new(true, null);

    /// <summary>Refuse.</summary>
    /// <param name="detail">Why, and what would allow it (shown to the caller).</param>
    public static MeterDecision Refuse(string detail) => new(false, detail);
}
