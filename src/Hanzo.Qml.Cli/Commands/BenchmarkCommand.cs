using System.CommandLine;
using System.Globalization;
using Hanzo.Qml.Benchmark;
using Hanzo.Qml.Data;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Reports;

namespace Hanzo.Qml.Cli.Commands;

/// <summary>What <c>hanzo-qml benchmark</c> was asked to do.</summary>
/// <remarks>
/// <see cref="QuantumModel"/>, <see cref="Baselines"/> and <see cref="Metric"/> are null when not given, because their
/// defaults depend on the dataset's task (qsvm / rbf_svm,xgboost,mlp,logreg / accuracy for classification; vqr /
/// linear,mlp,xgboost,rbf_svr / r2 for regression).
/// </remarks>
public sealed record BenchmarkRequest(string Dataset, string? TestDataset, string? QuantumModel, string Encoding, int? NumQubits, int Reps,
    string Kernel, string? Baselines, int Folds, int Repeats, string? Metric, int Seed, bool GridSearch, string? Out, bool Json);

/// <summary>
/// <c>hanzo-qml benchmark --dataset FILE.csv|iris|wine|breast_cancer|solubility|solubility_reg|adhoc [--test-dataset FILE.csv] --quantum-model qsvm|vqc|vqr
/// --encoding iqp|zz|angle|pauli --n-qubits N [--reps R] [--kernel fidelity|projected] --baselines rbf_svm,xgboost,mlp,logreg
/// [--folds 5 --repeats 5] [--metric accuracy|f1|roc_auc|r2|mse|mae] [--seed S] [--grid-search] [--out DIR] [--json]</c>: the quantum model
/// and the classical baselines on identical repeated splits (stratified for classification, shuffled k-fold for regression
/// datasets, which run the VQR against linear, mlp, xgboost and rbf_svr), with a corrected resampled t-test verdict. Progress goes to
/// standard error; with <c>--json</c> the report JSON is the only thing on standard output.
/// </summary>
public static class BenchmarkCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var dataset = new Option<string>("--dataset") { Description = "CSV file (last column label), a built-in name (" + string.Join(", ", BuiltInDatasets.Names) + ") or adhoc", Required = true };
        var test = new Option<string?>("--test-dataset") { Description = "Held-out CSV: every model is also fitted on the whole dataset and scored on it" };
        var model = new Option<string?>("--quantum-model") { Description = "qsvm or vqc (classification, default qsvm); vqr (regression, the default there)" };
        var encoding = new Option<string>("--encoding") { Description = "iqp, zz, angle or pauli", DefaultValueFactory = _ => "zz" };
        var qubits = new Option<int?>("--n-qubits") { Description = "Qubits (default: min(features, 8)); features are reduced by PCA when there are more" };
        var reps = new Option<int>("--reps") { Description = "Encoding repetitions", DefaultValueFactory = _ => 2 };
        var kernel = new Option<string>("--kernel") { Description = "fidelity or projected (QSVM)", DefaultValueFactory = _ => "fidelity" };
        var baselines = new Option<string?>("--baselines") { Description = "Comma-separated. Classification: rbf_svm, xgboost (LightGBM fills the XGBoost slot), mlp, logreg (default all). Regression: linear, mlp, xgboost, rbf_svr (default all)" };
        var folds = new Option<int>("--folds") { Description = "Folds per repeat", DefaultValueFactory = _ => 5 };
        var repeats = new Option<int>("--repeats") { Description = "Repeats of the k-fold split", DefaultValueFactory = _ => 5 };
        var metric = new Option<string?>("--metric") { Description = "Primary metric: accuracy (default), f1 or roc_auc; for regression r2 (default), mse or mae (lower is better)" };
        var seed = new Option<int>("--seed") { Description = "Seed of splits, models and generated data", DefaultValueFactory = _ => 0 };
        var grid = new Option<bool>("--grid-search") { Description = "Tune every model (quantum and classical) with the same 9-candidate inner grid" };
        var output = new Option<string?>("--out") { Description = "Directory for report.json, report.md, report.html and the PNG plots" };
        var json = new Option<bool>("--json") { Description = "Print the report JSON" };
        var command = new Command("benchmark", "Benchmark a quantum model against classical baselines with an honest verdict")
        {
            dataset, test, model, encoding, qubits, reps, kernel, baselines, folds, repeats, metric, seed, grid, output, json,
        };
        command.SetAction(p => Execute(new BenchmarkRequest(p.GetValue(dataset)!, p.GetValue(test), p.GetValue(model), p.GetValue(encoding)!,
            p.GetValue(qubits), p.GetValue(reps), p.GetValue(kernel)!, p.GetValue(baselines), p.GetValue(folds), p.GetValue(repeats),
            p.GetValue(metric), p.GetValue(seed), p.GetValue(grid), p.GetValue(output), p.GetValue(json)), stdout, stderr));
        return command;
    }

    /// <summary>Runs the benchmark and writes the report(s); throws <see cref="CliException"/> on bad input.</summary>
    public static int Execute(BenchmarkRequest r, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(r);
        BenchmarkOptions options;
        try
        {
            options = BaseOptions(r);
            if (options.Dataset.Task == TaskKind.Regression) return ExecuteRegression(r, options, stdout, stderr);
            options = options with
            {
                QuantumModel = (r.QuantumModel ?? "qsvm").ToLowerInvariant(),
                Encoding = r.Encoding.ToLowerInvariant(),
                EncodingOptions = EncodingOptions.Default with { Reps = r.Reps },
                Kernel = r.Kernel.ToLowerInvariant() switch
                {
                    "fidelity" => QuantumKernelKind.Fidelity,
                    "projected" => QuantumKernelKind.Projected,
                    _ => throw CliException.Usage($"unknown --kernel '{r.Kernel}'; allowed: fidelity, projected"),
                },
                Baselines = r.Baselines is null ? BenchmarkOptions.DefaultBaselines : SplitNames(r.Baselines),
                Folds = r.Folds,
                Repeats = r.Repeats,
                PrimaryMetric = BenchmarkOptions.ParseMetric(r.Metric ?? "accuracy"),
                Seed = r.Seed,
                GridSearch = r.GridSearch,
            };
            if (r.NumQubits is int q) options = options with { NumQubits = q };
            if (r.TestDataset is { } t) options = options with { TestDataset = DatasetArgument.Load(t) };
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage(e.Message, e);
        }
        var progress = new ProgressLines(stderr);
        BenchmarkReport report;
        try
        {
            report = BenchmarkRunner.Run(options, progress);
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage(e.Message, e);
        }
        if (r.Out is { } dir)
        {
            try
            {
                var files = report.WriteAll(dir);
                stderr.WriteLine($"wrote {files.Count} files to {dir}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliException.Failure($"cannot write the reports to '{dir}': {e.Message}", e);
            }
        }
        if (r.Json)
        {
            stdout.WriteLine(report.ToJson().ReplaceLineEndings(" "));
        }
        else
        {
            stdout.Write(report.ToMarkdown());
        }
        stdout.Flush();
        return ExitCodes.Success;
    }

    /// <summary>
    /// The regression path: a regression dataset (e.g. solubility_reg, whose published test split is held out) runs the
    /// VQR against the regression baselines; reports are JSON and Markdown (the HTML plots are classification-only).
    /// </summary>
    private static int ExecuteRegression(BenchmarkRequest r, BenchmarkOptions data, TextWriter stdout, TextWriter stderr)
    {
        RegressionBenchmarkOptions options;
        try
        {
            options = new RegressionBenchmarkOptions
            {
                Dataset = data.Dataset,
                TestDataset = r.TestDataset is { } t ? DatasetArgument.Load(t) : data.TestDataset,
                Preprocessing = data.Preprocessing,
                QuantumModel = (r.QuantumModel ?? "vqr").ToLowerInvariant(),
                Encoding = r.Encoding.ToLowerInvariant(),
                EncodingOptions = EncodingOptions.Default with { Reps = r.Reps },
                NumQubits = r.NumQubits,
                Baselines = r.Baselines is null ? RegressionBenchmarkOptions.DefaultBaselines : SplitNames(r.Baselines),
                Folds = r.Folds,
                Repeats = r.Repeats,
                PrimaryMetric = RegressionBenchmarkOptions.ParseMetric(r.Metric ?? "r2"),
                Seed = r.Seed,
                GridSearch = r.GridSearch,
            };
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage(e.Message, e);
        }
        RegressionBenchmarkReport report;
        try
        {
            report = BenchmarkRunner.RunRegression(options, new ProgressLines(stderr));
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage(e.Message, e);
        }
        if (r.Out is { } dir)
        {
            try
            {
                var files = report.WriteAll(dir);
                stderr.WriteLine($"wrote {files.Count} files to {dir}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliException.Failure($"cannot write the reports to '{dir}': {e.Message}", e);
            }
        }
        if (r.Json) stdout.WriteLine(report.ToJson().ReplaceLineEndings(" "));
        else stdout.Write(report.ToMarkdown());
        stdout.Flush();
        return ExitCodes.Success;
    }

    private static string[] SplitNames(string names) => names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The dataset part of the options: a built-in (solubility holds out its published test split), ad hoc, or a CSV.</summary>
    private static BenchmarkOptions BaseOptions(BenchmarkRequest r)
    {
        if (r.Dataset.Equals("adhoc", StringComparison.OrdinalIgnoreCase) && !File.Exists(r.Dataset))
        {
            // Havlíček et al.'s ad hoc data is already in angle form ([0, 2π)): no scaling; train and test never share a point.
            int n = r.NumQubits ?? 2;
            var split = AdHocDataset.Generate(new AdHocOptions { NumFeatures = n, TrainSizePerClass = 40, TestSizePerClass = 20, Seed = r.Seed });
            return new BenchmarkOptions { Dataset = split.Train, TestDataset = split.Test, Preprocessing = PreprocessingOptions.None };
        }
        if (!File.Exists(r.Dataset) && BuiltInDatasets.Names.Contains(r.Dataset, StringComparer.OrdinalIgnoreCase))
            return BenchmarkOptions.ForBuiltIn(r.Dataset);
        return new BenchmarkOptions { Dataset = DatasetArgument.Load(r.Dataset) };
    }

    /// <summary>Plain progress lines on standard error (one per tenth of the work), readable when redirected.</summary>
    private sealed class ProgressLines(TextWriter stderr) : IProgress<BenchmarkProgress>
    {
        private int _lastTenth = -1;

        public void Report(BenchmarkProgress value)
        {
            int tenth = (int)(value.Fraction * 10);
            if (tenth == _lastTenth) return;
            _lastTenth = tenth;
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{new string('#', tenth)}{new string('.', 10 - tenth)}] {value.Fraction:P0} {value.Message}"));
            stderr.Flush();
        }
    }
}
