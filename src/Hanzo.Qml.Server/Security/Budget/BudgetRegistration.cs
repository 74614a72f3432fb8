namespace Hanzo.Qml.Server.Security.Budget;

/// <summary>Registers the QPU budget services.</summary>
public static class BudgetRegistration
{
    /// <summary>Registers <see cref="QpuPrices"/> (singleton) and <see cref="IQpuBudget"/> (scoped, on the request's database context).</summary>
    /// <param name="services">Services; the storage and <c>IOptions&lt;QmlServerOptions&gt;</c> must be registered too.</param>
    public static IServiceCollection AddQmlBudget(this IServiceCollection services)
    {
        services.AddSingleton<QpuPrices>();
        services.AddScoped<IQpuBudget, DbQpuBudget>();
        // Replaces the circuits' default meter (which refuses every priced execution) with the budget.
        services.AddScoped<Circuits.IExecutionMeter, BudgetExecutionMeter>();
        return services;
    }
}
