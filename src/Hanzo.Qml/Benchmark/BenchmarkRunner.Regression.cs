using System.Diagnostics;
using System.Globalization;
using Hanzo.Qml.Classical;
using Hanzo.Qml.Classical.Metrics;
using Hanzo.Qml.Classical.Selection;
using Hanzo.Qml.Data;

namespace Hanzo.Qml.Benchmark;

public static partial class BenchmarkRunner
{
    /// <summary>
    /// Runs the regression benchmark with the built-in regressors: the quantum regressor and every baseline on identical
    /// repeated shuffled k-fold splits, the corrected resampled t-test on the primary metric against the best baseline,
    /// and the honest verdict.
    /// </summary>
    /// <remarks>
    /// Preprocessing is the classification path's (standardise → PCA to the quantum model's width → [0, π]), fitted on
    /// each training split only; targets are passed unchanged, since every regressor scales its own. The splits are not
    /// stratified: there are no classes. For MSE and MAE the comparison keeps the errors' units and sign, and
    /// <see cref="SignificanceResult.HigherIsBetter"/> tells the verdict that lower is better, so an advantage needs a
    /// negative mean difference (quantum − classical).
    /// </remarks>
    /// <param name="options">What to run.</param>
    /// <param name="progress">Receives a report after each model on each split; may be null.</param>
    /// <param name="cancellationToken">Stops the run between units of work.</param>
    /// <exception cref="ArgumentException">When an option is invalid or names an unknown model.</exception>
    public static RegressionBenchmarkReport RunRegression(RegressionBenchmarkOptions options, IProgress<BenchmarkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunRegression(options, BenchmarkModelRegistry.Default, progress, cancellationToken);

    /// <summary>Runs the regression benchmark with the regressors of <paramref name="registry"/>.</summary>
    /// <inheritdoc cref="RunRegression(RegressionBenchmarkOptions, IProgress{BenchmarkProgress}?, CancellationToken)"/>
    public static RegressionBenchmarkReport RunRegression(RegressionBenchmarkOptions options, BenchmarkModelRegistry registry, IProgress<BenchmarkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        options.Validate();
        var total = Stopwatch.StartNew();
        var o = options;
        var quantum = registry.GetRegressor(o.QuantumModel);
        var baselines = o.Baselines.Select(registry.GetRegressor).ToArray();
        if (baselines.Any(b => b.Name == quantum.Name))
            throw new ArgumentException($"\"{quantum.Name}\" is both the quantum model and a baseline; remove it from the baselines.", nameof(options));
        if (baselines.Select(b => b.Name).Distinct().Count() != baselines.Length)
            throw new ArgumentException("Two baseline names refer to the same model.", nameof(options));
        var models = baselines.Prepend(quantum).ToArray();
        var data = o.Dataset;
        var context = new BenchmarkModelContext(o.ResolvedNumQubits, o.Encoding, o.EncodingOptions, default, 0, o.Seed);
        int? width = quantum.InputWidth(context);
        if (width is int w && w > data.NumFeatures)
            throw new ArgumentException($"The {quantum.Name} model on {context.NumQubits} qubits reads {w} features but dataset '{data.Name}' has {data.NumFeatures}; use at most {data.NumFeatures} qubits.", nameof(options));
        if (o.GridSearch)
            foreach (var m in models)
            {
                int size = m.Grid(context).Count;
                if (size != BenchmarkModelRegistry.GridSize)
                    throw new InvalidOperationException($"Model \"{m.Name}\" has a grid of {size} candidates; every model must have {BenchmarkModelRegistry.GridSize} so tuning budgets are equal.");
            }
        var x = data.ToJaggedArray();
        var y = data.TargetArray();
        var splits = CrossValidation.RepeatedKFold(x.Length, o.Folds, o.Repeats, o.Seed).Select(f => new SplitInfo(f.Repeat, f.Index, f.Train, f.Test)).ToArray();
        int units = splits.Length * models.Length + (o.TestDataset is null ? 0 : models.Length), done = 0;
        void Report(BenchmarkStage stage, string? model, int? split, string message)
        {
            if (stage != BenchmarkStage.Done) done++;
            progress?.Report(new BenchmarkProgress(stage, model, split, Math.Min(done, units), units, message));
        }

        var cv = Stopwatch.StartNew();
        var results = models.Select(_ => new List<RegressionSplitResult>()).ToArray();
        for (int s = 0; s < splits.Length; s++)
        {
            var split = splits[s];
            var input = PrepareRegression([.. split.TrainIndices.Select(i => x[i])], [.. split.TestIndices.Select(i => x[i])], width, o.Preprocessing);
            double[] yTrain = [.. split.TrainIndices.Select(i => y[i])], yTest = [.. split.TestIndices.Select(i => y[i])];
            for (int m = 0; m < models.Length; m++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var scores = EvaluateRegressor(models[m], context, o, input.Train, yTrain, input.Test, yTest, SeededRandom.Derive(o.Seed, 1_000_000 + s));
                results[m].Add(new RegressionSplitResult(s, scores.R2, scores.Mse, scores.Mae, scores.FitSeconds, scores.PredictSeconds, scores.Selected));
                Report(BenchmarkStage.CrossValidation, models[m].Name, s, string.Create(CultureInfo.InvariantCulture,
                    $"{models[m].Name}, split {s + 1}/{splits.Length}: r2 {scores.R2:0.000}, mse {scores.Mse:0.000}, mae {scores.Mae:0.000}"));
            }
        }
        var modelResults = models.Select((m, i) => new RegressionModelResult(m.Name, m.DisplayName, m.IsQuantum, m.Describe(context), results[i])).ToArray();
        cv.Stop();

        var metric = o.PrimaryMetric;
        bool higher = RegressionBenchmarkOptions.HigherIsBetter(metric);
        var best = BestRegressor(modelResults.Skip(1), metric);
        double trainSize = splits.Average(s => s.TrainSize), testSize = splits.Average(s => s.TestSize);
        var significance = BenchmarkStatistics.Compare(modelResults[0].Name, modelResults[0].Scores(metric), best.Name, best.Scores(metric),
            trainSize, testSize, RegressionBenchmarkOptions.MetricName(metric), higher);
        var verdict = BenchmarkVerdict.Decide(significance, o.Alpha);

        var ho = Stopwatch.StartNew();
        RegressionHeldOutResult? heldOut = null;
        if (o.TestDataset is { } test)
        {
            var xTest = test.ToJaggedArray();
            var yHeld = test.TargetArray();
            var input = PrepareRegression(x, xTest, width, o.Preprocessing);
            var scores = new Dictionary<string, RegressionHeldOutScores>();
            foreach (var m in models)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var r = EvaluateRegressor(m, context, o, input.Train, y, input.Test, yHeld, SeededRandom.Derive(o.Seed, 2_000_000));
                scores[m.Name] = new RegressionHeldOutScores(r.R2, r.Mse, r.Mae, r.FitSeconds, r.PredictSeconds, r.Selected);
                Report(BenchmarkStage.HeldOut, m.Name, null, string.Create(CultureInfo.InvariantCulture, $"{m.Name} on held-out '{test.Name}': r2 {r.R2:0.000}"));
            }
            heldOut = new RegressionHeldOutResult(test.Name, x.Length, xTest.Length, scores);
        }
        ho.Stop();
        total.Stop();
        Report(BenchmarkStage.Done, null, null, verdict.Recommendation);
        double mean = y.Average();
        return new RegressionBenchmarkReport
        {
            Options = o,
            Data = new RegressionDatasetSummary(data.Name, data.NumSamples, data.NumFeatures, mean, Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / y.Length),
                o.TestDataset?.Name, o.TestDataset?.NumSamples ?? 0),
            NumQubits = context.NumQubits,
            InputWidth = width ?? data.NumFeatures,
            Splits = splits,
            Models = modelResults,
            QuantumModel = modelResults[0].Name,
            BestClassical = best.Name,
            Significance = significance,
            Verdict = verdict,
            HeldOut = heldOut,
            Timings = new BenchmarkTimings(total.Elapsed.TotalSeconds, cv.Elapsed.TotalSeconds, 0, 0, ho.Elapsed.TotalSeconds),
            Versions = BenchmarkReport.CurrentVersions(),
        };
    }

    /// <summary>The baseline with the best mean on <paramref name="metric"/>: highest R², lowest error; the first listed on ties.</summary>
    internal static RegressionModelResult BestRegressor(IEnumerable<RegressionModelResult> baselines, RegressionMetric metric)
    {
        bool higher = RegressionBenchmarkOptions.HigherIsBetter(metric);
        return baselines.Aggregate((a, b) =>
        {
            double ma = a.Summary(metric).Mean, mb = b.Summary(metric).Mean;
            return (higher ? mb > ma : mb < ma) ? b : a;
        });
    }

    private static (double[][] Train, double[][] Test) PrepareRegression(double[][] train, double[][] test, int? width, PreprocessingOptions options)
    {
        int d = train[0].Length;
        var o = width is int w && w < d ? options with { PcaComponents = w } : options;
        var p = Preprocessor.Fit(train, o, width);
        return ([.. p.Transform(train)], [.. p.Transform(test)]);
    }

    private static (double R2, double Mse, double Mae, double FitSeconds, double PredictSeconds, string? Selected) EvaluateRegressor(IRegressionBenchmarkModel model,
        BenchmarkModelContext context, RegressionBenchmarkOptions o, double[][] xTrain, double[] yTrain, double[][] xTest, double[] yTest, long innerSeed)
    {
        var sw = Stopwatch.StartNew();
        IRegressorFactory factory;
        string? selected = null;
        if (o.GridSearch)
        {
            factory = GridSearch.SelectRegressor(model.Grid(context), xTrain, yTrain, o.PrimaryMetric, o.InnerFolds, innerSeed).Best;
            selected = factory.ToString();
        }
        else factory = model.Default(context);
        var regressor = factory.CreateRegressor();
        regressor.Fit(xTrain, yTrain);
        double fit = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var predicted = regressor.Predict(xTest);
        double predict = sw.Elapsed.TotalSeconds;
        return (RegressionMetrics.R2(yTest, predicted), RegressionMetrics.Mse(yTest, predicted), RegressionMetrics.Mae(yTest, predicted), fit, predict, selected);
    }
}
