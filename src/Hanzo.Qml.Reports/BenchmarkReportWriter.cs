using Hanzo.Qml.Benchmark;

namespace Hanzo.Qml.Reports;

/// <summary>Writes every rendering of a benchmark report into one folder.</summary>
public static class BenchmarkReportWriter
{
    /// <summary>
    /// Writes report.json, report.md, report.html (self-contained) and the plots as PNG files: scores.png,
    /// kernel_matrix.png (kernel models), roc.png (binary problems) and roc_held_out.png (binary, with held-out data).
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="directory">The folder; created when missing. Existing files of these names are replaced.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> WriteAll(this BenchmarkReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        void Text(string name, string content)
        {
            string path = Path.Combine(directory, name);
            File.WriteAllText(path, content);
            written.Add(path);
        }
        void Png(string name, byte[]? bytes)
        {
            if (bytes is null) return;
            string path = Path.Combine(directory, name);
            File.WriteAllBytes(path, bytes);
            written.Add(path);
        }
        Text("report.json", report.ToJson());
        Text("report.md", report.ToMarkdown());
        Text("report.html", BenchmarkHtml.Write(report));
        Png("scores.png", BenchmarkPlots.ScoreDistributions(report));
        Png("kernel_matrix.png", BenchmarkPlots.KernelHeatmap(report));
        Png("roc.png", BenchmarkPlots.RocCurves(report));
        Png("roc_held_out.png", BenchmarkPlots.RocCurves(report, heldOut: true));
        return written;
    }
}
