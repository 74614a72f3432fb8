using System.Globalization;
using System.Net;
using System.Text;
using Hanzo.Qml.Benchmark;

namespace Hanzo.Qml.Reports;

/// <summary>
/// A benchmark report as one self-contained HTML page: the verdict, the tables of the Markdown report, and the plots
/// embedded as base64 PNG data URIs, so the file can be mailed or archived alone.
/// </summary>
public static class BenchmarkHtml
{
    /// <summary>Renders the page (plots included).</summary>
    public static string Write(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var r = report;
        var o = r.Options;
        var c = CultureInfo.InvariantCulture;
        string metric = BenchmarkOptions.MetricName(o.PrimaryMetric);
        var sb = new StringBuilder();
        sb.AppendLine("<!DOCTYPE html>");
        sb.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.AppendLine(c, $"<title>hanzo-qml benchmark: {E(r.Data.Name)}</title>");
        sb.AppendLine("<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}" +
                      "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}th{background:#f3f3f3}" +
                      "td:first-child,th:first-child{text-align:left}.verdict{font-size:1.2rem;padding:.8rem 1rem;border-radius:.4rem}" +
                      ".yes{background:#efe3fb;border:1px solid #8a4fc7}.no{background:#e7f0fa;border:1px solid #4682b4}img{max-width:100%}" +
                      ".note{color:#555;font-size:.92rem}</style></head><body>");
        sb.AppendLine(c, $"<h1>Quantum vs classical benchmark: {E(r.Data.Name)}</h1>");
        sb.AppendLine(c, $"<p class=\"verdict {(r.QuantumAdvantage ? "yes" : "no")}\"><strong>{E(Capitalise(r.Recommendation))}.</strong></p>");
        sb.AppendLine(c, $"<p>{E(r.Verdict.Explanation)}</p>");
        sb.AppendLine(c, $"<p>Data: {r.Data.NumSamples} rows, {r.Data.NumFeatures} features, {r.Data.NumClasses} classes. {o.Repeats} × {o.Folds}-fold stratified cross-validation " +
            $"(seed {o.Seed}); {r.NumQubits} qubits, {E(o.Encoding)} encoding, {o.Kernel.ToString().ToLowerInvariant()} kernel, input width {r.InputWidth}; " +
            $"grid search {(o.GridSearch ? $"on, {BenchmarkModelRegistry.GridSize} candidates × {o.InnerFolds} inner folds for every model" : "off, every model at its defaults")}.</p>");

        sb.AppendLine("<h2>Cross-validation scores</h2>");
        sb.AppendLine("<table><tr><th>model</th><th>kind</th><th>accuracy</th><th>macro F1</th><th>ROC AUC</th><th>fit s</th><th>predict s</th></tr>");
        var rows = r.Models.ToList();
        if (r.NoEntanglementTwin is { } twin) rows.Insert(1, twin.Twin);
        foreach (var m in rows)
        {
            string name = m.Name == r.BestClassical ? $"<strong>{E(m.Name)}</strong>" : E(m.Name);
            sb.AppendLine(c, $"<tr><td title=\"{E(m.Description)}\">{name}</td><td>{(m.IsQuantum ? "quantum" : "classical")}</td><td>{S(m.Accuracy)}</td><td>{S(m.F1)}</td><td>{S(m.RocAuc)}</td>" +
                $"<td>{F(m.FitSeconds.Mean, "0.000")}</td><td>{F(m.PredictSeconds.Mean, "0.000")}</td></tr>");
        }
        sb.AppendLine("</table>");
        sb.AppendLine(c, $"<p>Best classical baseline on {metric}: <strong>{E(r.BestClassical)}</strong>. Mean ± s.d. over {r.Splits.Count} splits.</p>");
        Image(sb, BenchmarkPlots.ScoreDistributions(r), $"{metric} per split and model");

        sb.AppendLine("<h2>Significance</h2>");
        var s = r.Significance;
        sb.AppendLine("<table><tr><th>statistic</th><th>value</th></tr>");
        sb.AppendLine(c, $"<tr><td>mean difference ({E(s.Candidate)} − {E(s.Reference)}), {E(s.Metric)}</td><td>{F(s.MeanDifference, "+0.0000;-0.0000;0.0000")}</td></tr>");
        sb.AppendLine(c, $"<tr><td>Nadeau–Bengio corrected t-test p (decides, α = {o.Alpha.ToString("0.###", c)})</td><td>{P(s.PValue)}</td></tr>");
        sb.AppendLine(c, $"<tr><td>t (df = {s.DegreesOfFreedom})</td><td>{F(s.TStatistic, "0.000")}</td></tr>");
        sb.AppendLine(c, $"<tr><td>Wilcoxon signed-rank p (information only)</td><td>{P(s.WilcoxonPValue)}</td></tr>");
        sb.AppendLine(c, $"<tr><td>effect size, paired Cohen's d</td><td>{F(s.EffectSize, "0.00")}</td></tr>");
        sb.AppendLine("</table>");
        sb.AppendLine(c, $"<p class=\"note\">{E(r.StatisticsNote)}</p>");

        sb.AppendLine("<h2>Reviewer's checks</h2>");
        sb.AppendLine("<h3>Geometric difference g(K<sub>C</sub>‖K<sub>Q</sub>)</h3>");
        string geometric = r.GeometricDifference is { } g
            ? g.Interpretation + string.Create(c, $" (λ = {g.Regularization:g3}; RBF kernel vs {g.QuantumKernel} kernel on the first split's training rows.)")
            : r.GeometricDifferenceNote ?? "Not computed.";
        sb.Append("<p>").Append(E(geometric)).AppendLine("</p>");
        if (BenchmarkPlots.KernelHeatmap(r) is { } heat)
        {
            sb.AppendLine(c, $"<p>Quantum kernel matrix of the first split, sorted by class: off-diagonal mean {F(r.KernelMatrix!.OffDiagonalMean, "0.000")}, s.d. {F(r.KernelMatrix.OffDiagonalStandardDeviation, "0.000")}. " +
                $"Bright diagonal blocks on a darker background mean the kernel separates the classes; a uniformly dark matrix means it has concentrated.</p>");
            Image(sb, heat, "quantum kernel matrix");
        }
        sb.AppendLine("<h3>No-entanglement twin</h3>");
        sb.AppendLine(c, $"<p>{E(r.NoEntanglementTwin?.Summary ?? r.NoEntanglementTwinNote ?? "Not run.")}</p>");

        if (BenchmarkPlots.RocCurves(r) is { } roc)
        {
            sb.AppendLine("<h2>ROC curves</h2>");
            Image(sb, roc, "ROC curves from out-of-fold scores");
        }
        if (r.HeldOut is { } h)
        {
            sb.AppendLine(c, $"<h2>Held-out test set: {E(h.DatasetName)}</h2>");
            sb.AppendLine(c, $"<p>Every model refitted on all {h.NumTrainSamples} training rows and scored once on {h.NumTestSamples} held-out rows (a single score each: no significance test).</p>");
            sb.AppendLine("<table><tr><th>model</th><th>accuracy</th><th>macro F1</th><th>ROC AUC</th><th>fit s</th></tr>");
            foreach (var (name, v) in h.Models)
                sb.AppendLine(c, $"<tr><td>{E(name)}</td><td>{F(v.Accuracy, "0.000")}</td><td>{F(v.F1, "0.000")}</td><td>{F(v.RocAuc, "0.000")}</td><td>{F(v.FitSeconds, "0.00")}</td></tr>");
            sb.AppendLine("</table>");
            if (BenchmarkPlots.RocCurves(r, heldOut: true) is { } rocHeld) Image(sb, rocHeld, "ROC curves on the held-out set");
        }

        sb.AppendLine("<h2>Models</h2><ul>");
        foreach (var m in r.Models) sb.AppendLine(c, $"<li><strong>{E(m.Name)}</strong> ({E(m.DisplayName)}): {E(m.Description)}.</li>");
        sb.AppendLine("</ul>");
        sb.AppendLine(c, $"<p class=\"note\">Run time {F(r.Timings.TotalSeconds, "0.0")} s. {E(string.Join(", ", r.Versions.Select(kv => $"{kv.Key} {kv.Value}")))}.</p>");
        sb.AppendLine("</body></html>");
        return sb.ToString();
    }

    private static void Image(StringBuilder sb, byte[] png, string alt) =>
        sb.AppendLine(CultureInfo.InvariantCulture, $"<p><img alt=\"{E(alt)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"></p>");

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string S(MetricSummary s) => $"{F(s.Mean, "0.000")} ± {F(s.StandardDeviation, "0.000")}";

    private static string F(double v, string format) =>
        double.IsNaN(v) ? "n/a" : double.IsPositiveInfinity(v) ? "+∞" : double.IsNegativeInfinity(v) ? "−∞" : v.ToString(format, CultureInfo.InvariantCulture);

    private static string P(double p) => double.IsNaN(p) ? "n/a" : p < 1e-4 ? p.ToString("0.0e+0", CultureInfo.InvariantCulture) : p.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
