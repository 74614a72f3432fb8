using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Security.Budget;

/// <summary>
/// <see cref="IQpuBudget"/> on the <c>budgets</c> table (SQLite or PostgreSQL).
/// </summary>
/// <remarks>
/// The limit is per organisation across backends, so every organisation has one total row (backend <see cref="Total"/>)
/// and one row per backend for reporting. A charge is a single-row conditional update of the total row,
/// <c>SET spent = spent + c WHERE org = o AND backend = '*' AND spent + c &lt;= limit</c>: PostgreSQL re-checks the
/// condition on the newest row version after taking the row lock (READ COMMITTED), and SQLite serialises writers, so
/// concurrent charges can never pass the limit together. A sum over several rows would not be safe: each update would
/// lock only its own row and could pass on a stale sum. The per-backend row is updated in the same transaction.
/// </remarks>
/// <param name="db">The context (one per scope).</param>
/// <param name="options">Budgets (<c>budgets.&lt;org&gt;</c>).</param>
public sealed class DbQpuBudget(QmlDbContext db, IOptions<QmlServerOptions> options) : IQpuBudget
{
    /// <summary>Backend name of an organisation's total row.</summary>
    public const string Total = "*";

    /// <summary>Largest single charge, in budget units (keeps micro-unit sums far from overflow).</summary>
    public const double MaxCost = 1e12;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, string> InsertSql = new();

    /// <inheritdoc />
    public async Task<BudgetDecision> TryChargeAsync(string organisationId, string backend, double cost, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(backend);
        if (backend == Total) throw new ArgumentException($"\"{Total}\" is reserved for the organisation's total and is not a backend name.", nameof(backend));
        if (!double.IsFinite(cost) || cost < 0 || cost > MaxCost)
            throw new ArgumentOutOfRangeException(nameof(cost), cost, $"A charge must be a finite number from 0 to {MaxCost:0e0} budget units.");

        var (limit, configured) = LimitOf(organisationId);
        long micros = ToMicros(cost);
        if (micros == 0) return new BudgetDecision(true, organisationId, backend, 0, limit, configured, null);
        if (micros > limit)
            return new BudgetDecision(false, organisationId, backend, micros, limit, configured, await SpentAsync(organisationId, Total, cancellationToken));

        var now = DateTime.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EnsureAccountAsync(organisationId, Total, now, cancellationToken);
        await EnsureAccountAsync(organisationId, backend, now, cancellationToken);
        int updated = await db.Budgets
            .Where(b => b.OrganisationId == organisationId && b.Backend == Total && b.SpentMicros + micros <= limit)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.SpentMicros, b => b.SpentMicros + micros).SetProperty(b => b.UpdatedAt, now), cancellationToken);
        if (updated == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new BudgetDecision(false, organisationId, backend, micros, limit, configured, await SpentAsync(organisationId, Total, cancellationToken));
        }
        await db.Budgets
            .Where(b => b.OrganisationId == organisationId && b.Backend == backend)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.SpentMicros, b => b.SpentMicros + micros).SetProperty(b => b.UpdatedAt, now), cancellationToken);
        long spent = await SpentAsync(organisationId, Total, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BudgetDecision(true, organisationId, backend, micros, limit, configured, spent);
    }

    /// <inheritdoc />
    public async Task RefundAsync(BudgetDecision charge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(charge);
        if (!charge.Charged || charge.CostMicros == 0) return;
        long micros = charge.CostMicros;
        var now = DateTime.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var account in new[] { Total, charge.Backend })
        {
            await db.Budgets
                .Where(b => b.OrganisationId == charge.OrganisationId && b.Backend == account)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.SpentMicros, b => b.SpentMicros >= micros ? b.SpentMicros - micros : 0)
                    .SetProperty(b => b.UpdatedAt, now), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<BudgetStatement> GetStatementAsync(string organisationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationId);
        var (limit, _) = LimitOf(organisationId);
        var rows = await db.Budgets.AsNoTracking().Where(b => b.OrganisationId == organisationId).ToListAsync(cancellationToken);
        long spent = rows.FirstOrDefault(r => r.Backend == Total)?.SpentMicros ?? 0;
        var prices = new QpuPrices(options);
        var names = prices.Priced().Select(b => b.Name)
            .Concat(rows.Where(r => r.Backend != Total).Select(r => r.Backend))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var backends = names.Select(name =>
        {
            var section = prices.Find(name);
            long onBackend = rows.FirstOrDefault(r => r.Backend == name)?.SpentMicros ?? 0;
            return new BackendSpending(name, section?.PricePerExecution ?? 0, section?.PricePerShot ?? 0, onBackend / BudgetDecision.MicrosPerUnit);
        }).ToList();
        return new BudgetStatement(organisationId, limit / BudgetDecision.MicrosPerUnit, spent / BudgetDecision.MicrosPerUnit,
            Math.Max(0, limit - spent) / BudgetDecision.MicrosPerUnit, backends);
    }

    /// <summary>Budget units to micro-units; a positive cost never rounds to a free charge.</summary>
    /// <param name="units">Budget units, finite and ≥ 0.</param>
    public static long ToMicros(double units)
    {
        long micros = (long)Math.Round(units * BudgetDecision.MicrosPerUnit, MidpointRounding.AwayFromZero);
        return micros == 0 && units > 0 ? 1 : micros;
    }

    private (long Limit, bool Configured) LimitOf(string organisationId)
    {
        // No entry means a limit of 0: a priced backend must be granted explicitly, never by omission.
        if (!options.Value.Budgets.TryGetValue(organisationId, out double limit)) return (0, false);
        return (double.IsFinite(limit) && limit > 0 ? ToMicros(Math.Min(limit, MaxCost)) : 0, true);
    }

    private async Task<long> SpentAsync(string organisationId, string account, CancellationToken cancellationToken) =>
        await db.Budgets.AsNoTracking()
            .Where(b => b.OrganisationId == organisationId && b.Backend == account)
            .Select(b => (long?)b.SpentMicros)
            .FirstOrDefaultAsync(cancellationToken) ?? 0;

    private Task EnsureAccountAsync(string organisationId, string account, DateTime now, CancellationToken cancellationToken)
    {
        // INSERT … ON CONFLICT DO NOTHING means the same on SQLite (≥ 3.24) and PostgreSQL (≥ 9.5), and two requests that
        // create the same row at once both succeed, where an EF insert would fail one of them (and abort a PostgreSQL transaction).
        string sql = InsertSql.GetOrAdd(db.GetType(), _ => BuildInsertSql());
        return db.Database.ExecuteSqlRawAsync(sql, [organisationId, account, now], cancellationToken);
    }

    private string BuildInsertSql()
    {
        var entity = db.Model.FindEntityType(typeof(BudgetAccount))
            ?? throw new InvalidOperationException("The database model has no BudgetAccount entity.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var helper = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => helper.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        return $"INSERT INTO {helper.DelimitIdentifier(table.Name, table.Schema)} " +
               $"({Column(nameof(BudgetAccount.OrganisationId))}, {Column(nameof(BudgetAccount.Backend))}, {Column(nameof(BudgetAccount.SpentMicros))}, {Column(nameof(BudgetAccount.UpdatedAt))}) " +
               "VALUES ({0}, {1}, 0, {2}) ON CONFLICT DO NOTHING";
    }
}
