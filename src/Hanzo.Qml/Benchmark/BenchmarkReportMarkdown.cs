using System.Globalization;
using System.Text;
using Hanzo.Qml.Classical.Metrics;

namespace Hanzo.Qml.Benchmark;

/// <summary>Writes <see cref="BenchmarkReport.ToMarkdown"/>: verdict first, then the numbers behind it, then the settings.</summary>
internal static class BenchmarkReportMarkdown
{
    public static string Write(BenchmarkReport r)
    {
        var o = r.Options;
        var metric = BenchmarkOptions.MetricName(o.PrimaryMetric);
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"# Quantum vs classical benchmark: {r.Data.Name}");
        sb.AppendLine();
        sb.AppendLine(c, $"**Verdict: {Capitalise(r.Recommendation)}.**");
        sb.AppendLine();
        sb.AppendLine(r.Verdict.Explanation);
        sb.AppendLine();
        sb.AppendLine(c, $"Data: {r.Data.NumSamples} rows, {r.Data.NumFeatures} features, {r.Data.NumClasses} classes ({string.Join(", ", r.Data.ClassNames.Select((n, i) => $"{n}: {r.Data.ClassCounts[i]}"))}). " +
            $"{o.Repeats} × {o.Folds}-fold stratified cross-validation (seed {o.Seed}), {r.NumQubits} qubits, {o.Encoding} encoding, {o.Kernel.ToString().ToLowerInvariant()} kernel, " +
            $"input width {r.InputWidth}{(r.InputWidth < r.Data.NumFeatures ? " (PCA)" : "")}, grid search {(o.GridSearch ? $"on ({BenchmarkModelRegistry.GridSize} candidates × {o.InnerFolds} inner folds for every model)" : "off (every model at its defaults)")}.");
        sb.AppendLine();

        sb.AppendLine("## Cross-validation scores (mean ± s.d. over splits)");
        sb.AppendLine();
        sb.AppendLine("| model | kind | accuracy | macro F1 | ROC AUC | fit s | predict s |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var m in r.Models) Row(sb, m, m.Name == r.BestClassical);
        if (r.NoEntanglementTwin is { } tw) Row(sb, tw.Twin, false);
        sb.AppendLine();
        sb.AppendLine(c, $"Best classical baseline on {metric}: **{r.BestClassical}**.");
        sb.AppendLine();

        sb.AppendLine("## Significance");
        sb.AppendLine();
        var s = r.Significance;
        sb.AppendLine(c, $"{s.Candidate} vs {s.Reference} on {s.Metric}, {s.NumPairs} paired splits:");
        sb.AppendLine();
        sb.AppendLine("| statistic | value |");
        sb.AppendLine("|---|---|");
        sb.AppendLine(c, $"| mean difference ({s.Candidate} − {s.Reference}) | {F(s.MeanDifference, "+0.0000;-0.0000;0.0000")} |");
        sb.AppendLine(c, $"| Nadeau–Bengio corrected t-test p (decides; α = {o.Alpha.ToString("0.###", c)}) | {P(s.PValue)} |");
        sb.AppendLine(c, $"| t statistic (df = {s.DegreesOfFreedom}, n_test/n_train = {F(s.TestTrainRatio, "0.000")}) | {F(s.TStatistic, "0.000")} |");
        sb.AppendLine(c, $"| Wilcoxon signed-rank p ({s.WilcoxonMethod.Replace('_', ' ')}; information only) | {P(s.WilcoxonPValue)} |");
        sb.AppendLine(c, $"| effect size (paired Cohen's d) | {F(s.EffectSize, "0.00")} |");
        sb.AppendLine();
        sb.AppendLine(r.StatisticsNote);
        sb.AppendLine();

        sb.AppendLine("## Reviewer's checks");
        sb.AppendLine();
        sb.AppendLine("**Geometric difference** g(K_C‖K_Q), RBF kernel vs quantum kernel on the first split's training rows:");
        sb.AppendLine();
        if (r.GeometricDifference is { } g)
            sb.AppendLine(c, $"{g.Interpretation} (λ = {g.Regularization.ToString("g3", c)}.)");
        else sb.AppendLine(r.GeometricDifferenceNote ?? "Not computed.");
        if (r.KernelMatrix is { } k)
        {
            sb.AppendLine();
            sb.AppendLine(c, $"Quantum kernel off-diagonal entries: mean {F(k.OffDiagonalMean, "0.000")}, s.d. {F(k.OffDiagonalStandardDeviation, "0.000")} (both near 0 means the kernel has concentrated: every state nearly orthogonal to every other).");
        }
        sb.AppendLine();
        sb.AppendLine("**No-entanglement twin** (the same quantum model with its entangling gates removed):");
        sb.AppendLine();
        if (r.NoEntanglementTwin is { } t)
            sb.AppendLine(c, $"{t.Summary} Twin vs {t.VersusBestClassical.Reference}: mean difference {F(t.VersusBestClassical.MeanDifference, "+0.0000;-0.0000;0.0000")}, p = {P(t.VersusBestClassical.PValue)}.");
        else sb.AppendLine(r.NoEntanglementTwinNote ?? "Not run.");
        sb.AppendLine();

        if (r.HeldOut is { } h)
        {
            sb.AppendLine(c, $"## Held-out test set: {h.DatasetName}");
            sb.AppendLine();
            sb.AppendLine(c, $"Every model refitted on all {h.NumTrainSamples} training rows and scored once on {h.NumTestSamples} held-out rows (one score each: no significance test).");
            sb.AppendLine();
            sb.AppendLine("| model | accuracy | macro F1 | ROC AUC | fit s |");
            sb.AppendLine("|---|---|---|---|---|");
            foreach (var (name, v) in h.Models)
                sb.AppendLine(c, $"| {name} | {F(v.Accuracy, "0.000")} | {F(v.F1, "0.000")} | {F(v.RocAuc, "0.000")} | {F(v.FitSeconds, "0.00")} |");
            sb.AppendLine();
        }

        sb.AppendLine("## Models");
        sb.AppendLine();
        foreach (var m in r.Models) sb.AppendLine(c, $"- **{m.Name}** ({m.DisplayName}): {m.Description}.");
        sb.AppendLine();
        sb.AppendLine(c, $"Run time {F(r.Timings.TotalSeconds, "0.0")} s (cross-validation {F(r.Timings.CrossValidationSeconds, "0.0")} s). " +
            $"Versions: {string.Join(", ", r.Versions.Select(kv => $"{kv.Key} {kv.Value}"))}.");
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, ModelResult m, bool best)
    {
        string name = best ? $"**{m.Name}**" : m.Name;
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {(m.IsQuantum ? "quantum" : "classical")} | {S(m.Accuracy)} | {S(m.F1)} | {S(m.RocAuc)} | {F(m.FitSeconds.Mean, "0.000")} | {F(m.PredictSeconds.Mean, "0.000")} |");
    }

    private static string S(MetricSummary s) => $"{F(s.Mean, "0.000")} ± {F(s.StandardDeviation, "0.000")}";

    private static string F(double v, string format) =>
        double.IsNaN(v) ? "n/a" : double.IsPositiveInfinity(v) ? "+∞" : double.IsNegativeInfinity(v) ? "−∞" : v.ToString(format, CultureInfo.InvariantCulture);

    private static string P(double p) => double.IsNaN(p) ? "n/a" : p < 1e-4 ? p.ToString("0.0e+0", CultureInfo.InvariantCulture) : p.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
