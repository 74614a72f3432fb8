using Hanzo.Qml.Classical.Metrics;

namespace Hanzo.Qml.Tests.Classical;

/// <summary>Values are the outputs printed in scikit-learn's own documentation examples, or worked by hand (shown).</summary>
public class MetricsTests
{
    [Fact]
    public void AccuracyMatchesScikitLearnDocs() =>
        Assert.Equal(0.5, ClassificationMetrics.Accuracy([0, 1, 2, 3], [0, 2, 1, 3]));

    [Fact]
    public void ConfusionMatrixMatchesScikitLearnDocs()
    {
        var m = ClassificationMetrics.ConfusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]);
        Assert.Equal(new[,] { { 2, 0, 0 }, { 0, 0, 1 }, { 1, 0, 2 } }, m);
    }

    [Fact]
    public void MacroF1MatchesScikitLearnDocs()
    {
        // f1_score([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], average='macro') → 0.26666666666666666
        Assert.Equal(0.26666666666666666, ClassificationMetrics.MacroF1([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1]), 15);
        // Labels are the union of true and predicted: a predicted-only class scores 0 and counts in the mean.
        // Class 0: tp 1, fn 1 → F1 2/3; class 1: only a false positive → 0; mean 1/3.
        Assert.Equal(1.0 / 3, ClassificationMetrics.MacroF1([0, 0], [0, 1]), 15);
    }

    [Fact]
    public void BinaryRocAucMatchesScikitLearnDocs()
    {
        // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) → 0.75
        Assert.Equal(0.75, ClassificationMetrics.RocAuc([false, false, true, true], [0.1, 0.4, 0.35, 0.8]), 15);
    }

    [Fact]
    public void TiedScoresCountOneHalf()
    {
        // positives {0.5, 0.9}, negatives {0.5, 0.2}: pairs (0.5,0.5)=½, (0.5,0.2)=1, (0.9,0.5)=1, (0.9,0.2)=1 → 3.5/4
        Assert.Equal(0.875, ClassificationMetrics.RocAuc([false, true, false, true], [0.5, 0.5, 0.2, 0.9]), 15);
        Assert.Equal(0.5, ClassificationMetrics.RocAuc([false, true, false, true], [1, 1, 1, 1]), 15);
    }

    [Fact]
    public void MultiClassRocAucIsTheOneVersusRestMacroMean()
    {
        int[] y = [0, 1, 2, 0, 1, 2];
        double[][] p =
        [
            [0.7, 0.2, 0.1], [0.3, 0.4, 0.3], [0.2, 0.5, 0.3],
            [0.4, 0.4, 0.2], [0.1, 0.8, 0.1], [0.1, 0.2, 0.7],
        ];
        // class 0: positives {0.7, 0.4} vs negatives {0.3, 0.2, 0.1, 0.1} → 8/8 = 1
        // class 1: positives {0.4, 0.8} vs {0.2, 0.5, 0.4, 0.2} → 0.4: 1+0+½+1 = 2.5; 0.8: 4 → 6.5/8
        // class 2: positives {0.3, 0.7} vs {0.1, 0.3, 0.2, 0.1} → 0.3: 1+½+1+1 = 3.5; 0.7: 4 → 7.5/8
        double expected = (1.0 + 6.5 / 8 + 7.5 / 8) / 3;
        Assert.Equal(expected, ClassificationMetrics.RocAuc(y, p), 15);
        // Binary probabilities use column 1.
        Assert.Equal(0.75, ClassificationMetrics.RocAuc([0, 0, 1, 1], [[0.9, 0.1], [0.6, 0.4], [0.65, 0.35], [0.2, 0.8]]), 15);
    }

    [Fact]
    public void UndefinedAucIsAnError()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.RocAuc([true, true], [0.1, 0.2]));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.RocAuc([0, 1, 1], [[0.2, 0.3, 0.5], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4]]));
    }

    [Fact]
    public void RegressionMetricsMatchScikitLearnDocs()
    {
        double[] y = [3, -0.5, 2, 7];
        double[] p = [2.5, 0.0, 2, 8];
        Assert.Equal(0.375, RegressionMetrics.Mse(y, p), 15);
        Assert.Equal(0.5, RegressionMetrics.Mae(y, p), 15);
        Assert.Equal(0.9486081370449679, RegressionMetrics.R2(y, p), 14);
        Assert.Equal(1.0, RegressionMetrics.R2([2, 2], [2, 2]));
        Assert.Equal(0.0, RegressionMetrics.R2([2, 2], [2, 3]));
        Assert.Equal(-0.375, RegressionMetrics.Score(RegressionMetric.NegativeMse, y, p), 15);
    }
}
