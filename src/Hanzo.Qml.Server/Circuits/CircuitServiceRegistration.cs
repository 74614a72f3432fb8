using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hanzo.Qml.Server.Circuits;

/// <summary>Registers what the circuit routes need.</summary>
public static class CircuitServiceRegistration
{
    /// <summary>
    /// Registers the <see cref="CircuitCache"/> and, unless one is already registered, the default
    /// <see cref="IExecutionMeter"/> (<see cref="UnmeteredExecutionMeter"/>: free work runs, priced work is refused with 402).
    /// A QPU budget meter registered after this call takes precedence.
    /// </summary>
    /// <param name="services">Services.</param>
    public static IServiceCollection AddQmlCircuits(this IServiceCollection services)
    {
        services.AddSingleton<CircuitCache>();
        services.TryAddSingleton<IExecutionMeter, UnmeteredExecutionMeter>();
        return services;
    }
}
