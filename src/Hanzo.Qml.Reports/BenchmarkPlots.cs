using Hanzo.Qml.Benchmark;
using Hanzo.Qml.Classical.Metrics;
using ScottPlot;

namespace Hanzo.Qml.Reports;

/// <summary>
/// The plots of a benchmark report as PNG bytes (ScottPlot, headless): score distributions per model, ROC curves,
/// and the quantum kernel matrix.
/// </summary>
public static class BenchmarkPlots
{
    /// <summary>Width of the score and ROC plots in pixels.</summary>
    public const int Width = 800;

    /// <summary>Height of the score and ROC plots in pixels.</summary>
    public const int Height = 480;

    /// <summary>
    /// One box per model (median, quartiles, whiskers at the extremes) with every per-split score drawn over it as a
    /// point, so the spread that the significance test weighs is visible. The quantum model is drawn in its own colour.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="metric">Metric to show; null for the report's primary metric.</param>
    public static byte[] ScoreDistributions(BenchmarkReport report, ClassificationMetric? metric = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var m = metric ?? report.Options.PrimaryMetric;
        var models = report.Models.ToList();
        if (report.NoEntanglementTwin is { } twin) models.Insert(1, twin.Twin);
        var plt = new Plot();
        var rng = new Data.SeededRandom(12345); // jitter only; fixed so the same report always draws the same picture
        for (int i = 0; i < models.Count; i++)
        {
            var scores = models[i].Scores(m).Order().ToArray();
            var color = models[i].IsQuantum ? Colors.Purple : Colors.SteelBlue;
            var box = plt.Add.Box(new Box
            {
                Position = i,
                BoxMin = Quantile(scores, 0.25),
                BoxMax = Quantile(scores, 0.75),
                BoxMiddle = Quantile(scores, 0.5),
                WhiskerMin = scores[0],
                WhiskerMax = scores[^1],
                Width = 0.5,
            });
            box.FillColor = color.WithAlpha(0.25);
            box.LineColor = color;
            var xs = scores.Select(_ => i + rng.NextDouble(-0.15, 0.15)).ToArray();
            plt.Add.Markers(xs, scores, MarkerShape.FilledCircle, 5, color.WithAlpha(0.8));
        }
        plt.Axes.Bottom.SetTicks([.. Enumerable.Range(0, models.Count).Select(i => (double)i)], [.. models.Select(x => x.Name)]);
        plt.Axes.SetLimitsX(-0.6, models.Count - 0.4);
        plt.Title($"{BenchmarkOptions.MetricName(m)} per split ({report.Splits.Count} splits: {report.Options.Repeats} × {report.Options.Folds}-fold)");
        plt.YLabel(BenchmarkOptions.MetricName(m));
        return plt.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>
    /// ROC curves of every model for a binary problem: from the out-of-fold scores of the first repeat (each row scored
    /// once), or from the held-out fits when <paramref name="heldOut"/> is set. Null when there is nothing to draw
    /// (more than two classes, or no held-out data).
    /// </summary>
    public static byte[]? RocCurves(BenchmarkReport report, bool heldOut = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var curves = heldOut ? report.HeldOut?.RocCurves : report.RocCurves;
        if (curves is null || curves.Count == 0) return null;
        var plt = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int i = 0;
        foreach (var (name, curve) in curves)
        {
            var line = plt.Add.ScatterLine(curve.FalsePositiveRates.ToArray(), curve.TruePositiveRates.ToArray(), palette.GetColor(i++));
            line.LineWidth = name == report.QuantumModel ? 3 : 1.5f;
            line.LegendText = $"{name} (AUC {curve.Auc:0.000})";
        }
        var diagonal = plt.Add.Line(0, 0, 1, 1);
        diagonal.LineColor = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        plt.Axes.SetLimits(-0.01, 1.01, -0.01, 1.01);
        plt.XLabel("false positive rate");
        plt.YLabel("true positive rate");
        plt.Title(heldOut ? $"ROC on held-out '{report.HeldOut!.DatasetName}'" : "ROC from out-of-fold scores (repeat 1)");
        plt.ShowLegend(Alignment.LowerRight);
        return plt.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>The quantum kernel matrix of the first split's training rows, sorted by class; null when none was kept.</summary>
    public static byte[]? KernelHeatmap(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.KernelMatrix is not { } k) return null;
        var plt = new Plot();
        var hm = plt.Add.Heatmap(k.Matrix);
        hm.Colormap = new ScottPlot.Colormaps.Viridis();
        plt.Add.ColorBar(hm);
        int n = k.Matrix.GetLength(0);
        // White lines between the class blocks; the heatmap puts row 0 at the top, cell centres on integers.
        for (int i = 1; i < n; i++)
        {
            if (k.Labels[i] == k.Labels[i - 1]) continue;
            plt.Add.VerticalLine(i - 0.5, 1.5f, Colors.White);
            plt.Add.HorizontalLine(n - i - 0.5, 1.5f, Colors.White);
        }
        plt.Title($"{k.KernelName} kernel, {n} training rows sorted by class ({string.Join(", ", k.ClassNames)})");
        plt.XLabel("training row (sorted by class)");
        plt.HideGrid();
        return plt.GetImageBytes(620, 560, ImageFormat.Png);
    }

    /// <summary>Linear-interpolation quantile of sorted values (NumPy's default).</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 1) return sorted[0];
        double pos = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
