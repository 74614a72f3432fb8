using Hanzo.Qml.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Security.Budget;

/// <summary>Prices of the configured backends (<c>backends[].price_per_execution</c>, <c>price_per_shot</c>).</summary>
/// <param name="options">The service options.</param>
public sealed class QpuPrices(IOptions<QmlServerOptions> options)
{
    /// <summary>
    /// The configuration entry of <paramref name="backend"/> (names compare case-insensitively), or null. When a name is
    /// listed more than once the last entry wins, so a configured entry overrides the built-in statevector default.
    /// </summary>
    /// <param name="backend">Backend name.</param>
    public BackendSection? Find(string backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return options.Value.Backends.LastOrDefault(b => string.Equals(b.Name, backend, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether executions on <paramref name="backend"/> are metered (it has a price above 0).</summary>
    /// <param name="backend">Backend name.</param>
    public bool IsPriced(string backend) => Find(backend) is { } b && (b.PricePerExecution > 0 || b.PricePerShot > 0);

    /// <summary>
    /// The cost, in budget units, of <paramref name="executions"/> executions with <paramref name="shots"/> shots in all on
    /// <paramref name="backend"/>: executions × price_per_execution + shots × price_per_shot; 0 for an unpriced or unknown backend.
    /// </summary>
    /// <param name="backend">Backend name.</param>
    /// <param name="executions">Circuit runs (or shot batches), ≥ 0.</param>
    /// <param name="shots">Shots over all executions, ≥ 0 (0 for exact statevector results).</param>
    public double CostOf(string backend, int executions = 1, long shots = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(executions);
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        if (Find(backend) is not { } b) return 0;
        return executions * Math.Max(0, b.PricePerExecution) + shots * Math.Max(0, b.PricePerShot);
    }

    /// <summary>The backends with a price above 0.</summary>
    public IReadOnlyList<BackendSection> Priced() =>
        options.Value.Backends
            .GroupBy(b => b.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Last())
            .Where(b => b.PricePerExecution > 0 || b.PricePerShot > 0)
            .ToList();
}
