using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Security.Budget;
using Hanzo.Qml.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hanzo.Qml.Server.Tests;

/// <summary>Charge, refusal, refund and statement semantics of the QPU budget (SQLite).</summary>
public sealed class BudgetTests : IDisposable
{
    private readonly BudgetTestDatabase _database = BudgetTestDatabase.Sqlite(o =>
    {
        o.Budgets["org-a"] = 10;
        o.Budgets["org-zero"] = 0;
        o.Backends = [new BackendSection { Name = "statevector" }, new BackendSection { Name = "qpu", PricePerExecution = 2, PricePerShot = 0.001 }];
    });

    public void Dispose() => _database.Dispose();

    private Task<BudgetDecision> Charge(string org, string backend, double cost) => _database.InScope(b => b.TryChargeAsync(org, backend, cost));

    private async Task<int> Rows()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QmlDbContext>().Budgets.CountAsync();
    }

    [Fact]
    public async Task Charges_up_to_the_limit_and_refuses_beyond_it_without_spending()
    {
        var first = await Charge("org-a", "qpu", 6);
        Assert.True(first.Charged);
        Assert.Equal(4, first.Remaining);
        var refused = await Charge("org-a", "qpu", 5);
        Assert.False(refused.Charged);
        Assert.Equal(6_000_000, refused.SpentMicros);
        Assert.Equal(4, refused.Remaining);
        var exact = await Charge("org-a", "qpu", 4);
        Assert.True(exact.Charged);
        Assert.Equal(0, exact.Remaining);
        Assert.Equal(10, (await _database.InScope(b => b.GetStatementAsync("org-a"))).Spent);
    }

    [Fact]
    public async Task Fractional_charges_add_up_exactly()
    {
        for (int i = 0; i < 100; i++) Assert.True((await Charge("org-a", "qpu", 0.1)).Charged, $"charge {i}");
        Assert.False((await Charge("org-a", "qpu", 0.1)).Charged);
        Assert.Equal(10, (await _database.InScope(b => b.GetStatementAsync("org-a"))).Spent);
    }

    [Fact]
    public async Task Free_execution_is_granted_without_touching_the_database()
    {
        var free = await Charge("org-without-budget", "statevector", 0);
        Assert.True(free.Charged);
        Assert.Null(free.SpentMicros);
        Assert.Equal(0, await Rows());
    }

    [Fact]
    public async Task Organisation_without_a_budget_entry_is_refused_on_a_priced_backend()
    {
        var refused = await Charge("org-unknown", "qpu", 2);
        Assert.False(refused.Charged);
        Assert.False(refused.LimitConfigured);
        Assert.Equal(0, refused.LimitMicros);
        var zero = await Charge("org-zero", "qpu", 2);
        Assert.False(zero.Charged);
        Assert.True(zero.LimitConfigured);
    }

    [Fact]
    public async Task Refund_gives_the_charge_back_on_the_total_and_the_backend()
    {
        var charge = await Charge("org-a", "qpu", 7);
        await _database.InScope(async b => { await b.RefundAsync(charge); return 0; });
        var statement = await _database.InScope(b => b.GetStatementAsync("org-a"));
        Assert.Equal(0, statement.Spent);
        Assert.Equal(10, statement.Remaining);
        Assert.Equal(0, statement.Backends.Single(s => s.Backend == "qpu").Spent);
        Assert.True((await Charge("org-a", "qpu", 10)).Charged);
    }

    [Fact]
    public async Task Refund_of_a_refusal_changes_nothing()
    {
        Assert.True((await Charge("org-a", "qpu", 9)).Charged);
        var refused = await Charge("org-a", "qpu", 5);
        await _database.InScope(async b => { await b.RefundAsync(refused); return 0; });
        Assert.Equal(9, (await _database.InScope(b => b.GetStatementAsync("org-a"))).Spent);
    }

    [Fact]
    public async Task Statement_lists_priced_backends_and_spending_per_backend()
    {
        await Charge("org-a", "qpu", 3);
        var statement = await _database.InScope(b => b.GetStatementAsync("org-a"));
        Assert.Equal("org-a", statement.Organisation);
        Assert.Equal(10, statement.Limit);
        Assert.Equal(3, statement.Spent);
        Assert.Equal(7, statement.Remaining);
        var qpu = Assert.Single(statement.Backends);
        Assert.Equal("qpu", qpu.Backend);
        Assert.Equal(2, qpu.PricePerExecution);
        Assert.Equal(0.001, qpu.PricePerShot);
        Assert.Equal(3, qpu.Spent);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e13)]
    public async Task Invalid_costs_are_refused_as_arguments(double cost) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Charge("org-a", "qpu", cost));

    [Fact]
    public async Task The_total_account_name_is_not_a_backend() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Charge("org-a", DbQpuBudget.Total, 1));

    [Fact]
    public void Prices_come_from_the_backend_configuration()
    {
        var prices = _database.Services.GetRequiredService<QpuPrices>();
        Assert.Equal(2 * 3 + 0.001 * 1000, prices.CostOf("qpu", executions: 3, shots: 1000), 12);
        Assert.Equal(2, prices.CostOf("QPU"));
        Assert.Equal(0, prices.CostOf("statevector", shots: 1000));
        Assert.Equal(0, prices.CostOf("unknown"));
        Assert.True(prices.IsPriced("qpu"));
        Assert.False(prices.IsPriced("statevector"));
    }
}
