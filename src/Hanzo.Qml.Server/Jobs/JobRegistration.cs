namespace Hanzo.Qml.Server.Jobs;

/// <summary>Registers the job store, the workers and the handlers.</summary>
public static class JobRegistration
{
    /// <summary>Adds durable background jobs with every handler of the service.</summary>
    /// <param name="services">Services.</param>
    public static IServiceCollection AddQmlJobs(this IServiceCollection services)
    {
        services.AddScoped<JobStore>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<IJobHandler, QaoaJobHandler>();
        services.AddSingleton<IJobHandler, BenchmarkJobHandler>();
        services.AddSingleton<IJobHandler, HpoJobHandler>();
        services.AddSingleton<IJobHandler, TrainJobHandler>();
        services.AddSingleton<IJobHandler, KernelMatrixJobHandler>();
        services.AddHostedService<JobWorkerService>();
        return services;
    }
}
