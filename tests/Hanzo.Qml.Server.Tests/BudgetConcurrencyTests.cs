using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Security.Budget;

namespace Hanzo.Qml.Server.Tests;

/// <summary>Concurrent charges never overspend, on SQLite and (when HANZO_QML_TEST_POSTGRES_URL is set) PostgreSQL.</summary>
public sealed class BudgetConcurrencyTests
{
    private const string Org = "org-load";
    private static readonly string[] Backends = ["qpu-a", "qpu-b", "qpu-c"];

    private static void Configure(QmlServerOptions o)
    {
        o.Budgets["org-load"] = 50;
        o.Budgets["org-other"] = 7;
        o.Backends = [.. Backends.Select(b => new BackendSection { Name = b, PricePerExecution = 1 })];
    }

    /// <summary>
    /// 200 charges of 1 unit against a limit of 50, spread over three backends (the limit is across backends) and over
    /// as many DbContext scopes, started together; plus a second organisation charging at the same time.
    /// </summary>
    private static async Task Exactly_the_limit_is_charged(BudgetTestDatabase database)
    {
        using var gate = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            gate.Wait();
            var org = i % 10 == 9 ? "org-other" : Org;
            return await database.InScope(b => b.TryChargeAsync(org, Backends[i % 3], 1));
        })).ToList();
        gate.Set();
        var decisions = await Task.WhenAll(tasks);

        var mine = decisions.Where(d => d.OrganisationId == Org).ToList();
        var other = decisions.Where(d => d.OrganisationId == "org-other").ToList();
        Assert.Equal(180, mine.Count);
        Assert.Equal(50, mine.Count(d => d.Charged));
        Assert.Equal(7, other.Count(d => d.Charged));
        Assert.All(decisions, d => Assert.InRange(d.SpentMicros!.Value, 0, d.LimitMicros));

        var statement = await database.InScope(b => b.GetStatementAsync(Org));
        Assert.Equal(50, statement.Spent);
        Assert.Equal(0, statement.Remaining);
        Assert.Equal(50, statement.Backends.Sum(b => b.Spent));
        var otherStatement = await database.InScope(b => b.GetStatementAsync("org-other"));
        Assert.Equal(7, otherStatement.Spent);

        var refused = await database.InScope(b => b.TryChargeAsync(Org, "qpu-a", 1));
        Assert.False(refused.Charged);
        Assert.Equal(50_000_000, refused.SpentMicros);
    }

    [Fact]
    public async Task Sqlite_never_overspends_under_concurrency()
    {
        using var database = BudgetTestDatabase.Sqlite(Configure);
        await Exactly_the_limit_is_charged(database);
    }

    [SkippableFact]
    public async Task Postgres_never_overspends_under_concurrency()
    {
        Skip.If(BudgetTestDatabase.PostgresUrl is null, $"{BudgetTestDatabase.PostgresUrlVariable} is not set");
        using var database = BudgetTestDatabase.Postgres(BudgetTestDatabase.PostgresUrl!, Configure);
        await Exactly_the_limit_is_charged(database);
    }

    [SkippableFact]
    public async Task Postgres_refund_and_statement_agree_with_sqlite_semantics()
    {
        Skip.If(BudgetTestDatabase.PostgresUrl is null, $"{BudgetTestDatabase.PostgresUrlVariable} is not set");
        using var database = BudgetTestDatabase.Postgres(BudgetTestDatabase.PostgresUrl!, Configure);
        var charge = await database.InScope(b => b.TryChargeAsync(Org, "qpu-a", 30));
        Assert.True(charge.Charged);
        Assert.False((await database.InScope(b => b.TryChargeAsync(Org, "qpu-b", 21))).Charged);
        await database.InScope(async b => { await b.RefundAsync(charge); return 0; });
        Assert.True((await database.InScope(b => b.TryChargeAsync(Org, "qpu-b", 50))).Charged);
        var statement = await database.InScope(b => b.GetStatementAsync(Org));
        Assert.Equal(50, statement.Spent);
        Assert.Equal(0, statement.Backends.Single(s => s.Backend == "qpu-a").Spent);
        Assert.Equal(50, statement.Backends.Single(s => s.Backend == "qpu-b").Spent);
    }
}
