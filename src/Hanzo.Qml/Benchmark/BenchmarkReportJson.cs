using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hanzo.Qml.Classical.Metrics;

namespace Hanzo.Qml.Benchmark;

/// <summary>Writes <see cref="BenchmarkReport.ToJson"/>; the layout is documented in docs/BENCHMARK.md.</summary>
/// <remarks>Non-finite numbers (an infinite effect size, an undefined AUC) are written as null: JSON has no ∞ or NaN.</remarks>
internal static class BenchmarkReportJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(BenchmarkReport r)
    {
        var o = r.Options;
        var root = new JsonObject
        {
            ["schema"] = BenchmarkReport.SchemaName,
            ["schema_version"] = BenchmarkReport.SchemaVersion,
            ["dataset"] = Dataset(r.Data),
            ["seed"] = o.Seed,
            ["options"] = Options(r),
            ["primary_metric"] = BenchmarkOptions.MetricName(o.PrimaryMetric),
            ["quantum_model"] = r.QuantumModel,
            ["baselines"] = Strings(r.Models.Skip(1).Select(m => m.Name)),
            ["best_classical"] = r.BestClassical,
            ["models"] = Models(r.Models),
            ["quantum_advantage"] = r.QuantumAdvantage,
            ["significance"] = Significance(r.Significance, o.Alpha),
            ["recommendation"] = r.Recommendation,
            ["recommended_model"] = r.Verdict.RecommendedModel,
            ["verdict_explanation"] = r.Verdict.Explanation,
            ["statistics_note"] = r.StatisticsNote,
            ["geometric_difference"] = r.GeometricDifference is { } g ? new JsonObject
            {
                ["value"] = Num(g.Value),
                ["regularization"] = g.Regularization,
                ["n_samples"] = g.NumSamples,
                ["sqrt_n"] = Num(g.SqrtN),
                ["classical_kernel"] = g.ClassicalKernel,
                ["quantum_kernel"] = g.QuantumKernel,
                ["interpretation"] = g.Interpretation,
            } : null,
            ["geometric_difference_note"] = r.GeometricDifferenceNote,
            ["kernel_matrix"] = r.KernelMatrix is { } k ? new JsonObject
            {
                ["kernel"] = k.KernelName,
                ["n_samples"] = k.Matrix.GetLength(0),
                ["off_diagonal_mean"] = Num(k.OffDiagonalMean),
                ["off_diagonal_std"] = Num(k.OffDiagonalStandardDeviation),
            } : null,
            ["no_entanglement_twin"] = r.NoEntanglementTwin is { } t ? new JsonObject
            {
                ["model"] = Model(t.Twin),
                ["name"] = t.Twin.Name,
                ["entanglement_matters"] = t.EntanglementMatters,
                ["versus_quantum"] = Significance(t.VersusQuantum, o.Alpha),
                ["versus_best_classical"] = Significance(t.VersusBestClassical, o.Alpha),
                ["summary"] = t.Summary,
            } : null,
            ["no_entanglement_twin_note"] = r.NoEntanglementTwinNote,
            ["held_out"] = r.HeldOut is { } h ? HeldOut(h) : null,
            ["roc_curves"] = Curves(r.RocCurves),
            ["splits"] = new JsonArray([.. r.Splits.Select(s => (JsonNode?)new JsonObject
            {
                ["repeat"] = s.Repeat,
                ["fold"] = s.Fold,
                ["train_size"] = s.TrainSize,
                ["test_size"] = s.TestSize,
            })]),
            ["timings"] = new JsonObject
            {
                ["total_seconds"] = Num(r.Timings.TotalSeconds),
                ["cross_validation_seconds"] = Num(r.Timings.CrossValidationSeconds),
                ["geometric_difference_seconds"] = Num(r.Timings.GeometricDifferenceSeconds),
                ["no_entanglement_twin_seconds"] = Num(r.Timings.NoEntanglementTwinSeconds),
                ["held_out_seconds"] = Num(r.Timings.HeldOutSeconds),
            },
            ["versions"] = new JsonObject([.. r.Versions.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
        };
        return root.ToJsonString(Indented);
    }

    private static JsonObject Dataset(DatasetSummary d) => new()
    {
        ["name"] = d.Name,
        ["n_samples"] = d.NumSamples,
        ["n_features"] = d.NumFeatures,
        ["n_classes"] = d.NumClasses,
        ["class_names"] = Strings(d.ClassNames),
        ["class_counts"] = new JsonArray([.. d.ClassCounts.Select(c => (JsonNode?)c)]),
        ["test_name"] = d.TestName,
        ["test_samples"] = d.TestSamples,
    };

    private static JsonObject Options(BenchmarkReport r)
    {
        var o = r.Options;
        var p = o.Preprocessing;
        return new JsonObject
        {
            ["quantum_model"] = o.QuantumModel,
            ["encoding"] = o.Encoding,
            ["encoding_options"] = new JsonObject
            {
                ["reps"] = o.EncodingOptions.Reps,
                ["entanglement"] = o.EncodingOptions.Entanglement.ToString().ToLowerInvariant(),
                ["alpha"] = o.EncodingOptions.Alpha,
                ["rotation"] = o.EncodingOptions.Rotation.ToString(),
                ["paulis"] = Strings(o.EncodingOptions.Paulis),
            },
            ["n_qubits"] = r.NumQubits,
            ["input_width"] = r.InputWidth,
            ["kernel"] = o.Kernel.ToString().ToLowerInvariant(),
            ["baselines"] = Strings(o.Baselines),
            ["folds"] = o.Folds,
            ["repeats"] = o.Repeats,
            ["primary_metric"] = BenchmarkOptions.MetricName(o.PrimaryMetric),
            ["grid_search"] = o.GridSearch,
            ["inner_folds"] = o.InnerFolds,
            ["inner_budget"] = o.GridSearch ? new JsonObject
            {
                ["candidates_per_model"] = BenchmarkModelRegistry.GridSize,
                ["inner_folds"] = o.InnerFolds,
                ["fits_per_model_per_split"] = BenchmarkModelRegistry.GridSize * o.InnerFolds + 1,
            } : new JsonObject { ["candidates_per_model"] = 1, ["inner_folds"] = 0, ["fits_per_model_per_split"] = 1 },
            ["alpha"] = o.Alpha,
            ["preprocessing"] = new JsonObject
            {
                ["standardize"] = p.Standardize,
                ["pca_components"] = r.InputWidth < r.Data.NumFeatures ? r.InputWidth : null,
                ["scale_to_angles"] = p.ScaleToAngles,
                ["angle_min"] = p.AngleMin,
                ["angle_max"] = p.AngleMax,
                ["clip_angles"] = p.ClipAngles,
                ["fitted_on"] = "each training split only",
            },
            ["baselines_use_all_features"] = o.BaselinesUseAllFeatures,
            ["always_run_no_entanglement_twin"] = o.AlwaysRunNoEntanglementTwin,
            ["compute_geometric_difference"] = o.ComputeGeometricDifference,
            ["geometric_difference_regularization"] = o.GeometricDifferenceRegularization,
            ["max_kernel_samples"] = o.MaxKernelSamples,
            ["seed"] = o.Seed,
        };
    }

    private static JsonObject Models(IReadOnlyList<ModelResult> models)
    {
        var result = new JsonObject();
        foreach (var m in models) result[m.Name] = Model(m);
        return result;
    }

    private static JsonObject Model(ModelResult m) => new()
    {
        ["display_name"] = m.DisplayName,
        ["kind"] = m.IsQuantum ? "quantum" : "classical",
        ["description"] = m.Description,
        ["accuracy"] = Num(m.Accuracy.Mean),
        ["f1"] = Num(m.F1.Mean),
        ["roc_auc"] = Num(m.RocAuc.Mean),
        ["std"] = new JsonObject
        {
            ["accuracy"] = Num(m.Accuracy.StandardDeviation),
            ["f1"] = Num(m.F1.StandardDeviation),
            ["roc_auc"] = Num(m.RocAuc.StandardDeviation),
        },
        ["per_split"] = new JsonObject
        {
            ["accuracy"] = Numbers(m.Scores(ClassificationMetric.Accuracy)),
            ["f1"] = Numbers(m.Scores(ClassificationMetric.MacroF1)),
            ["roc_auc"] = Numbers(m.Scores(ClassificationMetric.RocAuc)),
        },
        ["timings"] = new JsonObject
        {
            ["fit_seconds_mean"] = Num(m.FitSeconds.Mean),
            ["predict_seconds_mean"] = Num(m.PredictSeconds.Mean),
            ["fit_seconds"] = Numbers(m.Splits.Select(s => s.FitSeconds)),
            ["predict_seconds"] = Numbers(m.Splits.Select(s => s.PredictSeconds)),
        },
        ["selected"] = m.Splits.Any(s => s.Selected is not null) ? Strings(m.Splits.Select(s => s.Selected ?? "")) : null,
    };

    internal static JsonObject Significance(SignificanceResult s, double alpha) => new()
    {
        ["test"] = SignificanceResult.TestName,
        ["p_value"] = Num(s.PValue),
        ["wilcoxon_p_value"] = Num(s.WilcoxonPValue),
        ["wilcoxon_method"] = s.WilcoxonMethod,
        ["effect_size"] = Num(s.EffectSize),
        ["effect_size_measure"] = "cohens_d_paired",
        ["mean_difference"] = Num(s.MeanDifference),
        ["t_statistic"] = Num(s.TStatistic),
        ["degrees_of_freedom"] = s.DegreesOfFreedom,
        ["test_train_ratio"] = Num(s.TestTrainRatio),
        ["n_pairs"] = s.NumPairs,
        ["alpha"] = alpha,
        ["metric"] = s.Metric,
        ["candidate"] = s.Candidate,
        ["reference"] = s.Reference,
        ["higher_is_better"] = s.HigherIsBetter,
    };

    private static JsonObject HeldOut(HeldOutResult h)
    {
        var models = new JsonObject();
        foreach (var (name, s) in h.Models)
            models[name] = new JsonObject
            {
                ["accuracy"] = Num(s.Accuracy),
                ["f1"] = Num(s.F1),
                ["roc_auc"] = Num(s.RocAuc),
                ["fit_seconds"] = Num(s.FitSeconds),
                ["predict_seconds"] = Num(s.PredictSeconds),
                ["selected"] = s.Selected,
            };
        return new JsonObject
        {
            ["dataset"] = h.DatasetName,
            ["n_train"] = h.NumTrainSamples,
            ["n_test"] = h.NumTestSamples,
            ["models"] = models,
            ["roc_curves"] = Curves(h.RocCurves),
        };
    }

    private static JsonObject? Curves(IReadOnlyDictionary<string, RocCurve> curves)
    {
        if (curves.Count == 0) return null;
        var o = new JsonObject();
        foreach (var (name, c) in curves)
            o[name] = new JsonObject { ["fpr"] = Numbers(c.FalsePositiveRates), ["tpr"] = Numbers(c.TruePositiveRates), ["auc"] = Num(c.Auc) };
        return o;
    }

    internal static JsonNode? Num(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;

    internal static JsonArray Numbers(IEnumerable<double> values) => new([.. values.Select(Num)]);

    internal static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
