namespace Hanzo.Qml.Server.Security.Budget;

/// <summary>
/// Per-organisation QPU budget. Executions on a priced backend are charged before they run; a charge that would take the
/// organisation past its limit is refused and spends nothing, also under any number of concurrent requests.
/// </summary>
/// <remarks>
/// Route pattern: <c>var charge = await budget.TryChargeAsync(org, backend, prices.CostOf(backend, shots: n), ct);</c>
/// then <c>if (!charge.Charged) return charge.ToProblem();</c> (402), run, and call <see cref="RefundAsync"/> with the
/// charge if the execution fails after it was charged.
/// </remarks>
public interface IQpuBudget
{
    /// <summary>
    /// Charges <paramref name="cost"/> budget units to <paramref name="organisationId"/> for <paramref name="backend"/> if
    /// it fits in the organisation's limit (<c>budgets.&lt;org&gt;</c>, across all backends; 0 when the organisation has no
    /// entry). A cost of 0 (a free backend) is always granted without touching the database.
    /// </summary>
    /// <param name="organisationId">The caller's organisation (<see cref="Organisation.Of"/>).</param>
    /// <param name="backend">The backend the execution runs on (its configured name).</param>
    /// <param name="cost">Price of the execution in budget units (see <see cref="QpuPrices.CostOf"/>), finite and ≥ 0.</param>
    /// <param name="cancellationToken">Cancels the charge (nothing is spent when it is cancelled).</param>
    /// <returns>The decision; <see cref="BudgetDecision.Charged"/> is false when the limit would be exceeded.</returns>
    /// <exception cref="ArgumentException">When the organisation or backend is empty, the backend is "*", or the cost is negative, not finite or beyond 10¹² units.</exception>
    Task<BudgetDecision> TryChargeAsync(string organisationId, string backend, double cost, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives back a charge whose execution failed after it was charged (a compensating update; spending never goes
    /// below zero). Does nothing for a refused or free decision.
    /// </summary>
    /// <param name="charge">The decision returned by <see cref="TryChargeAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the refund; callers usually pass <see cref="CancellationToken.None"/> so that a refund is not lost with the request.</param>
    Task RefundAsync(BudgetDecision charge, CancellationToken cancellationToken = default);

    /// <summary>The organisation's limit, spending in total and per backend, and what is left.</summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<BudgetStatement> GetStatementAsync(string organisationId, CancellationToken cancellationToken = default);
}
