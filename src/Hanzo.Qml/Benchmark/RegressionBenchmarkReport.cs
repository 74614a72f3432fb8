using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hanzo.Qml.Classical.Metrics;

namespace Hanzo.Qml.Benchmark;

/// <summary>
/// Everything a regression benchmark run found: per-split R², MSE and MAE of every model, the significance test on
/// the primary metric, the verdict and recommendation, and held-out scores. JSON layout in docs/BENCHMARK.md
/// ("Regression reports"); it shares the classification report's schema name and version, with "task": "regression".
/// </summary>
public sealed class RegressionBenchmarkReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The options of the run.</summary>
    public required RegressionBenchmarkOptions Options { get; init; }

    /// <summary>The data.</summary>
    public required RegressionDatasetSummary Data { get; init; }

    /// <summary>Qubits of the quantum model.</summary>
    public required int NumQubits { get; init; }

    /// <summary>Features the models saw after preprocessing (the quantum model's input width).</summary>
    public required int InputWidth { get; init; }

    /// <summary>The splits, repeat-major; every model ran on exactly these.</summary>
    public required IReadOnlyList<SplitInfo> Splits { get; init; }

    /// <summary>Results of every model: the quantum model first, then the baselines in option order.</summary>
    public required IReadOnlyList<RegressionModelResult> Models { get; init; }

    /// <summary>Name of the quantum model.</summary>
    public required string QuantumModel { get; init; }

    /// <summary>Name of the baseline with the best mean primary metric (highest R², lowest error; the first listed on ties).</summary>
    public required string BestClassical { get; init; }

    /// <summary>Quantum versus best classical on the primary metric (<see cref="SignificanceResult.HigherIsBetter"/> false for errors).</summary>
    public required SignificanceResult Significance { get; init; }

    /// <summary>The verdict.</summary>
    public required BenchmarkVerdict Verdict { get; init; }

    /// <summary>True only when the quantum model is better on the primary metric with p &lt; α (corrected t-test).</summary>
    public bool QuantumAdvantage => Verdict.QuantumAdvantage;

    /// <summary>The recommendation.</summary>
    public string Recommendation => Verdict.Recommendation;

    /// <summary>Held-out scores, when a test dataset was given.</summary>
    public RegressionHeldOutResult? HeldOut { get; init; }

    /// <summary>Wall times (the geometric-difference and twin entries are zero: regression runs neither).</summary>
    public required BenchmarkTimings Timings { get; init; }

    /// <summary>Library, runtime and OS versions.</summary>
    public required IReadOnlyDictionary<string, string> Versions { get; init; }

    /// <summary>The result of the model called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">When no model has that name.</exception>
    public RegressionModelResult Model(string name) => Models.FirstOrDefault(m => m.Name == name)
        ?? throw new KeyNotFoundException($"No model \"{name}\" in the report; it has {string.Join(", ", Models.Select(m => m.Name))}.");

    /// <summary>The statistics note of the classification report, plus how the sign is read for error metrics.</summary>
    public string StatisticsNote => BenchmarkReport.StatisticsNoteFor(Options.Folds, Options.Repeats, Options.Alpha) +
        (RegressionBenchmarkOptions.HigherIsBetter(Options.PrimaryMetric) ? "" :
            $" The primary metric here is an error ({RegressionBenchmarkOptions.MetricName(Options.PrimaryMetric)}), so \"higher\" reads \"lower\": the mean difference (quantum − classical) must be negative.");

    /// <summary>The report as JSON (snake_case; documented in docs/BENCHMARK.md).</summary>
    public string ToJson()
    {
        var o = Options;
        var J = (Func<double, JsonNode?>)BenchmarkReportJson.Num;
        var models = new JsonObject();
        foreach (var m in Models)
            models[m.Name] = new JsonObject
            {
                ["display_name"] = m.DisplayName,
                ["kind"] = m.IsQuantum ? "quantum" : "classical",
                ["description"] = m.Description,
                ["r2"] = J(m.R2.Mean),
                ["mse"] = J(m.Mse.Mean),
                ["mae"] = J(m.Mae.Mean),
                ["std"] = new JsonObject { ["r2"] = J(m.R2.StandardDeviation), ["mse"] = J(m.Mse.StandardDeviation), ["mae"] = J(m.Mae.StandardDeviation) },
                ["per_split"] = new JsonObject
                {
                    ["r2"] = BenchmarkReportJson.Numbers(m.Scores(RegressionMetric.R2)),
                    ["mse"] = BenchmarkReportJson.Numbers(m.Scores(RegressionMetric.NegativeMse)),
                    ["mae"] = BenchmarkReportJson.Numbers(m.Scores(RegressionMetric.NegativeMae)),
                },
                ["timings"] = new JsonObject
                {
                    ["fit_seconds_mean"] = J(m.FitSeconds.Mean),
                    ["predict_seconds_mean"] = J(m.PredictSeconds.Mean),
                    ["fit_seconds"] = BenchmarkReportJson.Numbers(m.Splits.Select(s => s.FitSeconds)),
                    ["predict_seconds"] = BenchmarkReportJson.Numbers(m.Splits.Select(s => s.PredictSeconds)),
                },
                ["selected"] = m.Splits.Any(s => s.Selected is not null) ? BenchmarkReportJson.Strings(m.Splits.Select(s => s.Selected ?? "")) : null,
            };
        JsonObject? heldOut = null;
        if (HeldOut is { } h)
        {
            var hm = new JsonObject();
            foreach (var (name, s) in h.Models)
                hm[name] = new JsonObject
                {
                    ["r2"] = J(s.R2), ["mse"] = J(s.Mse), ["mae"] = J(s.Mae),
                    ["fit_seconds"] = J(s.FitSeconds), ["predict_seconds"] = J(s.PredictSeconds), ["selected"] = s.Selected,
                };
            heldOut = new JsonObject { ["dataset"] = h.DatasetName, ["n_train"] = h.NumTrainSamples, ["n_test"] = h.NumTestSamples, ["models"] = hm };
        }
        var root = new JsonObject
        {
            ["schema"] = BenchmarkReport.SchemaName,
            ["schema_version"] = BenchmarkReport.SchemaVersion,
            ["task"] = "regression",
            ["dataset"] = new JsonObject
            {
                ["name"] = Data.Name,
                ["n_samples"] = Data.NumSamples,
                ["n_features"] = Data.NumFeatures,
                ["target_mean"] = J(Data.TargetMean),
                ["target_std"] = J(Data.TargetStandardDeviation),
                ["test_name"] = Data.TestName,
                ["test_samples"] = Data.TestSamples,
            },
            ["seed"] = o.Seed,
            ["options"] = new JsonObject
            {
                ["quantum_model"] = o.QuantumModel,
                ["encoding"] = o.Encoding,
                ["n_qubits"] = NumQubits,
                ["input_width"] = InputWidth,
                ["baselines"] = BenchmarkReportJson.Strings(o.Baselines),
                ["folds"] = o.Folds,
                ["repeats"] = o.Repeats,
                ["splitter"] = "repeated_k_fold",
                ["primary_metric"] = RegressionBenchmarkOptions.MetricName(o.PrimaryMetric),
                ["grid_search"] = o.GridSearch,
                ["inner_folds"] = o.InnerFolds,
                ["alpha"] = o.Alpha,
                ["preprocessing"] = new JsonObject
                {
                    ["standardize"] = o.Preprocessing.Standardize,
                    ["pca_components"] = InputWidth < Data.NumFeatures ? InputWidth : null,
                    ["scale_to_angles"] = o.Preprocessing.ScaleToAngles,
                    ["fitted_on"] = "each training split only",
                    ["targets"] = "unchanged (each model scales its own)",
                },
                ["seed"] = o.Seed,
            },
            ["primary_metric"] = RegressionBenchmarkOptions.MetricName(o.PrimaryMetric),
            ["higher_is_better"] = RegressionBenchmarkOptions.HigherIsBetter(o.PrimaryMetric),
            ["quantum_model"] = QuantumModel,
            ["baselines"] = BenchmarkReportJson.Strings(Models.Skip(1).Select(m => m.Name)),
            ["best_classical"] = BestClassical,
            ["models"] = models,
            ["quantum_advantage"] = QuantumAdvantage,
            ["significance"] = BenchmarkReportJson.Significance(Significance, o.Alpha),
            ["recommendation"] = Recommendation,
            ["recommended_model"] = Verdict.RecommendedModel,
            ["verdict_explanation"] = Verdict.Explanation,
            ["statistics_note"] = StatisticsNote,
            ["held_out"] = heldOut,
            ["splits"] = new JsonArray([.. Splits.Select(s => (JsonNode?)new JsonObject
            {
                ["repeat"] = s.Repeat, ["fold"] = s.Fold, ["train_size"] = s.TrainSize, ["test_size"] = s.TestSize,
            })]),
            ["timings"] = new JsonObject
            {
                ["total_seconds"] = J(Timings.TotalSeconds),
                ["cross_validation_seconds"] = J(Timings.CrossValidationSeconds),
                ["held_out_seconds"] = J(Timings.HeldOutSeconds),
            },
            ["versions"] = new JsonObject([.. Versions.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
        };
        return root.ToJsonString(Indented);
    }

    /// <summary>The report as Markdown: verdict first, then the scores, the significance and the held-out scores.</summary>
    public string ToMarkdown()
    {
        var o = Options;
        var c = CultureInfo.InvariantCulture;
        string metric = RegressionBenchmarkOptions.MetricName(o.PrimaryMetric);
        var sb = new StringBuilder();
        sb.AppendLine(c, $"# Quantum vs classical regression benchmark: {Data.Name}");
        sb.AppendLine();
        sb.AppendLine(c, $"**Verdict: {char.ToUpperInvariant(Recommendation[0])}{Recommendation[1..]}.**");
        sb.AppendLine();
        sb.AppendLine(Verdict.Explanation);
        sb.AppendLine();
        sb.AppendLine(c, $"Data: {Data.NumSamples} rows, {Data.NumFeatures} features, target mean {F(Data.TargetMean, "0.###")} (s.d. {F(Data.TargetStandardDeviation, "0.###")}). " +
            $"{o.Repeats} × {o.Folds}-fold shuffled cross-validation (seed {o.Seed}), {NumQubits} qubits, {o.Encoding} encoding, input width {InputWidth}{(InputWidth < Data.NumFeatures ? " (PCA)" : "")}, " +
            $"grid search {(o.GridSearch ? $"on ({BenchmarkModelRegistry.GridSize} candidates × {o.InnerFolds} inner folds for every model)" : "off")}. Primary metric: {metric} ({(RegressionBenchmarkOptions.HigherIsBetter(o.PrimaryMetric) ? "higher" : "lower")} is better).");
        sb.AppendLine();
        sb.AppendLine("## Cross-validation scores (mean ± s.d. over splits)");
        sb.AppendLine();
        sb.AppendLine("| model | kind | R² | MSE | MAE | fit s | predict s |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var m in Models)
            sb.AppendLine(c, $"| {(m.Name == BestClassical ? $"**{m.Name}**" : m.Name)} | {(m.IsQuantum ? "quantum" : "classical")} | {S(m.R2)} | {S(m.Mse)} | {S(m.Mae)} | {F(m.FitSeconds.Mean, "0.000")} | {F(m.PredictSeconds.Mean, "0.000")} |");
        sb.AppendLine();
        sb.AppendLine(c, $"Best classical baseline on {metric}: **{BestClassical}**.");
        sb.AppendLine();
        var s = Significance;
        sb.AppendLine("## Significance");
        sb.AppendLine();
        sb.AppendLine(c, $"{s.Candidate} vs {s.Reference} on {s.Metric}, {s.NumPairs} paired splits: mean difference ({s.Candidate} − {s.Reference}) {F(s.MeanDifference, "+0.0000;-0.0000;0.0000")}, " +
            $"corrected t-test p = {F(s.PValue, "0.0000")} (decides; α = {o.Alpha.ToString("0.###", c)}), Wilcoxon p = {F(s.WilcoxonPValue, "0.0000")} (information only), Cohen's d = {F(s.EffectSize, "0.00")}.");
        sb.AppendLine();
        sb.AppendLine(StatisticsNote);
        sb.AppendLine();
        if (HeldOut is { } h)
        {
            sb.AppendLine(c, $"## Held-out test set: {h.DatasetName}");
            sb.AppendLine();
            sb.AppendLine(c, $"Every model refitted on all {h.NumTrainSamples} training rows and scored once on {h.NumTestSamples} held-out rows (one score each: no significance test).");
            sb.AppendLine();
            sb.AppendLine("| model | R² | MSE | MAE | fit s |");
            sb.AppendLine("|---|---|---|---|---|");
            foreach (var (name, v) in h.Models)
                sb.AppendLine(c, $"| {name} | {F(v.R2, "0.000")} | {F(v.Mse, "0.000")} | {F(v.Mae, "0.000")} | {F(v.FitSeconds, "0.00")} |");
            sb.AppendLine();
        }
        sb.AppendLine("## Models");
        sb.AppendLine();
        foreach (var m in Models) sb.AppendLine(c, $"- **{m.Name}** ({m.DisplayName}): {m.Description}.");
        sb.AppendLine();
        sb.AppendLine(c, $"Run time {F(Timings.TotalSeconds, "0.0")} s (cross-validation {F(Timings.CrossValidationSeconds, "0.0")} s). " +
            $"Versions: {string.Join(", ", Versions.Select(kv => $"{kv.Key} {kv.Value}"))}.");
        return sb.ToString();
    }

    /// <summary>Writes report.json and report.md to <paramref name="directory"/> (created if needed) and returns their paths.</summary>
    /// <exception cref="IOException">When a file cannot be written.</exception>
    public IReadOnlyList<string> WriteAll(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        string json = Path.Combine(directory, "report.json"), md = Path.Combine(directory, "report.md");
        File.WriteAllText(json, ToJson());
        File.WriteAllText(md, ToMarkdown());
        return [json, md];
    }

    private static string S(MetricSummary s) => $"{F(s.Mean, "0.000")} ± {F(s.StandardDeviation, "0.000")}";

    private static string F(double v, string format) =>
        double.IsNaN(v) ? "n/a" : double.IsPositiveInfinity(v) ? "+∞" : double.IsNegativeInfinity(v) ? "−∞" : v.ToString(format, CultureInfo.InvariantCulture);
}
