using FsCheck.Xunit;
using Hanzo.Qml.Data;

namespace Hanzo.Qml.Tests.Data;

public class CrossValidationTests
{
    [Fact]
    public void SplitMix64MatchesTheReferenceStream()
    {
        // Reference outputs of Vigna's splitmix64.c for state 0.
        var r = new SeededRandom(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, r.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, r.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, r.NextUInt64());
    }

    [Fact]
    public void UniformIntegersAndDoublesStayInRange()
    {
        var r = new SeededRandom(11);
        var counts = new int[7];
        for (int i = 0; i < 70_000; i++) counts[r.NextInt(7)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
        for (int i = 0; i < 10_000; i++) Assert.InRange(r.NextDouble(0, 2 * Math.PI), 0, Math.BitDecrement(2 * Math.PI));
        double sum = 0, sumSq = 0;
        for (int i = 0; i < 20_000; i++) { double z = r.NextNormal(); sum += z; sumSq += z * z; }
        Assert.InRange(sum / 20_000, -0.03, 0.03);
        Assert.InRange(sumSq / 20_000, 0.96, 1.04);
    }

    [Property(MaxTest = 60)]
    public bool StratifiedFoldsPartitionTheRowsAndKeepClassProportions(int seed)
    {
        var rng = new SeededRandom(seed);
        int k = 2 + rng.NextInt(5);
        int classes = 2 + rng.NextInt(3);
        var labels = new List<int>();
        for (int c = 0; c < classes; c++)
        {
            int count = k + rng.NextInt(30);
            for (int i = 0; i < count; i++) labels.Add(c);
        }
        new SeededRandom(seed + 1).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(labels));
        int repeats = 1 + rng.NextInt(3);
        var folds = CrossValidation.RepeatedStratifiedKFold(labels, k, repeats, seed);
        if (folds.Count != k * repeats) return false;
        for (int r = 0; r < repeats; r++)
        {
            var seen = new int[labels.Count];
            foreach (var f in folds.Where(f => f.Repeat == r))
            {
                foreach (int i in f.Test) seen[i]++;
                if (f.Train.Count + f.Test.Count != labels.Count || f.Train.Intersect(f.Test).Any()) return false;
                for (int c = 0; c < classes; c++)
                {
                    int total = labels.Count(l => l == c);
                    int inTest = f.Test.Count(i => labels[i] == c);
                    if (inTest < total / k || inTest > (total + k - 1) / k) return false;
                }
            }
            if (seen.Any(s => s != 1)) return false; // every row is a test row exactly once per repeat
            var sizes = folds.Where(f => f.Repeat == r).Select(f => f.Test.Count).ToArray();
            if (sizes.Max() - sizes.Min() > 1) return false;
        }
        return true;
    }

    [Fact]
    public void SplitsAreReproducibleAndRepeatsDiffer()
    {
        var labels = BuiltInDatasets.Load("iris").ClassIndexArray();
        var a = CrossValidation.RepeatedStratifiedKFold(labels, 5, 5, seed: 42);
        var b = CrossValidation.RepeatedStratifiedKFold(labels, 5, 5, seed: 42);
        Assert.Equal(a.Select(f => f.Test.ToArray()), b.Select(f => f.Test.ToArray()));
        Assert.NotEqual(a[0].Test, a[5].Test);
        var c = CrossValidation.RepeatedStratifiedKFold(labels, 5, 5, seed: 43);
        Assert.NotEqual(a[0].Test, c[0].Test);
        // A single stratified k-fold is repeat 0 of the repeated one: adding repeats never changes earlier folds.
        var single = CrossValidation.StratifiedKFold(labels, 5, seed: 42);
        Assert.Equal(single.Select(f => f.Test.ToArray()), a.Take(5).Select(f => f.Test.ToArray()));
        Assert.All(a.Take(5), f => Assert.Equal([10, 10, 10], f.Test.GroupBy(i => labels[i]).Select(g => g.Count())));
    }

    [Fact]
    public void PlainKFoldCoversEveryRowOnce()
    {
        var folds = CrossValidation.RepeatedKFold(23, 4, 2, seed: 5);
        for (int r = 0; r < 2; r++)
        {
            var tests = folds.Where(f => f.Repeat == r).SelectMany(f => f.Test).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, 23), tests);
        }
    }

    [Fact]
    public void StratifiedTrainTestSplitKeepsProportions()
    {
        var labels = BuiltInDatasets.Load("breast_cancer").ClassIndexArray();
        var split = CrossValidation.StratifiedTrainTestSplit(labels, 0.25, seed: 1);
        Assert.Equal(143, split.Test.Count); // ⌈0.25 · 569⌉
        Assert.Equal(569, split.Train.Count + split.Test.Count);
        Assert.Empty(split.Train.Intersect(split.Test));
        int malignantTest = split.Test.Count(i => labels[i] == 0);
        Assert.InRange(malignantTest, 53, 54); // 212/569 of 143 = 53.3
        var plain = CrossValidation.TrainTestSplit(10, 0.3, seed: 1);
        Assert.Equal(3, plain.Test.Count);
    }

    [Fact]
    public void InvalidRequestsAreClearErrors()
    {
        int[] labels = [0, 0, 0, 1, 1];
        var e = Assert.Throws<ArgumentException>(() => CrossValidation.StratifiedKFold(labels, 3));
        Assert.Contains("Class 1 has 2 row(s)", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.StratifiedKFold(labels, 1));
        Assert.Throws<ArgumentException>(() => CrossValidation.StratifiedKFold([0, 0, 0], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.KFold(3, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.TrainTestSplit(10, 1.0));
    }
}
