namespace Hanzo.Qml.Benchmark;

/// <summary>The stages of a benchmark run, in order.</summary>
public enum BenchmarkStage
{
    /// <summary>Fitting and scoring every model on every split.</summary>
    CrossValidation,

    /// <summary>Computing the geometric difference and the kernel matrix of the first split.</summary>
    GeometricDifference,

    /// <summary>Running the no-entanglement twin on every split.</summary>
    NoEntanglementTwin,

    /// <summary>Refitting every model on all the training data and scoring the held-out set.</summary>
    HeldOut,

    /// <summary>The report is ready.</summary>
    Done,
}

/// <summary>A progress report of <see cref="BenchmarkRunner"/>, sent after each unit of work.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Model">The model just run, or null.</param>
/// <param name="Split">0-based split just run (cross-validation and twin stages), or null.</param>
/// <param name="CompletedUnits">Units done (one unit = one model on one split, or one held-out fit, or the geometric difference).</param>
/// <param name="TotalUnits">Units planned so far (grows by one split per split if the twin is run).</param>
/// <param name="Message">A line for a log, e.g. "qsvm, split 3/25: accuracy 0.933".</param>
public sealed record BenchmarkProgress(BenchmarkStage Stage, string? Model, int? Split, int CompletedUnits, int TotalUnits, string Message)
{
    /// <summary>CompletedUnits / TotalUnits in [0, 1].</summary>
    public double Fraction => TotalUnits == 0 ? 1.0 : Math.Clamp((double)CompletedUnits / TotalUnits, 0.0, 1.0);
}
