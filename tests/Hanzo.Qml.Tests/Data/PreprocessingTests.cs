using Hanzo.Qml.Data;

namespace Hanzo.Qml.Tests.Data;

public class PreprocessingTests
{
    [Fact]
    public void StandardScalerUsesPopulationStatisticsOfTheTrainingData()
    {
        var s = StandardScaler.Fit([[0.0, 5.0], [2.0, 5.0]]);
        Assert.Equal([1.0, 5.0], s.Means);
        Assert.Equal([1.0, 1.0], s.Scales); // sd of {0, 2} is 1; the constant column gets scale 1
        Assert.Equal([9.0, -5.0], s.Transform([10.0, 0.0]));
        Assert.Equal([10.0, 0.0], s.InverseTransform([9.0, -5.0]));
    }

    [Fact]
    public void MinMaxScalerMapsTheTrainingRangeOntoZeroToPi()
    {
        var m = MinMaxScaler.Fit([[0.0], [10.0], [5.0]]);
        Assert.Equal(0.0, m.Transform([0.0])[0]);
        Assert.Equal(Math.PI, m.Transform([10.0])[0], 15);
        Assert.Equal(2 * Math.PI, m.Transform([20.0])[0], 15);   // not clipped by default
        var clipped = MinMaxScaler.Fit([[0.0], [10.0]], clip: true);
        Assert.Equal(Math.PI, clipped.Transform([20.0])[0]);
        var custom = MinMaxScaler.Fit([[0.0], [10.0]], -1, 1);
        Assert.Equal(0.0, custom.Transform([5.0])[0], 15);
        Assert.Equal(0.0, MinMaxScaler.Fit([[3.0], [3.0]]).Transform([7.0])[0]); // constant feature → range minimum
    }

    [Fact]
    public void PipelineTransformsTestDataWithTrainingStatistics()
    {
        double[][] train = [[1.0, 10.0], [3.0, 30.0], [5.0, 20.0]];
        double[][] test = [[7.0, 40.0], [-1.0, 0.0]];
        var p = Preprocessor.Fit(train, new PreprocessingOptions());

        var s = StandardScaler.Fit(train);
        var m = MinMaxScaler.Fit(s.Transform(train));
        var expected = m.Transform(s.Transform(test));
        var actual = p.Transform(test);
        for (int i = 0; i < test.Length; i++)
            for (int j = 0; j < 2; j++) Assert.Equal(expected[i][j], actual[i][j], 14);

        // A transform fitted on the test rows themselves gives different numbers: the pipeline did not peek.
        var leaky = Preprocessor.Fit(test).Transform(test);
        Assert.NotEqual(leaky[0][0], actual[0][0]);
        Assert.True(actual[0][0] > Math.PI); // the test value lies beyond the training maximum
    }

    [Fact]
    public void PcaFindsTheKnownAxesOfASmallExample()
    {
        // Points on the diagonal ±(2, 2) and the anti-diagonal ±(0.5, −0.5): covariance [[8.5, 7.5], [7.5, 8.5]]/3,
        // eigenvalues 16/3 along (1, 1)/√2 and 1/3 along (1, −1)/√2.
        double[][] x = [[2, 2], [-2, -2], [0.5, -0.5], [-0.5, 0.5]];
        var pca = PcaTransform.Fit(x, 2);
        double r = Math.Sqrt(0.5);
        Assert.Equal(16.0 / 3, pca.ExplainedVariance[0], 12);
        Assert.Equal(1.0 / 3, pca.ExplainedVariance[1], 12);
        Assert.Equal(16.0 / 17, pca.ExplainedVarianceRatio[0], 12);
        Assert.Equal(r, pca.Components[0][0], 12);
        Assert.Equal(r, pca.Components[0][1], 12);
        Assert.Equal(r, pca.Components[1][0], 12);   // sign convention: largest entry positive, first on ties
        Assert.Equal(-r, pca.Components[1][1], 12);
        var z = pca.Transform([2.0, 2.0]);
        Assert.Equal(2 * Math.Sqrt(2), z[0], 12);
        Assert.Equal(0.0, z[1], 12);
    }

    [Fact]
    public void PcaOnIrisMatchesScikitLearnsExplainedVariance()
    {
        // scikit-learn's PCA example ("Comparison of LDA and PCA 2D projection of Iris dataset") prints
        // explained variance ratio (first two components): [0.92461872 0.05306648].
        var iris = BuiltInDatasets.Load("iris");
        var pca = PcaTransform.Fit(iris.ToJaggedArray(), 2);
        Assert.Equal(0.92461872, pca.ExplainedVarianceRatio[0], 7);
        Assert.Equal(0.05306648, pca.ExplainedVarianceRatio[1], 7);
        // First component of iris (scikit-learn: [0.36138659, -0.08452251, 0.85667061, 0.3582892]).
        double[] expected = [0.36138659, -0.08452251, 0.85667061, 0.3582892];
        for (int j = 0; j < 4; j++) Assert.Equal(expected[j], pca.Components[0][j], 7);
    }

