using Hanzo.Qml.Data;
using Hanzo.Qml.Models;

namespace Hanzo.Qml.Tests.Models;

public class ClassicalPretrainingTests
{
    // Wine: 13 features on 4 qubits, so the hybrid MLP has real compression to learn.
    private static readonly VariationalModelOptions Hybrid = new()
    {
        NumQubits = 4, NumLayers = 1, Epochs = 1, BatchSize = 16, LearningRate = 0.05, Seed = 3, HybridHiddenLayers = [],
    };

    private static readonly ClassicalPretrainingOptions Pretraining = new(Epochs: 30, LearningRate: 0.05);

    [Fact]
    public void PretrainingLowersTheFirstEpochLossAndIsRepeatableToTheBit()
    {
        var wine = BuiltInDatasets.Load("wine");
        var plain = new VariationalClassifier(Hybrid).Fit(wine);
        var o = Hybrid with { ClassicalPretraining = Pretraining };
        var a = new VariationalClassifier(o).Fit(wine);
        var b = new VariationalClassifier(o).Fit(wine);
        Assert.True(a.History[0].Loss < plain.History[0].Loss, $"pretrained {a.History[0].Loss} vs plain {plain.History[0].Loss}");
        Assert.Equal(a.Parameters, b.Parameters);
        Assert.Equal(a.History, b.History);
        // The pretrained weights are only a starting point: the saved model reloads and predicts the same.
        var c = VariationalClassifier.FromJson(a.ToJson());
        Assert.Equal(a.Parameters, c.Parameters);
        Assert.Equal(a.PredictLabels(wine.ToJaggedArray()), c.PredictLabels(wine.ToJaggedArray()));
    }

    [Fact]
    public void PretrainingHelpsTheHybridRegressorToo()
    {
        var rng = new Random(5);
        var x = new double[120][];
        var y = new double[120];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = [.. Enumerable.Range(0, 6).Select(_ => rng.NextDouble() * 2 - 1)];
            y[i] = x[i][0] - 0.5 * x[i][3] + 0.05 * (rng.NextDouble() - 0.5);
        }
        var o = Hybrid with { NumQubits = 2 };
        var plain = new VariationalRegressor(o).Fit(x, y);
        var pre = new VariationalRegressor(o with { ClassicalPretraining = Pretraining }).Fit(x, y);
        Assert.True(pre.History[0].Loss < plain.History[0].Loss, $"pretrained {pre.History[0].Loss} vs plain {plain.History[0].Loss}");
    }

    [Fact]
    public void NonHybridAndUnsupportedEncodingsAreRefusedClearly()
    {
        var e = Assert.Throws<ArgumentException>(() => new VariationalClassifier(new VariationalModelOptions { ClassicalPretraining = Pretraining }));
        Assert.Contains("hybrid", e.Message);
        var z = Assert.Throws<ArgumentException>(() => new VariationalClassifier(Hybrid with { Encoding = "iqp", ClassicalPretraining = Pretraining }));
        Assert.Contains("angle encoding", z.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new VariationalClassifier(Hybrid with { ClassicalPretraining = new(0, 0.1) }));
    }
}
