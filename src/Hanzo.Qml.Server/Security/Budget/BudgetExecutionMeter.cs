using Hanzo.Qml.Server.Circuits;

namespace Hanzo.Qml.Server.Security.Budget;

/// <summary>
/// Meters circuit executions against the organisation's QPU budget: free executions pass untouched, priced ones are
/// charged atomically before they run (402 when they do not fit) and refunded if the run then fails.
/// </summary>
/// <param name="budget">The budget ledger.</param>
public sealed class BudgetExecutionMeter(IQpuBudget budget) : IExecutionMeter
{
    /// <inheritdoc />
    public async ValueTask<MeterDecision> ChargeAsync(ExecutionCharge charge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(charge);
        if (charge.Cost <= 0) return MeterDecision.Allow;
        var decision = await budget.TryChargeAsync(charge.OrganisationId, charge.Backend, charge.Cost, cancellationToken);
        if (decision.Charged) return new MeterDecision(true, null, decision);
        return MeterDecision.Refuse(decision.RefusalDetail);
    }

    /// <inheritdoc />
    public async ValueTask RefundAsync(MeterDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Receipt is BudgetDecision charged) await budget.RefundAsync(charged, cancellationToken);
    }
}
