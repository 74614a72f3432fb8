namespace Hanzo.Qml.Server.Security.Budget;

/// <summary>An organisation's QPU budget: its limit across backends, what it has spent, and the spending per backend.</summary>
/// <param name="Organisation">The organisation.</param>
/// <param name="Limit">Limit in budget units (0 when the organisation has no <c>budgets</c> entry).</param>
/// <param name="Spent">Spent across backends.</param>
/// <param name="Remaining">Limit minus spent, at least 0.</param>
/// <param name="Backends">Every priced backend and every backend the organisation has spent on.</param>
public sealed record BudgetStatement(string Organisation, double Limit, double Spent, double Remaining, IReadOnlyList<BackendSpending> Backends);

/// <summary>Spending on one backend.</summary>
/// <param name="Backend">Backend name.</param>
/// <param name="PricePerExecution">Configured price of one execution (0 when free or no longer configured).</param>
/// <param name="PricePerShot">Configured price of one shot.</param>
/// <param name="Spent">Spent on it by the organisation.</param>
public sealed record BackendSpending(string Backend, double PricePerExecution, double PricePerShot, double Spent);
