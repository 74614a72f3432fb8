namespace Hanzo.Qml.Data;

/// <summary>One train/test partition of row indices.</summary>
/// <param name="Repeat">0-based repeat of a repeated cross-validation (0 for a single one).</param>
/// <param name="Index">0-based fold within the repeat.</param>
/// <param name="Train">Training row indices, ascending.</param>
/// <param name="Test">Test row indices, ascending.</param>
public sealed record Fold(int Repeat, int Index, IReadOnlyList<int> Train, IReadOnlyList<int> Test);

/// <summary>
/// Seeded splitters: stratified and plain k-fold, their repeated forms, and train/test splits. All shuffle with
/// <see cref="SeededRandom"/>, so a seed gives the same folds on every machine and .NET version, and every model of a
/// benchmark can be run on identical splits.
/// </summary>
/// <remarks>
/// Stratified k-fold shuffles each class's rows, lays the classes end to end and deals the rows to the folds in turn
/// (row p of that sequence goes to fold p mod k). Every class is then spread over the folds as evenly as possible (its
/// counts per fold differ by at most one) and so are the fold sizes; each row is a test row exactly once per repeat.
/// Repeat r uses the sub-stream <see cref="SeededRandom.Derive"/>(seed, r), so repeats are independent and adding
/// repeats does not change the earlier ones.
/// </remarks>
public static class CrossValidation
{
    /// <summary>The default number of folds of the benchmark (5, repeated <see cref="DefaultRepeats"/> times).</summary>
    public const int DefaultFolds = 5;

    /// <summary>The default number of repeats: 5×5 = 25 paired scores, enough for the corrected resampled t-test.</summary>
    public const int DefaultRepeats = 5;

    /// <summary>Stratified k-fold over class labels.</summary>
    /// <param name="labels">Class index of every row.</param>
    /// <param name="folds">Number of folds k (2 ≤ k ≤ the smallest class size).</param>
    /// <param name="seed">Shuffle seed.</param>
    /// <exception cref="ArgumentException">When k is out of range or a class has fewer rows than folds.</exception>
    public static IReadOnlyList<Fold> StratifiedKFold(IReadOnlyList<int> labels, int folds = DefaultFolds, long seed = 0) =>
        StratifiedRepeat(labels, folds, new SeededRandom(SeededRandom.Derive(seed, 0)), 0);

