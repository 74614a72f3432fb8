using System.Text.Json.Nodes;
using Hanzo.Qml.Benchmark;
using Hanzo.Qml.Data;
using Hanzo.Qml.Reports;

namespace Hanzo.Qml.Tests.Benchmark;

/// <summary>HTML, PNG and folder output; grid search with equal budgets; held-out data.</summary>
public class ReportRenderingTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>breast_cancer at 2 qubits, 2 × 2 folds, two baselines, grid search on: binary, PCA, ROC curves, selections.</summary>
    private static readonly Lazy<BenchmarkReport> Binary = new(() => BenchmarkRunner.Run(new BenchmarkOptions
    {
        Dataset = BuiltInDatasets.Load("breast_cancer"),
        NumQubits = 2,
        EncodingOptions = Hanzo.Qml.Encodings.EncodingOptions.Default with { Reps = 1 },
        Baselines = ["rbf_svm", "logreg"],
        Folds = 2,
        Repeats = 2,
        GridSearch = true,
        AlwaysRunNoEntanglementTwin = true,
        Seed = 5,
    }));

    [Fact]
    public void WriteAllWritesEveryFileAndThePngsAreImages()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}");
        try
        {
            var written = Binary.Value.WriteAll(dir);
            foreach (string name in new[] { "report.json", "report.md", "report.html", "scores.png", "kernel_matrix.png", "roc.png" })
                Assert.Contains(Path.Combine(dir, name), written);
            Assert.DoesNotContain(Path.Combine(dir, "roc_held_out.png"), written); // no held-out data
            foreach (string png in written.Where(p => p.EndsWith(".png", StringComparison.Ordinal)))
            {
                var bytes = File.ReadAllBytes(png);
                Assert.True(bytes.Length > 5_000, $"{png}: {bytes.Length} bytes");
                Assert.Equal(PngSignature, bytes[..8]);
            }
            string html = File.ReadAllText(Path.Combine(dir, "report.html"));
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.Equal(3, html.Split("src=\"data:image/png;base64,").Length - 1); // scores, kernel heatmap, ROC
            Assert.DoesNotContain("src=\"http", html); // self-contained
            Assert.Contains("0.0625", html);
            Assert.Equal(Binary.Value.ToJson(), File.ReadAllText(Path.Combine(dir, "report.json")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void GridSearchGivesEveryModelTheSameBudgetAndRecordsItsChoice()
    {
        var r = Binary.Value;
        Assert.All(r.Models, m => Assert.All(m.Splits, s => Assert.False(string.IsNullOrEmpty(s.Selected))));
        Assert.Contains("QsvmClassifierOptions", r.Model("qsvm").Splits[0].Selected);
        Assert.Contains("RbfSvmOptions", r.Model("rbf_svm").Splits[0].Selected);
        var budget = JsonNode.Parse(r.ToJson())!["options"]!["inner_budget"]!;
        Assert.Equal(BenchmarkModelRegistry.GridSize, budget["candidates_per_model"]!.GetValue<int>());
        Assert.Equal(3, budget["inner_folds"]!.GetValue<int>());
        Assert.Equal(3, r.RocCurves.Count); // qsvm, rbf_svm, logreg
        Assert.All(r.RocCurves.Values, c => Assert.Equal(1.0, c.TruePositiveRates[^1]));
        Assert.All(r.RocCurves.Values, c => Assert.InRange(c.Auc, 0.5, 1.0));
        // The twin was asked for: it ran on the same splits with the same grid.
        Assert.NotNull(r.NoEntanglementTwin);
        Assert.All(r.NoEntanglementTwin!.Twin.Splits, s => Assert.Contains("RemoveEntanglement = True", s.Selected));
        Assert.Equal(2, r.InputWidth);
        Assert.Equal(2, JsonNode.Parse(r.ToJson())!["options"]!["preprocessing"]!["pca_components"]!.GetValue<int>());
    }

    [Fact]
    public void SolubilityHoldsOutItsPublishedTestSplit()
    {
        var o = BenchmarkOptions.ForBuiltIn("solubility") with
        {
            NumQubits = 3,
            Baselines = ["logreg", "rbf_svm"],
            Folds = 2,
            Repeats = 2,
            EncodingOptions = Hanzo.Qml.Encodings.EncodingOptions.Default with { Reps = 1 },
            ComputeGeometricDifference = false,
        };
        Assert.NotNull(o.TestDataset);
        var r = BenchmarkRunner.Run(o);
        var h = r.HeldOut!;
        Assert.Equal(o.Dataset.NumSamples, h.NumTrainSamples);
        Assert.Equal(o.TestDataset!.NumSamples, h.NumTestSamples);
        Assert.Equal(["qsvm", "logreg", "rbf_svm"], h.Models.Keys);
        Assert.All(h.Models.Values, s => Assert.InRange(s.Accuracy, 0.5, 1.0));
        Assert.Equal(3, h.RocCurves.Count);
        Assert.Null(r.KernelMatrix);
        var json = JsonNode.Parse(r.ToJson())!;
        Assert.Equal(o.TestDataset.NumSamples, json["held_out"]!["n_test"]!.GetValue<int>());
        Assert.NotNull(json["held_out"]!["models"]!["qsvm"]!["accuracy"]);
        Assert.Contains("Held-out test set", r.ToMarkdown());
        Assert.NotNull(BenchmarkPlots.RocCurves(r, heldOut: true));
        Assert.Null(BenchmarkPlots.KernelHeatmap(r));
    }
}
