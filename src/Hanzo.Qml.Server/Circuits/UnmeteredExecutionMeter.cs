using System.Globalization;

namespace Hanzo.Qml.Server.Circuits;

/// <summary>
/// The meter in force while no QPU budget is connected: free executions (cost 0) run; a priced one is refused, so a
/// backend configured with a price never runs for nothing without anyone noticing.
/// </summary>
public sealed class UnmeteredExecutionMeter : IExecutionMeter
{
    /// <inheritdoc />
    public ValueTask<MeterDecision> ChargeAsync(ExecutionCharge charge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(charge);
        if (charge.Cost <= 0) return ValueTask.FromResult(MeterDecision.Allow);
        string cost = charge.Cost.ToString("G6", CultureInfo.InvariantCulture);
        return ValueTask.FromResult(MeterDecision.Refuse(
            $"Backend \"{charge.Backend}\" is priced: this request costs {cost} budget units ({charge.Executions} execution(s) × {charge.ShotsPerExecution} shot(s)), "
            + "but no QPU budget is connected to this server, so priced executions are refused. Use a free backend or ask the operator to set up budgets."));
    }
}
