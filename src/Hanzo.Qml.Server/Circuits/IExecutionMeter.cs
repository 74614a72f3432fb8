namespace Hanzo.Qml.Server.Circuits;

/// <summary>
/// Charges an execution to the organisation's QPU budget before it runs. The circuit routes call
/// <see cref="ChargeAsync"/> exactly once per request, after every validation and before any simulation; a refusal becomes
/// a 402 problem and nothing runs. The default registration is <see cref="UnmeteredExecutionMeter"/>, which lets free
/// work through and refuses anything priced; the budget implementation replaces it (register it after
/// <see cref="CircuitServiceRegistration.AddQmlCircuits"/>, any lifetime: the routes resolve it per request).
/// </summary>
public interface IExecutionMeter
{
    /// <summary>Reserves <see cref="ExecutionCharge.Cost"/> of the organisation's budget, or refuses.</summary>
    /// <param name="charge">What is about to run and its price.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    ValueTask<MeterDecision> ChargeAsync(ExecutionCharge charge, CancellationToken cancellationToken);

    /// <summary>Gives back a granted charge whose execution then failed, so a failed run costs nothing.</summary>
    /// <param name="decision">The granted decision.</param>
    /// <param name="cancellationToken">Cancels the refund.</param>
    ValueTask RefundAsync(MeterDecision decision, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
