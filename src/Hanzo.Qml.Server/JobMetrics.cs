using Prometheus;

namespace Hanzo.Qml.Server;

/// <summary>Metrics of background work: jobs, training, benchmarks, queues and backends.</summary>
public static partial class ServerMetrics
{
    /// <summary>Jobs running now, by model type (the job kind for jobs that are not training).</summary>
    public static readonly Gauge ActiveJobs = Metrics.CreateGauge(
        "hanzo_qml_active_jobs", "Background jobs running in this process, by model type (or job kind).",
        new GaugeConfiguration { LabelNames = ["model_type"] });

    /// <summary>Job run time by kind and final status.</summary>
    public static readonly Histogram JobDuration = Metrics.CreateHistogram(
        "hanzo_qml_job_duration_seconds", "Background job run time, by kind and final status.",
        new HistogramConfiguration { LabelNames = ["kind", "status"], Buckets = Histogram.ExponentialBuckets(0.01, 2, 18) });

    /// <summary>Models trained to completion.</summary>
    public static readonly Counter ModelsTrained = Metrics.CreateCounter(
        "hanzo_qml_models_trained_total", "Models trained to completion.",
        new CounterConfiguration { LabelNames = ["model_type", "backend"] });

    /// <summary>Training time by model type.</summary>
    public static readonly Histogram TrainingDuration = Metrics.CreateHistogram(
        "hanzo_qml_training_duration_seconds", "Training time of one model (one job run).",
        new HistogramConfiguration { LabelNames = ["model_type"], Buckets = Histogram.ExponentialBuckets(0.01, 2, 18) });

    /// <summary>Benchmarks completed, by verdict.</summary>
    public static readonly Counter BenchmarksCompleted = Metrics.CreateCounter(
        "hanzo_qml_benchmarks_completed_total", "Benchmarks completed, by whether the quantum model won significantly.",
        new CounterConfiguration { LabelNames = ["quantum_advantage"] });

    /// <summary>Queued jobs per backend (all jobs run on the configured backends; QPU queues when hardware backends exist).</summary>
    public static readonly Gauge QpuQueueDepth = Metrics.CreateGauge(
        "hanzo_qml_qpu_queue_depth", "Jobs waiting for a backend, by backend.",
        new GaugeConfiguration { LabelNames = ["backend"] });

    /// <summary>1 when a backend is available, 0 when not.</summary>
    public static readonly Gauge BackendStatus = Metrics.CreateGauge(
        "hanzo_qml_backend_status", "Backend availability (1 available, 0 unavailable).",
        new GaugeConfiguration { LabelNames = ["backend"] });
}
