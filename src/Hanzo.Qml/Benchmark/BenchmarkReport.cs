using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Hanzo.Qml.Benchmark;

/// <summary>
/// Everything a benchmark run found: per-split scores of every model, the significance test, the verdict and
/// recommendation, the reviewer's checks, and the settings and versions needed to reproduce it. Render it with
/// <see cref="ToJson"/> (schema in docs/BENCHMARK.md) or <see cref="ToMarkdown"/>; the HTML page with plots lives in
/// the Hanzo.Qml.Reports package, which keeps the plotting library out of this one.
/// </summary>
public sealed class BenchmarkReport
{
    /// <summary>The "schema" value of <see cref="ToJson"/>.</summary>
    public const string SchemaName = "hanzo-qml.benchmark";

    /// <summary>The version of the JSON layout (incremented on any breaking change).</summary>
    public const int SchemaVersion = 1;

    /// <summary>The options of the run.</summary>
    public required BenchmarkOptions Options { get; init; }

    /// <summary>The data.</summary>
    public required DatasetSummary Data { get; init; }

    /// <summary>Qubits of the quantum model.</summary>
    public required int NumQubits { get; init; }

    /// <summary>Features the models saw after preprocessing (the quantum model's input width).</summary>
    public required int InputWidth { get; init; }

    /// <summary>The splits, repeat-major; every model ran on exactly these.</summary>
    public required IReadOnlyList<SplitInfo> Splits { get; init; }

    /// <summary>Results of every model: the quantum model first, then the baselines in option order.</summary>
    public required IReadOnlyList<ModelResult> Models { get; init; }

    /// <summary>Name of the quantum model.</summary>
    public required string QuantumModel { get; init; }

    /// <summary>Name of the baseline with the highest mean primary metric (the first listed on ties).</summary>
    public required string BestClassical { get; init; }

    /// <summary>Quantum versus best classical on the primary metric.</summary>
    public required SignificanceResult Significance { get; init; }

    /// <summary>The verdict.</summary>
    public required BenchmarkVerdict Verdict { get; init; }

    /// <summary>True only when the quantum model is better on the primary metric with p &lt; α (corrected t-test).</summary>
    public bool QuantumAdvantage => Verdict.QuantumAdvantage;

    /// <summary>The recommendation, with the twin's caveat when it applies.</summary>
    public required string Recommendation { get; init; }

    /// <summary>g(K_C‖K_Q) on the first split's training rows, or null (not a kernel model, or switched off).</summary>
    public GeometricDifferenceResult? GeometricDifference { get; init; }

    /// <summary>Why <see cref="GeometricDifference"/> is null, when it is.</summary>
    public string? GeometricDifferenceNote { get; init; }

    /// <summary>The quantum kernel matrix of the first split (sorted by class), for the heatmap; not written to JSON.</summary>
    public KernelMatrixSnapshot? KernelMatrix { get; init; }

    /// <summary>The no-entanglement twin, when run.</summary>
    public NoEntanglementTwinResult? NoEntanglementTwin { get; init; }

    /// <summary>Why <see cref="NoEntanglementTwin"/> is null, when it is.</summary>
    public string? NoEntanglementTwinNote { get; init; }

    /// <summary>Held-out scores, when a test dataset was given.</summary>
    public HeldOutResult? HeldOut { get; init; }

    /// <summary>Binary problems: each model's ROC curve from its out-of-fold scores of the first repeat (every row scored once).</summary>
    public required IReadOnlyDictionary<string, RocCurve> RocCurves { get; init; }

    /// <summary>Wall times.</summary>
    public required BenchmarkTimings Timings { get; init; }

    /// <summary>Library, runtime and OS versions.</summary>
    public required IReadOnlyDictionary<string, string> Versions { get; init; }

    /// <summary>The result of the model called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">When no model has that name.</exception>
    public ModelResult Model(string name) => Models.FirstOrDefault(m => m.Name == name)
        ?? throw new KeyNotFoundException($"No model \"{name}\" in the report; it has {string.Join(", ", Models.Select(m => m.Name))}.");

    /// <summary>
    /// Why a plain 5-fold Wilcoxon test cannot decide, and what the benchmark does instead (for every rendering).
    /// </summary>
    public string StatisticsNote => StatisticsNoteFor(Options.Folds, Options.Repeats, Options.Alpha);

    /// <summary>The statistics note for a run of <paramref name="folds"/> × <paramref name="repeats"/> at <paramref name="alpha"/>.</summary>
    public static string StatisticsNoteFor(int folds, int repeats, double alpha)
    {
        int j = folds * repeats;
        return string.Create(CultureInfo.InvariantCulture,
            $"Why not a Wilcoxon test on the 5 scores of a 5-fold cross-validation: with n paired scores, the most extreme outcome " +
            $"of the Wilcoxon signed-rank test (every difference of the same sign) has two-sided probability 2/2ⁿ, which for n = 5 is " +
            $"2/32 = 0.0625 > 0.05. That test can never reach significance at the 5 % level, however much better one model is. " +
            $"This run therefore repeats the cross-validation ({repeats} × {folds}-fold = {j} paired scores on identical splits for every model) " +
            $"and decides with the Nadeau–Bengio corrected resampled t-test: it multiplies the variance by 1/J + n_test/n_train instead of 1/J, " +
            $"because the splits share training rows and their scores are correlated, which makes a plain paired t-test claim too many differences. " +
            $"A quantum advantage is claimed only when the quantum model's mean is higher and that test gives p < {alpha:0.###}. " +
            $"The Wilcoxon p-value on the {j} pairs is reported beside it for information only (it ignores the overlap and is too optimistic), " +
            $"with the paired Cohen's d as the effect size.");
    }

    /// <summary>The report as JSON (snake_case; schema <see cref="SchemaName"/> v<see cref="SchemaVersion"/>, documented in docs/BENCHMARK.md).</summary>
    public string ToJson() => BenchmarkReportJson.Write(this);

    /// <summary>The report as Markdown.</summary>
    public string ToMarkdown() => BenchmarkReportMarkdown.Write(this);

    /// <summary>The versions recorded in a report made now.</summary>
    public static IReadOnlyDictionary<string, string> CurrentVersions()
    {
        var assembly = typeof(BenchmarkReport).Assembly;
        string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        return new Dictionary<string, string>
        {
            ["hanzo_qml"] = version,
            ["dotnet"] = RuntimeInformation.FrameworkDescription,
            ["os"] = RuntimeInformation.OSDescription,
            ["processors"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
        };
    }
}
