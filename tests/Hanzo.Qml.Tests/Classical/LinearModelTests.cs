using Hanzo.Qml.Classical;
using Hanzo.Qml.Classical.Linear;
using Hanzo.Qml.Classical.Metrics;
using Hanzo.Qml.Data;

namespace Hanzo.Qml.Tests.Classical;

public class LinearModelTests
{
    internal static (Dataset Train, Dataset Test) StandardisedSplit(string name, long seed = 0)
    {
        var data = BuiltInDatasets.Load(name);
        var fold = data.Task == TaskKind.Classification
            ? CrossValidation.StratifiedTrainTestSplit(data.ClassIndexArray(), 0.25, seed)
            : CrossValidation.TrainTestSplit(data.NumSamples, 0.25, seed);
        var train = data.Subset(fold.Train);
        var test = data.Subset(fold.Test);
        var scaler = StandardScaler.Fit(train);
        return (scaler.Transform(train), scaler.Transform(test));
    }

    [Fact]
    public void LogisticRegressionClassifiesIris()
    {
        var (train, test) = StandardisedSplit("iris");
        var model = new LogisticRegression();
        model.Fit(train);
        Assert.True(model.Converged);
        double accuracy = ClassificationMetrics.Accuracy(test.ClassIndexArray(), model.Predict(test));
        Assert.True(accuracy >= 0.9, $"accuracy {accuracy}");
        var proba = model.PredictProba(test);
        Assert.All(proba, p => Assert.Equal(1.0, p.Sum(), 12));
        Assert.Equal(3, model.Coefficients.Count);
    }

    [Fact]
    public void BinaryLogisticRegressionSeparatesBreastCancer()
    {
        var (train, test) = StandardisedSplit("breast_cancer");
        var model = new LogisticRegressionOptions { C = 1.0 }.CreateClassifier();
        model.Fit(train);
        double auc = ClassificationMetrics.RocAuc(test.ClassIndexArray(), model.PredictProba(test));
        Assert.True(auc > 0.98, $"AUC {auc}");
        Assert.Single(((LogisticRegression)model).Coefficients);
    }

    [Fact]
    public void LogisticRegressionSolvesTheOptimalityCondition()
    {
        // At the minimum of C·Σ log-loss + ½‖w‖², the gradient vanishes: w = C·Σ (y − σ(w·x + b))·x and Σ (y − σ) = 0.
        double[][] x = [[0.5, 1.0], [1.5, -0.5], [-1.0, 0.3], [2.0, 2.0], [-0.5, -1.5], [0.1, 0.2]];
        int[] y = [1, 1, 0, 1, 0, 0];
        var model = new LogisticRegression(new LogisticRegressionOptions { C = 2.0, Tolerance = 1e-10 });
        model.Fit(x, y, 2);
        var w = model.Coefficients[0];
        double b = model.Intercepts[0];
        var g = new double[2];
        double gb = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double r = y[i] - 1 / (1 + Math.Exp(-(w[0] * x[i][0] + w[1] * x[i][1] + b)));
            g[0] += 2.0 * r * x[i][0];
            g[1] += 2.0 * r * x[i][1];
            gb += r;
        }
        Assert.Equal(w[0], g[0], 7);
        Assert.Equal(w[1], g[1], 7);
        Assert.Equal(0.0, gb, 7);
    }

    [Fact]
    public void LogisticRegressionIsDeterministicAndHandlesAbsentClasses()
    {
        double[][] x = [[0.0], [1.0], [2.0], [3.0]];
        var a = new LogisticRegression();
        a.Fit(x, [0, 0, 2, 2], 3);
        var p = a.PredictProba(x);
        Assert.All(p, row => Assert.Equal(0.0, row[1]));
        Assert.Equal([0, 0, 2, 2], a.Predict(x));
        var b = new LogisticRegression();
        b.Fit(x, [0, 0, 2, 2], 3);
        Assert.Equal(p, b.PredictProba(x));
        Assert.Throws<ArgumentException>(() => new LogisticRegression().Fit(x, [1, 1, 1, 1], 2));
        Assert.Throws<InvalidOperationException>(() => new LogisticRegression().Predict(x));
        Assert.Throws<ArgumentException>(() => a.Predict([[1.0, 2.0]]));
    }

    [Fact]
    public void LinearRegressionRecoversAnExactLine()
    {
        double[][] x = [[0.0, 1.0], [1.0, 0.0], [2.0, 3.0], [3.0, 1.0], [4.0, 2.0]];
        double[] y = [.. x.Select(r => 2 * r[0] - 3 * r[1] + 1)];
        var model = new LinearRegression();
        model.Fit(x, y);
        Assert.Equal(2.0, model.Coefficients[0], 10);
        Assert.Equal(-3.0, model.Coefficients[1], 10);
        Assert.Equal(1.0, model.Intercept, 10);
        Assert.Equal(y, model.Predict(x), (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void RidgeShrinksLikeTheClosedForm()
    {
        // One centred feature: β = Σxy / (Σx² + α).
        double[][] x = [[-1.0], [0.0], [1.0]];
        double[] y = [-2.0, 1.0, 4.0]; // mean 1, Σxy = 6, Σx² = 2
        var ridge = new LinearRegression(new LinearRegressionOptions { Alpha = 1.0 });
        ridge.Fit(x, y);
        Assert.Equal(2.0, ridge.Coefficients[0], 12);
        Assert.Equal(1.0, ridge.Intercept, 12);
        // Duplicate columns: OLS returns the minimum-norm split instead of failing.
        var ols = new LinearRegression();
        ols.Fit([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]], [2.0, 4.0, 6.0]);
        Assert.Equal(1.0, ols.Coefficients[0], 9);
        Assert.Equal(1.0, ols.Coefficients[1], 9);
    }

    [Fact]
    public void RidgeFitsSolubility()
    {
        var (train, test) = StandardisedSplit("solubility_reg");
        var model = new LinearRegressionOptions { Alpha = 1.0 }.CreateRegressor();
        model.Fit(train);
        double r2 = RegressionMetrics.R2(test.TargetArray(), model.Predict(test));
        Assert.True(r2 > 0.7, $"R² {r2}");
    }
}
