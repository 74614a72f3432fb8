using Hanzo.Qml.Data;

namespace Hanzo.Qml.Tests.Data;

public class BuiltInDatasetTests
{
    [Theory]
    [InlineData("iris", 150, 4, new[] { 50, 50, 50 })]
    [InlineData("wine", 178, 13, new[] { 59, 71, 48 })]
    [InlineData("breast_cancer", 569, 30, new[] { 212, 357 })]
    [InlineData("solubility", 1282, 16, new[] { 655, 627 })]
    public void ClassificationSetsHaveTheDocumentedShape(string name, int rows, int features, int[] counts)
    {
        var d = BuiltInDatasets.Load(name);
        Assert.Equal(name, d.Name);
        Assert.Equal(TaskKind.Classification, d.Task);
        Assert.Equal(rows, d.NumSamples);
        Assert.Equal(features, d.NumFeatures);
        Assert.Equal(counts, d.ClassCounts());
    }

    [Fact]
    public void SolubilityExposesItsPublishedSplit()
    {
        var split = BuiltInDatasets.LoadSplit("solubility");
        Assert.Equal(1025, split.Train.NumSamples);
        Assert.Equal(257, split.Test.NumSamples);
        Assert.Equal(511, split.Train.ClassCounts()[1]);
        Assert.Equal(116, split.Test.ClassCounts()[1]);
        Assert.Equal("mol_wt", split.Train.FeatureNames[0]);
        Assert.True(BuiltInDatasets.HasPublishedSplit("solubility"));
        Assert.False(BuiltInDatasets.HasPublishedSplit("iris"));
    }

    [Fact]
    public void SolubilityRegressionIsARegressionTask()
    {
        var split = BuiltInDatasets.LoadSplit("solubility_reg");
        Assert.Equal(TaskKind.Regression, split.Train.Task);
        Assert.Equal(1025, split.Train.NumSamples);
        Assert.Equal(257, split.Test.NumSamples);
        Assert.Equal(-3.68, split.Test.Targets[0]);
        var all = BuiltInDatasets.Load("solubility_reg");
        Assert.Equal(1282, all.NumSamples);
        Assert.InRange(all.Targets.ToArray().Min(), -11.63, -11.61);
    }

    [Fact]
    public void DatasetsAreEmbeddedInTheAssembly()
    {
        var names = typeof(BuiltInDatasets).Assembly.GetManifestResourceNames();
        foreach (var file in new[] { "iris", "wine", "breast_cancer", "solubility_cls_train", "solubility_cls_test", "solubility_reg_train", "solubility_reg_test" })
            Assert.Contains($"Hanzo.Qml.Datasets.{file}.csv", names);
    }

    [Fact]
    public void UnknownNamesAndMissingSplitsAreClearErrors()
    {
        var e = Assert.Throws<ArgumentException>(() => BuiltInDatasets.Load("mnist"));
        Assert.Contains("iris", e.Message);
        Assert.Throws<ArgumentException>(() => BuiltInDatasets.LoadSplit("iris"));
        Assert.Equal(150, BuiltInDatasets.Load("IRIS").NumSamples);
    }
}
