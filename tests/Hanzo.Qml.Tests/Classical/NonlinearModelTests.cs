using Hanzo.Qml.Classical;
using Hanzo.Qml.Classical.Linear;
using Hanzo.Qml.Classical.Metrics;
using Hanzo.Qml.Classical.NeuralNetworks;
using Hanzo.Qml.Classical.Selection;
using Hanzo.Qml.Classical.Trees;
using Hanzo.Qml.Data;

namespace Hanzo.Qml.Tests.Classical;

public class NonlinearModelTests
{
    /// <summary>Two concentric noisy circles (scikit-learn's make_circles shape: inner radius 0.5, noise 0.05).</summary>
    private static (double[][] X, int[] Y) Circles(int n, long seed)
    {
        var rng = new SeededRandom(seed);
        var x = new double[n][];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = i % 2;
            double angle = rng.NextDouble(0, 2 * Math.PI), radius = y[i] == 1 ? 0.5 : 1.0;
            x[i] = [radius * Math.Cos(angle) + 0.05 * rng.NextNormal(), radius * Math.Sin(angle) + 0.05 * rng.NextNormal()];
        }
        return (x, y);
    }

    [Fact]
    public void MlpLearnsXor()
    {
        double[][] x = [[0, 0], [0, 1], [1, 0], [1, 1]];
        int[] y = [0, 1, 1, 0];
        var mlp = new MlpClassifier(new MlpOptions { HiddenLayers = [8], Activation = MlpActivation.Tanh, LearningRate = 0.05, MaxEpochs = 500, BatchSize = 4, L2 = 0, Patience = 500, Seed = 1 });
        mlp.Fit(x, y, 2);
        Assert.Equal(y, mlp.Predict(x));
        Assert.True(mlp.LossHistory[^1] < 0.1, $"final loss {mlp.LossHistory[^1]}");
    }

    [Fact]
    public void MlpLearnsCirclesThatALinearModelCannot()
    {
        var (xTrain, yTrain) = Circles(300, 1);
        var (xTest, yTest) = Circles(200, 2);
        var mlp = new MlpClassifier(new MlpOptions { HiddenLayers = [16, 16], LearningRate = 0.01, MaxEpochs = 300, Seed = 3 });
        mlp.Fit(xTrain, yTrain, 2);
        double accuracy = ClassificationMetrics.Accuracy(yTest, mlp.Predict(xTest));
        Assert.True(accuracy > 0.95, $"MLP accuracy {accuracy}");

        var linear = new LogisticRegression();
        linear.Fit(xTrain, yTrain, 2);
        Assert.True(ClassificationMetrics.Accuracy(yTest, linear.Predict(xTest)) < 0.7);
    }

    [Fact]
    public void MlpIsSeededAndEarlyStoppingKeepsTheBestWeights()
    {
        var (x, y) = Circles(200, 4);
        var options = new MlpOptions { HiddenLayers = [8], LearningRate = 0.01, MaxEpochs = 60, Seed = 9, EarlyStopping = true, Patience = 5 };
        var a = new MlpClassifier(options);
        var b = new MlpClassifier(options);
        a.Fit(x, y, 2);
        b.Fit(x, y, 2);
        Assert.Equal(a.PredictProba(x), b.PredictProba(x));
        Assert.True(a.LossHistory.Count <= 60);
        var c = new MlpClassifier(options with { Seed = 10 });
        c.Fit(x, y, 2);
        Assert.NotEqual(a.PredictProba(x)[0], c.PredictProba(x)[0]);
    }

    [Fact]
    public void MlpRegressorFitsASmoothFunction()
    {
        var rng = new SeededRandom(5);
        double[][] x = [.. Enumerable.Range(0, 300).Select(_ => new[] { rng.NextDouble(-2, 2) })];
        double[] y = [.. x.Select(r => 100 + 30 * Math.Sin(1.5 * r[0]))]; // large offset and scale: targets are standardised inside
        var mlp = new MlpRegressor(new MlpOptions { HiddenLayers = [32], Activation = MlpActivation.Tanh, LearningRate = 0.01, MaxEpochs = 300, Seed = 2 });
        mlp.Fit(x, y);
        double r2 = RegressionMetrics.R2(y, mlp.Predict(x));
        Assert.True(r2 > 0.98, $"R² {r2}");
    }

    [Fact]
    public void GradientBoostedTreesSeparateBreastCancer()
    {
        var (train, test) = LinearModelTests.StandardisedSplit("breast_cancer");
        var gbt = new GradientBoostedTreesClassifier();
        gbt.Fit(train);
        var proba = gbt.PredictProba(test);
        double auc = ClassificationMetrics.RocAuc(test.ClassIndexArray(), proba);
        Assert.True(auc > 0.95, $"AUC {auc}");
        Assert.All(proba, p => Assert.Equal(1.0, p.Sum(), 6));

        var again = new GradientBoostedTreesClassifier();
        again.Fit(train);
        Assert.Equal(proba, again.PredictProba(test)); // deterministic: same seed, one thread
    }

    [Fact]
    public void GradientBoostedTreesHandleMultiClassAndRegression()
    {
        var (train, test) = LinearModelTests.StandardisedSplit("wine");
        var gbt = new GradientBoostedTreesOptions { MinimumExampleCountPerLeaf = 5 }.CreateClassifier();
        gbt.Fit(train);
        Assert.Equal(3, gbt.NumClasses);
        double accuracy = ClassificationMetrics.Accuracy(test.ClassIndexArray(), gbt.Predict(test));
        Assert.True(accuracy > 0.85, $"accuracy {accuracy}");
        Assert.All(gbt.PredictProba(test), p => Assert.Equal(3, p.Length));

        var (rTrain, rTest) = LinearModelTests.StandardisedSplit("solubility_reg");
        var reg = new GradientBoostedTreesRegressor();
        reg.Fit(rTrain);
        double r2 = RegressionMetrics.R2(rTest.TargetArray(), reg.Predict(rTest));
        Assert.True(r2 > 0.8, $"R² {r2}");
    }

    [Fact]
    public void GradientBoostedTreesKeepProbabilityColumnsAlignedWhenAClassIsAbsent()
    {
        var iris = BuiltInDatasets.Load("iris");
        var rows = Enumerable.Range(0, iris.NumSamples).Where(i => iris.ClassIndices[i] != 1).ToArray();
        var subset = iris.Subset(rows);
        var gbt = new GradientBoostedTreesClassifier(new GradientBoostedTreesOptions { MinimumExampleCountPerLeaf = 5, NumberOfIterations = 20 });
        gbt.Fit(subset.ToJaggedArray(), subset.ClassIndexArray(), 3);
        var proba = gbt.PredictProba(subset);
        Assert.All(proba, p => Assert.Equal(0.0, p[1], 6));
        Assert.Equal(subset.ClassIndexArray(), gbt.Predict(subset));
    }

    [Fact]
    public void GridSearchPicksTheBetterCandidateDeterministically()
    {
        var (train, _) = LinearModelTests.StandardisedSplit("iris");
        var grid = new[] { new LogisticRegressionOptions { C = 1e-4 }, new LogisticRegressionOptions { C = 1.0 }, new LogisticRegressionOptions { C = 10.0 } };
        var x = train.ToJaggedArray();
        var y = train.ClassIndexArray();
        var result = GridSearch.SelectClassifier(grid, x, y, 3, ClassificationMetric.Accuracy, folds: 3, seed: 1);
        Assert.NotEqual(1e-4, result.Best.C);
        Assert.Equal(3, result.MeanScores.Count);
        Assert.True(result.MeanScores[0] < result.BestScore);
        var again = GridSearch.SelectClassifier(grid, x, y, 3, ClassificationMetric.Accuracy, folds: 3, seed: 1);
        Assert.Equal(result, again with { MeanScores = result.MeanScores });
        Assert.Equal(result.MeanScores, again.MeanScores);

        var auc = GridSearch.SelectClassifier(grid, x, y, 3, ClassificationMetric.RocAuc, seed: 1);
        Assert.InRange(auc.BestScore, 0.9, 1.0);
    }

    [Fact]
    public void GridSearchSelectsRegressors()
    {
        var rng = new SeededRandom(8);
        double[][] x = [.. Enumerable.Range(0, 60).Select(_ => new[] { rng.NextNormal(), rng.NextNormal() })];
        double[] y = [.. x.Select(r => 3 * r[0] - r[1] + 0.1 * rng.NextNormal())];
        var grid = new IRegressorFactory[] { new LinearRegressionOptions { Alpha = 1000 }, new LinearRegressionOptions { Alpha = 0.01 } };
        var result = GridSearch.SelectRegressor(grid, x, y, RegressionMetric.R2, seed: 2);
        Assert.Equal(0.01, ((LinearRegressionOptions)result.Best).Alpha);
        Assert.True(result.BestScore > 0.95);
    }
}
