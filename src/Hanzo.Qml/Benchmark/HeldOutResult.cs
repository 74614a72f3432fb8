namespace Hanzo.Qml.Benchmark;

/// <summary>One model refitted on all the training data and scored once on the held-out data.</summary>
/// <param name="Accuracy">Held-out accuracy.</param>
/// <param name="F1">Held-out macro F1.</param>
/// <param name="RocAuc">Held-out ROC AUC.</param>
/// <param name="FitSeconds">Fit time (grid search included).</param>
/// <param name="PredictSeconds">Prediction time on the held-out rows.</param>
/// <param name="Selected">The grid search's choice, or null.</param>
public sealed record HeldOutScores(double Accuracy, double F1, double RocAuc, double FitSeconds, double PredictSeconds, string? Selected);

/// <summary>Scores on a held-out test set, beside the cross-validation (one fit per model, so no significance test).</summary>
/// <param name="DatasetName">Name of the held-out dataset.</param>
/// <param name="NumTrainSamples">Rows the final models were fitted on.</param>
/// <param name="NumTestSamples">Held-out rows.</param>
/// <param name="Models">Scores by model name (quantum first, then the baselines in option order).</param>
/// <param name="RocCurves">Binary problems only: each model's ROC curve on the held-out rows.</param>
public sealed record HeldOutResult(string DatasetName, int NumTrainSamples, int NumTestSamples, IReadOnlyDictionary<string, HeldOutScores> Models,
    IReadOnlyDictionary<string, RocCurve> RocCurves);
