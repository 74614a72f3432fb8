using System.Text.Json.Nodes;
using Hanzo.Qml.Benchmark;
using Hanzo.Qml.Classical.Metrics;
using Hanzo.Qml.Data;

namespace Hanzo.Qml.Tests.Benchmark;

/// <summary>The runner end to end on small settings: identical splits, scores, verdict, report keys.</summary>
public class BenchmarkRunnerTests
{
    internal static BenchmarkOptions SmallIris() => new()
    {
        Dataset = BuiltInDatasets.Load("iris"),
        NumQubits = 2,
        EncodingOptions = Hanzo.Qml.Encodings.EncodingOptions.Default with { Reps = 1 },
        Folds = 3,
        Repeats = 2,
        Seed = 7,
    };

    private static readonly Lazy<BenchmarkReport> IrisReport = new(() => BenchmarkRunner.Run(SmallIris()));

    [Fact]
    public void IrisRunsEndToEndWithEveryModelOnEverySplit()
    {
        var r = IrisReport.Value;
        Assert.Equal(6, r.Splits.Count);
        Assert.Equal(["qsvm", "rbf_svm", "xgboost", "mlp", "logreg"], r.Models.Select(m => m.Name));
        Assert.True(r.Models[0].IsQuantum);
        foreach (var m in r.Models)
        {
            Assert.Equal(6, m.Splits.Count);
            Assert.Equal(Enumerable.Range(0, 6), m.Splits.Select(s => s.Split));
            Assert.All(m.Splits, s => Assert.InRange(s.Accuracy, 0.0, 1.0));
            Assert.All(m.Splits, s => Assert.InRange(s.RocAuc, 0.0, 1.0));
            Assert.All(m.Splits, s => Assert.True(s.FitSeconds >= 0 && s.PredictSeconds >= 0));
            Assert.True(m.Accuracy.Mean > 0.6, $"{m.Name} accuracy {m.Accuracy.Mean} on iris");
        }
        Assert.Equal(2, r.NumQubits);
        Assert.Equal(2, r.InputWidth);
        Assert.Equal(6, r.Significance.NumPairs);
        Assert.Contains(r.BestClassical, r.Models.Skip(1).Select(m => m.Name));
        var best = r.Model(r.BestClassical);
        Assert.All(r.Models.Skip(1), m => Assert.True(m.Accuracy.Mean <= best.Accuracy.Mean));
        Assert.Empty(r.RocCurves); // three classes: no binary ROC curve
        Assert.NotNull(r.GeometricDifference);
        Assert.NotNull(r.KernelMatrix);
        Assert.Equal(r.Splits[0].TrainSize, r.KernelMatrix!.Matrix.GetLength(0));
        Assert.True(r.Verdict.QuantumAdvantage == r.Significance.CandidateSignificantlyBetter(0.05));
        if (!r.QuantumAdvantage) Assert.Equal($"no significant quantum advantage; use {r.BestClassical}", r.Recommendation);
    }

    [Fact]
    public void EveryModelSeesTheSameSplitsAsTheSplitterGives()
    {
        var o = SmallIris();
        var r = IrisReport.Value;
        var expected = CrossValidation.RepeatedStratifiedKFold(o.Dataset.ClassIndexArray(), 3, 2, 7);
        Assert.Equal(expected.Count, r.Splits.Count);
        for (int s = 0; s < expected.Count; s++)
        {
            Assert.Equal(expected[s].Train, r.Splits[s].TrainIndices);
            Assert.Equal(expected[s].Test, r.Splits[s].TestIndices);
            Assert.Equal(expected[s].Repeat, r.Splits[s].Repeat);
            Assert.Empty(r.Splits[s].TrainIndices.Intersect(r.Splits[s].TestIndices));
        }
        // Split s of every model is scored on the same test rows: recompute one baseline's score from the indices.
        var x = o.Dataset.ToJaggedArray();
        var y = o.Dataset.ClassIndexArray();
        for (int s = 0; s < r.Splits.Count; s++)
        {
            var split = r.Splits[s];
            var p = Preprocessor.Fit([.. split.TrainIndices.Select(i => x[i])], new PreprocessingOptions { PcaComponents = 2 }, 2);
            var model = new Hanzo.Qml.Classical.Linear.LogisticRegression();
            model.Fit([.. p.Transform([.. split.TrainIndices.Select(i => x[i])])], [.. split.TrainIndices.Select(i => y[i])], 3);
            var predicted = model.Predict([.. p.Transform([.. split.TestIndices.Select(i => x[i])])]);
            Assert.Equal(ClassificationMetrics.Accuracy([.. split.TestIndices.Select(i => y[i])], predicted), r.Model("logreg").Splits[s].Accuracy, 12);
        }
    }

