using Prometheus;

namespace Hanzo.Qml.Server;

/// <summary>Prometheus metrics of the service.</summary>
public static partial class ServerMetrics
{
    /// <summary>API request duration by route template.</summary>
    public static readonly Histogram RequestDuration = Metrics.CreateHistogram(
        "hanzo_qml_api_request_duration_seconds", "API request duration, by route template.",
        new HistogramConfiguration { LabelNames = ["endpoint"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });

    /// <summary>Kernel matrix computation time by bucketed sample count and qubit count.</summary>
    public static readonly Histogram KernelMatrix = Metrics.CreateHistogram(
        "hanzo_qml_kernel_matrix_seconds", "Kernel matrix computation time.",
        new HistogramConfiguration { LabelNames = ["n_samples", "n_qubits"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 18) });

    /// <summary>
    /// Circuit executions by backend and qubit count: one per execute request, or one per row of a batch. The labels stay
    /// few: backends come from the configuration and <c>n_qubits</c> (the exact count) is at most 30.
    /// </summary>
    public static readonly Counter CircuitsExecuted = Metrics.CreateCounter(
        "hanzo_qml_circuits_executed_total", "Circuit executions (batch rows counted one by one), by backend and qubit count.",
        new CounterConfiguration { LabelNames = ["backend", "n_qubits"] });

    /// <summary>Simulation time of one execute request (all its batch rows), by backend and qubit count.</summary>
    public static readonly Histogram CircuitExecution = Metrics.CreateHistogram(
        "hanzo_qml_circuit_execution_seconds", "Circuit execution time of one execute request, by backend and qubit count.",
        new HistogramConfiguration { LabelNames = ["backend", "n_qubits"], Buckets = Histogram.ExponentialBuckets(0.0001, 2, 20) });

    /// <summary>The <c>n_samples</c> label of <paramref name="samples"/> rows: "≤100", "≤1000" or "&gt;1000".</summary>
    /// <param name="samples">Rows in the request.</param>
    public static string SampleBucket(int samples) => samples <= 100 ? "≤100" : samples <= 1000 ? "≤1000" : ">1000";
}

/// <summary>Records <see cref="ServerMetrics.RequestDuration"/> for every request to a matched route (not /metrics).</summary>
/// <param name="next">The next middleware.</param>
public sealed class RequestDurationMiddleware(RequestDelegate next)
{
    /// <summary>Times the rest of the pipeline.</summary>
    /// <param name="context">The request.</param>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (pattern is null || pattern.StartsWith("/metrics", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        using (ServerMetrics.RequestDuration.WithLabels(pattern).NewTimer())
            await next(context);
    }
}
