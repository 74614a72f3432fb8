using Hanzo.Qml.Server.Security;
using Hanzo.Qml.Server.Security.Budget;

namespace Hanzo.Qml.Server.Endpoints;

/// <summary>The caller's QPU budget.</summary>
public static class BudgetEndpoints
{
    /// <summary>Maps <c>GET /v1/budget</c>: the caller's organisation, limit, spent, remaining and spending per backend.</summary>
    /// <param name="app">The route builder.</param>
    public static IEndpointRouteBuilder MapBudgetEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1").WithTags("budget")
            .MapGet("/budget", async (HttpContext http, IQpuBudget budget, CancellationToken ct) =>
                TypedResults.Ok(await budget.GetStatementAsync(Organisation.Of(http), ct)))
            .WithName("GetBudget")
            .Produces<BudgetStatement>();
        return app;
    }
}