    [Fact]
    public void BaselinesCanSeeEveryFeatureWhileTheQuantumModelSeesThePcaInput()
    {
        var o = SmallIris() with { Baselines = ["logreg"], BaselinesUseAllFeatures = true, ComputeGeometricDifference = false };
        var r = BenchmarkRunner.Run(o);
        var x = o.Dataset.ToJaggedArray();
        var y = o.Dataset.ClassIndexArray();
        var split = r.Splits[0];
        var scaler = Preprocessor.Fit([.. split.TrainIndices.Select(i => x[i])], new PreprocessingOptions { ScaleToAngles = false });
        Assert.Equal(4, scaler.OutputDimension);
        var model = new Hanzo.Qml.Classical.Linear.LogisticRegression();
        model.Fit([.. scaler.Transform([.. split.TrainIndices.Select(i => x[i])])], [.. split.TrainIndices.Select(i => y[i])], 3);
        var predicted = model.Predict([.. scaler.Transform([.. split.TestIndices.Select(i => x[i])])]);
        Assert.Equal(ClassificationMetrics.Accuracy([.. split.TestIndices.Select(i => y[i])], predicted), r.Model("logreg").Splits[0].Accuracy, 12);
        Assert.Equal(2, r.InputWidth);
    }

    [Fact]
    public void ProgressCountsEveryUnitAndEndsDone()
    {
        var events = new List<BenchmarkProgress>();
        var o = SmallIris() with { Baselines = ["logreg"], Folds = 2, Repeats = 2 };
        BenchmarkRunner.Run(o, new SynchronousProgress<BenchmarkProgress>(events.Add));
        Assert.Equal(BenchmarkStage.Done, events[^1].Stage);
        Assert.Equal(1.0, events[^1].Fraction);
        Assert.Equal(4 * 2, events.Count(e => e.Stage == BenchmarkStage.CrossValidation));
        Assert.Single(events, e => e.Stage == BenchmarkStage.GeometricDifference);
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.CompletedUnits <= p.Second.CompletedUnits));
    }

    [Fact]
    public void CancellationStopsTheRun()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => BenchmarkRunner.Run(SmallIris(), null, cts.Token));
    }

    [Fact]
    public void BadOptionsAreRefusedWithClearMessages()
    {
        var o = SmallIris();
        Assert.Contains("Unknown benchmark model", Assert.Throws<ArgumentException>(() => BenchmarkRunner.Run(o with { QuantumModel = "vqe" })).Message);
        Assert.Contains("known:", Assert.Throws<ArgumentException>(() => BenchmarkRunner.Run(o with { Baselines = ["svm_rbf"] })).Message);
        Assert.Contains("both the quantum model and a baseline", Assert.Throws<ArgumentException>(() => BenchmarkRunner.Run(o with { QuantumModel = "rbf_svm" })).Message);
        Assert.Contains("at most 4 qubits", Assert.Throws<ArgumentException>(() => BenchmarkRunner.Run(o with { NumQubits = 6 })).Message);
        Assert.Throws<ArgumentException>(() => BenchmarkRunner.Run(o with { Baselines = [] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => BenchmarkRunner.Run(o with { Folds = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => BenchmarkRunner.Run(o with { Alpha = 1.5 }));
        Assert.Contains("regression", Assert.Throws<ArgumentException>(() => BenchmarkRunner.Run(o with { Dataset = BuiltInDatasets.Load("solubility_reg") })).Message);
        Assert.Contains("features", Assert.Throws<ArgumentException>(() => BenchmarkRunner.Run(o with { TestDataset = BuiltInDatasets.Load("wine") })).Message);
        Assert.Contains("PcaComponents", Assert.Throws<ArgumentException>(() => BenchmarkRunner.Run(o with { Preprocessing = new PreprocessingOptions { PcaComponents = 2 } })).Message);
        Assert.Throws<ArgumentException>(() => BenchmarkRunner.Run(o with { Encoding = "nope" }));
        Assert.Throws<ArgumentException>(() => BenchmarkOptions.ParseMetric("precision"));
    }

    [Fact]
    public void JsonHasTheDocumentedKeys()
    {
        var root = JsonNode.Parse(IrisReport.Value.ToJson())!.AsObject();
        foreach (string key in new[] { "schema", "schema_version", "dataset", "seed", "options", "primary_metric", "quantum_model", "baselines", "best_classical",
                     "models", "quantum_advantage", "significance", "recommendation", "recommended_model", "verdict_explanation", "statistics_note",
                     "geometric_difference", "kernel_matrix", "no_entanglement_twin", "held_out", "roc_curves", "splits", "timings", "versions" })
            Assert.True(root.ContainsKey(key), $"missing key {key}");
        Assert.Equal("hanzo-qml.benchmark", root["schema"]!.GetValue<string>());
        var qsvm = root["models"]!["qsvm"]!.AsObject();
        foreach (string key in new[] { "accuracy", "f1", "roc_auc", "std", "per_split", "timings", "kind", "description" })
            Assert.True(qsvm.ContainsKey(key), $"models.qsvm lacks {key}");
        Assert.Equal(6, qsvm["per_split"]!["accuracy"]!.AsArray().Count);
        Assert.Equal(IrisReport.Value.Model("qsvm").Accuracy.Mean, qsvm["accuracy"]!.GetValue<double>());
        var sig = root["significance"]!.AsObject();
        foreach (string key in new[] { "p_value", "test", "wilcoxon_p_value", "effect_size", "mean_difference", "n_pairs", "alpha" })
            Assert.True(sig.ContainsKey(key), $"significance lacks {key}");
        Assert.Equal("nadeau_bengio_corrected_resampled_t_test", sig["test"]!.GetValue<string>());
        Assert.Equal(IrisReport.Value.QuantumAdvantage, root["quantum_advantage"]!.GetValue<bool>());
        Assert.Contains("0.0625", root["statistics_note"]!.GetValue<string>());
        var gd = root["geometric_difference"]!.AsObject();
        Assert.True(gd["value"]!.GetValue<double>() >= 1.0 - 1e-9 || gd["value"]!.GetValue<double>() > 0);
        Assert.Equal(1e-3, gd["regularization"]!.GetValue<double>());
        foreach (string key in new[] { "hanzo_qml", "dotnet", "os" }) Assert.True(root["versions"]!.AsObject().ContainsKey(key));
        Assert.Equal(3, root["options"]!["folds"]!.GetValue<int>());
        Assert.Equal("zz", root["options"]!["encoding"]!.GetValue<string>());
    }

    [Fact]
    public void MarkdownLeadsWithTheVerdictAndExplainsTheWilcoxonLimit()
    {
        string md = IrisReport.Value.ToMarkdown();
        Assert.StartsWith("# Quantum vs classical benchmark: iris", md);
        Assert.Contains("**Verdict:", md);
        Assert.Contains("2/32 = 0.0625", md);
        Assert.Contains("| qsvm | quantum |", md);
        Assert.Contains("Geometric difference", md);
    }
}

/// <summary>An IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool, so a test could miss events).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