    [Fact]
    public void JacobiEigenSolverReconstructsASymmetricMatrix()
    {
        var rng = new SeededRandom(3);
        int n = 7;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) a[i, j] = a[j, i] = rng.NextNormal();
        var (values, vectors) = SymmetricEigen.Decompose(a);
        for (int k = 1; k < n; k++) Assert.True(values[k - 1] >= values[k]);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double recon = 0, ortho = 0;
                for (int k = 0; k < n; k++)
                {
                    recon += vectors[i, k] * values[k] * vectors[j, k];
                    ortho += vectors[k, i] * vectors[k, j];
                }
                Assert.Equal(a[i, j], recon, 12);
                Assert.Equal(i == j ? 1.0 : 0.0, ortho, 12);
            }
    }

    [Fact]
    public void PipelineRoundTripsThroughJson()
    {
        var train = BuiltInDatasets.Load("wine").ToJaggedArray();
        var p = Preprocessor.Fit(train, new PreprocessingOptions { PcaComponents = 4, ClipAngles = true }, numQubits: 4);
        string json = p.ToJson();
        Assert.Contains("\"type\":\"pipeline\"", json);
        Assert.Contains("\"type\":\"pca\"", json);
        var back = Assert.IsType<Preprocessor>(DataTransform.FromJson(json));
        Assert.Equal(3, back.Steps.Count);
        Assert.Equal(4, back.OutputDimension);
        var a = p.Transform(train);
        var b = back.Transform(train);
        for (int i = 0; i < a.Length; i++) Assert.Equal(a[i], b[i]);
        Assert.Equal(json, back.ToJson());
    }

    [Fact]
    public void TransformsKeepOrRenameFeatureNames()
    {
        var iris = BuiltInDatasets.Load("iris");
        var scaled = Preprocessor.Fit(iris).Transform(iris);
        Assert.Equal(iris.FeatureNames, scaled.FeatureNames);
        Assert.Equal(iris.ClassIndexArray(), scaled.ClassIndexArray());
        var reduced = Preprocessor.Fit(iris, new PreprocessingOptions { PcaComponents = 2 }).Transform(iris);
        Assert.Equal(["pc0", "pc1"], reduced.FeatureNames);
    }

    [Fact]
    public void QubitCountMustMatchTheFeatures()
    {
        double[][] x = [[1, 2, 3], [4, 5, 7], [0, 1, 1]];
        var more = Assert.Throws<ArgumentException>(() => Preprocessor.Fit(x, numQubits: 5));
        Assert.Contains("5 qubits but the data has only 3 features and no reduction was asked for", more.Message);
        var fewer = Assert.Throws<ArgumentException>(() => Preprocessor.Fit(x, numQubits: 2));
        Assert.Contains("PcaComponents = 2", fewer.Message);
        Assert.Throws<ArgumentException>(() => Preprocessor.Fit(x, new PreprocessingOptions { PcaComponents = 1 }, numQubits: 2));
        Assert.Throws<ArgumentException>(() => Preprocessor.Fit(x, new PreprocessingOptions { PcaComponents = 4 }));
        Assert.Equal(2, Preprocessor.Fit(x, new PreprocessingOptions { PcaComponents = 2 }, numQubits: 2).OutputDimension);
    }

    [Fact]
    public void BadInputIsRejected()
    {
        var s = StandardScaler.Fit([[1.0, 2.0], [2.0, 3.0]]);
        Assert.Throws<ArgumentException>(() => s.Transform([1.0]));
        Assert.Throws<ArgumentException>(() => s.Transform([1.0, double.NaN]));
        Assert.Throws<ArgumentException>(() => StandardScaler.Fit([[1.0], [1.0, 2.0]]));
        Assert.Throws<ArgumentException>(() => PcaTransform.Fit([[1.0, 2.0]], 1));
        Assert.Throws<ArgumentException>(() => MinMaxScaler.Fit([[1.0]], 1, 1));
        Assert.False(PreprocessingOptions.None.Standardize);
        var raw = Preprocessor.Fit([[5.0], [7.0]], PreprocessingOptions.None);
        Assert.Equal([5.0], raw.Transform([5.0]));
    }
}
