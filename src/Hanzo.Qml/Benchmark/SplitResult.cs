namespace Hanzo.Qml.Benchmark;

/// <summary>One model's scores on one cross-validation split.</summary>
/// <param name="Split">Index into <see cref="BenchmarkReport.Splits"/> (repeat-major).</param>
/// <param name="Accuracy">Accuracy on the split's test rows.</param>
/// <param name="F1">Macro F1.</param>
/// <param name="RocAuc">ROC AUC (one-vs-rest macro for more than two classes).</param>
/// <param name="FitSeconds">Wall time of fitting, the inner grid search included.</param>
/// <param name="PredictSeconds">Wall time of predicting the test rows (classes and probabilities).</param>
/// <param name="Selected">The configuration the grid search chose, or null without grid search.</param>
public sealed record SplitResult(int Split, double Accuracy, double F1, double RocAuc, double FitSeconds, double PredictSeconds, string? Selected);
