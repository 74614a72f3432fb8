using System.Globalization;

namespace Hanzo.Qml.Server.Security.Budget;

/// <summary>The outcome of <see cref="IQpuBudget.TryChargeAsync"/>; amounts are in millionths of a budget unit.</summary>
/// <param name="Charged">True when the execution may run (charged, or free).</param>
/// <param name="OrganisationId">The organisation.</param>
/// <param name="Backend">The backend.</param>
/// <param name="CostMicros">The charge (0 for a free backend).</param>
/// <param name="LimitMicros">The organisation's limit across backends.</param>
/// <param name="LimitConfigured">False when the organisation has no <c>budgets</c> entry (its limit is then 0).</param>
/// <param name="SpentMicros">Spent across backends after the decision; null for a free execution, which reads nothing.</param>
public sealed record BudgetDecision(
    bool Charged, string OrganisationId, string Backend, long CostMicros, long LimitMicros, bool LimitConfigured, long? SpentMicros)
{
    /// <summary>Micro-units per budget unit.</summary>
    public const double MicrosPerUnit = 1_000_000;

    /// <summary>The charge in budget units.</summary>
    public double Cost => CostMicros / MicrosPerUnit;

    /// <summary>The limit in budget units.</summary>
    public double Limit => LimitMicros / MicrosPerUnit;

    /// <summary>What is left after the decision, in budget units (null for a free execution).</summary>
    public double? Remaining => SpentMicros is long spent ? Math.Max(0, LimitMicros - spent) / MicrosPerUnit : null;

    /// <summary>Why a refused charge was refused: what the execution costs and what the organisation has left of its limit.</summary>
    public string RefusalDetail => LimitConfigured
        ? $"This execution costs {Format(Cost)} on backend \"{Backend}\"; organisation \"{OrganisationId}\" has {Format(Remaining ?? 0)} of its budget of {Format(Limit)} left. Nothing was charged; ask an administrator to raise budgets.{OrganisationId}, or use a free backend."
        : $"This execution costs {Format(Cost)} on backend \"{Backend}\", but organisation \"{OrganisationId}\" has no QPU budget configured (budgets.{OrganisationId}), so priced backends are refused. Nothing was charged; use a free backend or ask an administrator for a budget.";

    /// <summary>The 402 problem for a refused charge (<see cref="RefusalDetail"/>, with cost, limit and remaining as fields).</summary>
    /// <exception cref="InvalidOperationException">When the charge was granted.</exception>
    public IResult ToProblem()
    {
        if (Charged) throw new InvalidOperationException("The charge was granted; only a refusal maps to 402.");
        return Results.Problem(detail: RefusalDetail, title: "QPU budget exceeded", statusCode: StatusCodes.Status402PaymentRequired,
            extensions: new Dictionary<string, object?>
            {
                ["backend"] = Backend,
                ["cost"] = Cost,
                ["limit"] = Limit,
                ["remaining"] = Remaining ?? 0,
            });
    }

    private static string Format(double units) => units.ToString("0.######", CultureInfo.InvariantCulture);
}
