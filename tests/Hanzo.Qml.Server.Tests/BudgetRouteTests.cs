using System.Net;
using System.Text.Json;
using Hanzo.Qml.Server.Security.Budget;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hanzo.Qml.Server.Tests;

/// <summary><c>GET /v1/budget</c> and the 402 problem of a refused charge.</summary>
public sealed class BudgetRouteTests : IDisposable
{
    private readonly AuthServerFactory _factory = new(settings: new Dictionary<string, string?>
    {
        ["Budgets:org-a"] = "10",
        ["Backends:0:Name"] = "qpu-sim",
        ["Backends:0:PricePerExecution"] = "2",
        ["Backends:0:PricePerShot"] = "0.01",
    });

    public void Dispose() => _factory.Dispose();

    private async Task<BudgetDecision> Charge(string org, double cost)
    {
        using var _ = _factory.Anonymous();
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IQpuBudget>().TryChargeAsync(org, "qpu-sim", cost);
    }

    [Fact]
    public async Task Budget_route_shows_the_callers_limit_spending_and_backends()
    {
        Assert.True((await Charge("org-a", 2.5)).Charged);
        using var client = _factory.Client("org-a");
        var response = await client.GetAsync("/v1/budget");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("org-a", body.GetProperty("organisation").GetString());
        Assert.Equal(10, body.GetProperty("limit").GetDouble());
        Assert.Equal(2.5, body.GetProperty("spent").GetDouble());
        Assert.Equal(7.5, body.GetProperty("remaining").GetDouble());
        var backend = body.GetProperty("backends").EnumerateArray().Single(b => b.GetProperty("backend").GetString() == "qpu-sim");
        Assert.Equal(2, backend.GetProperty("price_per_execution").GetDouble());
        Assert.Equal(0.01, backend.GetProperty("price_per_shot").GetDouble());
        Assert.Equal(2.5, backend.GetProperty("spent").GetDouble());
    }

    [Fact]
    public async Task Another_organisation_sees_only_its_own_budget()
    {
        Assert.True((await Charge("org-a", 4)).Charged);
        using var client = _factory.Client("org-b");
        var body = await (await client.GetAsync("/v1/budget")).Json();
        Assert.Equal("org-b", body.GetProperty("organisation").GetString());
        Assert.Equal(0, body.GetProperty("limit").GetDouble());
        Assert.Equal(0, body.GetProperty("spent").GetDouble());
    }

    [Fact]
    public async Task Budget_route_needs_credentials()
    {
        using var client = _factory.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/budget")).StatusCode);
    }

    private async Task<(int Status, JsonElement Body)> Execute(IResult result)
    {
        using var _ = _factory.Anonymous();
        var context = new DefaultHttpContext { RequestServices = _factory.Services };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, (await JsonDocument.ParseAsync(context.Response.Body)).RootElement.Clone());
    }

    [Fact]
    public async Task Refusal_maps_to_a_402_that_says_cost_and_what_is_left()
    {
        Assert.True((await Charge("org-a", 9)).Charged);
        var refused = await Charge("org-a", 2);
        Assert.False(refused.Charged);
        var (status, body) = await Execute(refused.ToProblem());
        Assert.Equal(402, status);
        var detail = body.GetProperty("detail").GetString()!;
        Assert.Contains("costs 2 on backend \"qpu-sim\"", detail, StringComparison.Ordinal);
        Assert.Contains("has 1 of its budget of 10 left", detail, StringComparison.Ordinal);
        Assert.Equal(1, body.GetProperty("remaining").GetDouble());
    }

    [Fact]
    public async Task Refusal_without_a_budget_entry_says_there_is_none()
    {
        var refused = await Charge("org-b", 2);
        var (status, body) = await Execute(refused.ToProblem());
        Assert.Equal(402, status);
        Assert.Contains("has no QPU budget configured (budgets.org-b)", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_granted_charge_has_no_problem()
    {
        var granted = await Charge("org-a", 1);
        Assert.Throws<InvalidOperationException>(() => granted.ToProblem());
    }
}