    /// <summary>Repeated stratified k-fold: <paramref name="repeats"/> independent stratified k-folds, repeat-major order.</summary>
    /// <exception cref="ArgumentException">When an argument is out of range or a class has fewer rows than folds.</exception>
    public static IReadOnlyList<Fold> RepeatedStratifiedKFold(IReadOnlyList<int> labels, int folds = DefaultFolds, int repeats = DefaultRepeats, long seed = 0)
    {
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "At least one repeat is needed.");
        var all = new List<Fold>(folds * repeats);
        for (int r = 0; r < repeats; r++) all.AddRange(StratifiedRepeat(labels, folds, new SeededRandom(SeededRandom.Derive(seed, r)), r));
        return all;
    }

    /// <summary>Plain (unstratified) shuffled k-fold, for regression.</summary>
    /// <exception cref="ArgumentException">When k is out of range.</exception>
    public static IReadOnlyList<Fold> KFold(int count, int folds = DefaultFolds, long seed = 0) =>
        PlainRepeat(count, folds, new SeededRandom(SeededRandom.Derive(seed, 0)), 0);

    /// <summary>Repeated shuffled k-fold, for regression.</summary>
    /// <exception cref="ArgumentException">When an argument is out of range.</exception>
    public static IReadOnlyList<Fold> RepeatedKFold(int count, int folds = DefaultFolds, int repeats = DefaultRepeats, long seed = 0)
    {
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "At least one repeat is needed.");
        var all = new List<Fold>(folds * repeats);
        for (int r = 0; r < repeats; r++) all.AddRange(PlainRepeat(count, folds, new SeededRandom(SeededRandom.Derive(seed, r)), r));
        return all;
    }

    /// <summary>The folds a dataset calls for: stratified for classification, plain for regression.</summary>
    public static IReadOnlyList<Fold> For(Dataset data, int folds = DefaultFolds, int repeats = DefaultRepeats, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Task == TaskKind.Classification
            ? RepeatedStratifiedKFold(data.ClassIndexArray(), folds, repeats, seed)
            : RepeatedKFold(data.NumSamples, folds, repeats, seed);
    }

    /// <summary>
    /// A stratified train/test split: each class contributes its share of test rows (largest-remainder rounding of
    /// <paramref name="testFraction"/> × class size), keeping at least one row of every class on each side.
    /// </summary>
    /// <exception cref="ArgumentException">When the fraction is not in (0, 1) or a class has a single row.</exception>
    public static Fold StratifiedTrainTestSplit(IReadOnlyList<int> labels, double testFraction = 0.25, long seed = 0)
    {
        var byClass = GroupByClass(labels);
        CheckFraction(testFraction);
        foreach (var (c, rows) in byClass)
            if (rows.Count < 2) throw new ArgumentException($"Class {c} has a single row; a stratified split needs at least two per class.", nameof(labels));
        int n = labels.Count;
        int totalTest = Math.Clamp((int)Math.Ceiling(testFraction * n), byClass.Count, n - byClass.Count);
        // Largest remainder: floor shares first, then the classes with the biggest fractional parts get the rest.
        var share = byClass.Select(g => (g.Class, Exact: totalTest * (double)g.Rows.Count / n)).ToList();
        var take = share.ToDictionary(s => s.Class, s => Math.Clamp((int)Math.Floor(s.Exact), 1, byClass.First(g => g.Class == s.Class).Rows.Count - 1));
        int left = totalTest - take.Values.Sum();
        foreach (var s in share.OrderByDescending(s => s.Exact - Math.Floor(s.Exact)).ThenBy(s => s.Class))
        {
            if (left <= 0) break;
            if (take[s.Class] < byClass.First(g => g.Class == s.Class).Rows.Count - 1) { take[s.Class]++; left--; }
        }
        var rng = new SeededRandom(SeededRandom.Derive(seed, 0));
        var test = new List<int>();
        var train = new List<int>();
        foreach (var (c, rows) in byClass)
        {
            var shuffled = rows.ToArray();
            rng.Shuffle(shuffled.AsSpan());
            test.AddRange(shuffled.Take(take[c]));
            train.AddRange(shuffled.Skip(take[c]));
        }
        train.Sort();
        test.Sort();
        return new Fold(0, 0, train, test);
    }

    /// <summary>A shuffled (unstratified) train/test split with ⌈fraction·n⌉ test rows.</summary>
    /// <exception cref="ArgumentException">When the fraction is not in (0, 1) or there are fewer than two rows.</exception>
    public static Fold TrainTestSplit(int count, double testFraction = 0.25, long seed = 0)
    {
        if (count < 2) throw new ArgumentOutOfRangeException(nameof(count), count, "A split needs at least two rows.");
        CheckFraction(testFraction);
        int nTest = Math.Clamp((int)Math.Ceiling(testFraction * count), 1, count - 1);
        var perm = new SeededRandom(SeededRandom.Derive(seed, 0)).Permutation(count);
        var test = perm.Take(nTest).Order().ToArray();
        var train = perm.Skip(nTest).Order().ToArray();
        return new Fold(0, 0, train, test);
    }

    private static IReadOnlyList<Fold> StratifiedRepeat(IReadOnlyList<int> labels, int folds, SeededRandom rng, int repeat)
    {
        var byClass = GroupByClass(labels);
        CheckFolds(folds, labels.Count);
        foreach (var (c, rows) in byClass)
            if (rows.Count < folds)
                throw new ArgumentException($"Class {c} has {rows.Count} row(s), fewer than the {folds} folds; some training folds would miss it. Use fewer folds.", nameof(labels));
        var sequence = new List<int>(labels.Count);
        foreach (var (_, rows) in byClass)
        {
            var shuffled = rows.ToArray();
            rng.Shuffle(shuffled.AsSpan());
            sequence.AddRange(shuffled);
        }
        return Deal(sequence, labels.Count, folds, repeat);
    }

    private static IReadOnlyList<Fold> PlainRepeat(int count, int folds, SeededRandom rng, int repeat)
    {
        CheckFolds(folds, count);
        return Deal(rng.Permutation(count), count, folds, repeat);
    }

    private static IReadOnlyList<Fold> Deal(IReadOnlyList<int> sequence, int count, int folds, int repeat)
    {
        var foldOf = new int[count];
        for (int p = 0; p < sequence.Count; p++) foldOf[sequence[p]] = p % folds;
        var result = new Fold[folds];
        for (int f = 0; f < folds; f++)
        {
            var train = new List<int>();
            var test = new List<int>();
            for (int i = 0; i < count; i++) (foldOf[i] == f ? test : train).Add(i);
            result[f] = new Fold(repeat, f, train, test);
        }
        return result;
    }

    private static List<(int Class, List<int> Rows)> GroupByClass(IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var groups = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i] < 0) throw new ArgumentException($"Row {i}: class index {labels[i]} is negative.", nameof(labels));
            if (!groups.TryGetValue(labels[i], out var list)) groups[labels[i]] = list = [];
            list.Add(i);
        }
        if (groups.Count < 2) throw new ArgumentException("Stratification needs at least two classes.", nameof(labels));
        return [.. groups.Select(g => (g.Key, g.Value))];
    }

    private static void CheckFolds(int folds, int count)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "Cross-validation needs at least 2 folds.");
        if (folds > count) throw new ArgumentOutOfRangeException(nameof(folds), folds, $"{folds} folds need at least {folds} rows; there are {count}.");
    }

    private static void CheckFraction(double f)
    {
        if (!(f > 0 && f < 1)) throw new ArgumentOutOfRangeException(nameof(f), f, "The test fraction must be strictly between 0 and 1.");
    }
}
