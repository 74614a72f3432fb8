using Hanzo.Qml.Data;

namespace Hanzo.Qml.Tests.Data;

public class CsvDatasetTests
{
    [Fact]
    public void ReadsFeaturesLabelsAndNames()
    {
        var d = CsvDataset.Parse("a,b,label\n1.5,2,cat\n-3e2,0.25,dog\n4,5,cat\n", "pets.csv");
        Assert.Equal("pets", d.Name);
        Assert.Equal(TaskKind.Classification, d.Task);
        Assert.Equal(["a", "b"], d.FeatureNames);
        Assert.Equal(3, d.NumSamples);
        Assert.Equal(-300.0, d[1, 0]);
        Assert.Equal(["cat", "dog"], d.ClassNames);
        Assert.Equal([0, 1, 0], d.ClassIndexArray());
        Assert.Equal("dog", d.Label(1));
    }

    [Fact]
    public void NumericClassNamesAreOrderedNumerically()
    {
        var d = CsvDataset.Parse("x,label\n1,10\n2,2\n3,1\n");
        Assert.Equal(["1", "2", "10"], d.ClassNames);
        Assert.Equal([2, 1, 0], d.ClassIndexArray());
    }

    [Fact]
    public void TargetColumnMeansRegression()
    {
        var d = CsvDataset.Parse("x,target\n1,0.5\n2,-1.25\n");
        Assert.Equal(TaskKind.Regression, d.Task);
        Assert.Equal([0.5, -1.25], d.TargetArray());
        Assert.Throws<InvalidOperationException>(() => d.ClassIndices.ToArray());
    }

    [Fact]
    public void ResponseColumnCanBeNamedAnywhere()
    {
        var d = CsvDataset.Parse("y,x1,x2\n0,1,2\n1,3,4\n", options: new CsvDatasetOptions { ResponseColumn = "y", Task = TaskKind.Classification });
        Assert.Equal(["x1", "x2"], d.FeatureNames);
        Assert.Equal([1.0, 2.0], d.Row(0).ToArray());
        Assert.Equal([0, 1], d.ClassIndexArray());
    }

    [Fact]
    public void QuotedFieldsAndBlankLinesAreHandled()
    {
        var d = CsvDataset.Parse("\"first, feature\",label\n\n\"1.0\",\"a \"\"b\"\"\"\n2,c\n\n");
        Assert.Equal(["first, feature"], d.FeatureNames);
        Assert.Equal(["a \"b\"", "c"], d.ClassNames);
    }

    [Theory]
    [InlineData("a,b,label\n1,x,0\n2,3,1\n", 2, 2, "is not a number")]
    [InlineData("a,b,label\n1,2,0\n2,,1\n", 3, 2, "missing value")]
    [InlineData("a,b,label\n1,NaN,0\n2,3,1\n", 2, 2, "missing value")]
    [InlineData("a,b,label\n1,2,0\n2,3,1\n4,5\n", 4, 3, "fields but the header has 3")]
    [InlineData("a,b,label\n1,2,0,9\n", 2, 4, "4 fields")]
    [InlineData("a,b,label\n1,2,0\n3,4,\n", 3, 3, "missing value")]
    [InlineData("a,b,label\n1,1e999,0\n3,4,1\n", 2, 2, "not a finite number")]
    [InlineData("a,b,label\n1,\"2,0\n", 2, 2, "never closed")]
    public void MalformedCellsReportLineAndColumn(string csv, int line, int column, string fragment)
    {
        var e = Assert.Throws<DatasetFormatException>(() => CsvDataset.Parse(csv, "bad.csv"));
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(fragment, e.Message);
        Assert.StartsWith($"bad.csv, line {line}, column {column}", e.Message);
    }

    [Fact]
    public void SingleClassIsRejected()
    {
        var e = Assert.Throws<DatasetFormatException>(() => CsvDataset.Parse("a,label\n1,0\n2,0\n"));
        Assert.Contains("at least two classes", e.Message);
        Assert.Equal(2, e.Column);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("\n\n", "empty")]
    [InlineData("a,label\n", "no data rows")]
    [InlineData("a,b\n1,2\n", "'label'")]
    [InlineData("a,a,label\n1,2,0\n", "repeats column 1")]
    [InlineData("a,,label\n1,2,0\n", "empty column name")]
    [InlineData("label\n1\n", "one column")]
    public void StructuralErrorsAreClear(string csv, string fragment)
    {
        var e = Assert.Throws<DatasetFormatException>(() => CsvDataset.Parse(csv));
        Assert.Contains(fragment, e.Message);
    }

    [Fact]
    public void UnusualResponseNameNeedsTheTask()
    {
        var e = Assert.Throws<DatasetFormatException>(() => CsvDataset.Parse("a,logS\n1,2\n", options: new CsvDatasetOptions { ResponseColumn = "logS" }));
        Assert.Contains("task cannot be inferred", e.Message);
        var d = CsvDataset.Parse("a,logS\n1,2\n3,4\n", options: new CsvDatasetOptions { ResponseColumn = "logS", Task = TaskKind.Regression });
        Assert.Equal([2.0, 4.0], d.TargetArray());
    }

    [Fact]
    public void UnknownResponseColumnListsTheColumns()
    {
        var e = Assert.Throws<DatasetFormatException>(() => CsvDataset.Parse("a,label\n1,0\n", options: new CsvDatasetOptions { ResponseColumn = "y" }));
        Assert.Contains("a, label", e.Message);
    }

    [Fact]
    public void LoadReadsAFileAndNamesItAfterTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"hanzo-csv-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a,label\n1,0\n2,1\n");
        try
        {
            var d = CsvDataset.Load(path);
            Assert.Equal(Path.GetFileNameWithoutExtension(path), d.Name);
            Assert.Equal(2, d.NumSamples);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<FileNotFoundException>(() => CsvDataset.Load(path));
    }

    [Fact]
    public void DatasetIsImmutableThroughItsAccessors()
    {
        var d = CsvDataset.Parse("a,label\n1,0\n2,1\n");
        var rows = d.ToJaggedArray();
        rows[0][0] = 99;
        Assert.Equal(1.0, d[0, 0]);
        var sub = d.Subset([1, 1]);
        Assert.Equal([2.0, 2.0], sub.ToJaggedArray().Select(r => r[0]));
        Assert.Equal(2, sub.NumClasses);
    }
}
