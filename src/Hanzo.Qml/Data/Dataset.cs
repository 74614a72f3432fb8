using System.Globalization;

namespace Hanzo.Qml.Data;

/// <summary>
/// An immutable table of samples: a dense feature matrix (row-major, n × d), feature names, and the response: class
/// indices 0..K−1 with their original names (classification) or real targets (regression).
/// </summary>
/// <remarks>
/// <para>The features are stored in one flat array and handed out as read-only spans or as fresh copies, so no caller
/// can change a dataset that another model is training on. Nothing here scales or reorders: a dataset is exactly what
/// was loaded or generated ("raw access"); preprocessing is a separate, fitted step (<see cref="Preprocessor"/>).</para>
/// <para>Class names are ordered numerically when every name is a number (so "2" precedes "10") and ordinally otherwise;
/// the class index of a name is its position in that order, so CSV labels 0..K−1 keep their values as indices.</para>
/// </remarks>
public sealed class Dataset
{
    private readonly double[] _features;
    private readonly string[] _featureNames;
    private readonly int[]? _classes;
    private readonly string[]? _classNames;
    private readonly double[]? _targets;

    private Dataset(string name, TaskKind task, int numSamples, int numFeatures, double[] features, string[] featureNames,
        string responseName, int[]? classes, string[]? classNames, double[]? targets)
    {
        Name = name;
        Task = task;
        NumSamples = numSamples;
        NumFeatures = numFeatures;
        _features = features;
        _featureNames = featureNames;
        ResponseName = responseName;
        _classes = classes;
        _classNames = classNames;
        _targets = targets;
    }

    /// <summary>A short name for messages and reports (the file name without extension for CSV files).</summary>
    public string Name { get; }

    /// <summary>Classification or regression.</summary>
    public TaskKind Task { get; }

    /// <summary>Number of rows.</summary>
    public int NumSamples { get; }

    /// <summary>Number of feature columns.</summary>
    public int NumFeatures { get; }

    /// <summary>Feature column names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames => _featureNames;

    /// <summary>Name of the response column (<c>label</c> or <c>target</c> for the built-in files).</summary>
    public string ResponseName { get; }

    /// <summary>Class names in index order (classification only; empty for regression).</summary>
    public IReadOnlyList<string> ClassNames => _classNames ?? [];

    /// <summary>Number of classes (0 for regression).</summary>
    public int NumClasses => _classNames?.Length ?? 0;

    /// <summary>The features of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> Row(int row)
    {
        if ((uint)row >= (uint)NumSamples) throw new ArgumentOutOfRangeException(nameof(row), row, $"Row must be in 0..{NumSamples - 1}.");
        return _features.AsSpan(row * NumFeatures, NumFeatures);
    }

    /// <summary>One feature value.</summary>
    public double this[int row, int column]
    {
        get
        {
            if ((uint)column >= (uint)NumFeatures) throw new ArgumentOutOfRangeException(nameof(column), column, $"Column must be in 0..{NumFeatures - 1}.");
            return Row(row)[column];
        }
    }

    /// <summary>The whole feature matrix, row-major (row i starts at i·<see cref="NumFeatures"/>).</summary>
    public ReadOnlySpan<double> FeatureData => _features;

    /// <summary>Class index (0..K−1) of every row. Throws for a regression dataset.</summary>
    public ReadOnlySpan<int> ClassIndices => _classes ?? throw new InvalidOperationException($"Dataset '{Name}' is a regression dataset; it has targets, not classes.");

    /// <summary>Target of every row. Throws for a classification dataset.</summary>
    public ReadOnlySpan<double> Targets => _targets ?? throw new InvalidOperationException($"Dataset '{Name}' is a classification dataset; it has classes, not targets.");

    /// <summary>The original label of row <paramref name="row"/> (its class name, or the target as text).</summary>
    public string Label(int row)
    {
        if ((uint)row >= (uint)NumSamples) throw new ArgumentOutOfRangeException(nameof(row), row, $"Row must be in 0..{NumSamples - 1}.");
        return _classes is not null ? _classNames![_classes[row]] : _targets![row].ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A fresh copy of the features as one array per row.</summary>
    public double[][] ToJaggedArray()
    {
        var rows = new double[NumSamples][];
        for (int i = 0; i < NumSamples; i++) rows[i] = Row(i).ToArray();
        return rows;
    }

    /// <summary>A fresh copy of the features as a 2-D array.</summary>
    public double[,] ToMatrix()
    {
        var m = new double[NumSamples, NumFeatures];
        for (int i = 0; i < NumSamples; i++)
            for (int j = 0; j < NumFeatures; j++) m[i, j] = _features[i * NumFeatures + j];
        return m;
    }

    /// <summary>A fresh copy of the class indices.</summary>
    public int[] ClassIndexArray() => ClassIndices.ToArray();

    /// <summary>A fresh copy of the targets.</summary>
    public double[] TargetArray() => Targets.ToArray();

    /// <summary>Number of rows of each class, in class-index order.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[NumClasses];
        foreach (int c in ClassIndices) counts[c]++;
        return counts;
    }

    /// <summary>
    /// The rows <paramref name="indices"/> (in that order; repeats allowed) as a new dataset. Classification subsets keep
    /// every class name, even a class absent from the subset, so indices mean the same thing in every fold.
    /// </summary>
    public Dataset Subset(IReadOnlyList<int> indices, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int d = NumFeatures;
        var x = new double[indices.Count * d];
        int[]? cls = _classes is null ? null : new int[indices.Count];
        double[]? tgt = _targets is null ? null : new double[indices.Count];
        for (int k = 0; k < indices.Count; k++)
        {
            int i = indices[k];
            if ((uint)i >= (uint)NumSamples) throw new ArgumentOutOfRangeException(nameof(indices), i, $"Row index {i} is outside 0..{NumSamples - 1}.");
            _features.AsSpan(i * d, d).CopyTo(x.AsSpan(k * d, d));
            if (cls is not null) cls[k] = _classes![i];
            if (tgt is not null) tgt[k] = _targets![i];
        }
        return new(name ?? Name, Task, indices.Count, d, x, _featureNames, ResponseName, cls, _classNames, tgt);
    }

    /// <summary>
    /// The same rows and responses with new features (for instance after preprocessing). Feature names default to
    /// <c>f0, f1, …</c> when the column count changes and none are given.
    /// </summary>
    public Dataset WithFeatures(IReadOnlyList<double[]> features, IReadOnlyList<string>? featureNames = null)
    {
        var (x, d) = Flatten(features, nameof(features));
        if (features.Count != NumSamples)
            throw new ArgumentException($"Dataset '{Name}' has {NumSamples} rows; the new features have {features.Count}.", nameof(features));
        string[] names = featureNames is not null ? CheckNames(featureNames, d)
            : d == NumFeatures ? _featureNames : DefaultNames(d);
        return new(Name, Task, NumSamples, d, x, names, ResponseName, _classes, _classNames, _targets);
    }

    /// <summary>The rows of <paramref name="other"/> appended to these (same columns, same task and classes).</summary>
    public Dataset Concat(Dataset other, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Task != Task || other.NumFeatures != NumFeatures || !other._featureNames.SequenceEqual(_featureNames))
            throw new ArgumentException($"Datasets '{Name}' and '{other.Name}' have different columns or tasks.", nameof(other));
        int[]? cls = null;
        string[]? classNames = _classNames;
        if (_classes is not null)
        {
            classNames = OrderClassNames(_classNames!.Concat(other._classNames!).Distinct(StringComparer.Ordinal));
            var map = classNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
            cls = [.. _classes.Select(c => map[_classNames![c]]), .. other._classes!.Select(c => map[other._classNames![c]])];
        }
        double[]? tgt = _targets is null ? null : [.. _targets, .. other._targets!];
        return new(name ?? Name, Task, NumSamples + other.NumSamples, NumFeatures, [.. _features, .. other._features],
            _featureNames, ResponseName, cls, classNames, tgt);
    }

    /// <summary>
    /// A classification dataset from features and class indices.
    /// </summary>
    /// <param name="name">Dataset name.</param>
    /// <param name="features">One array per row, all of the same length.</param>
    /// <param name="classIndices">Class index of each row, in 0..<paramref name="classNames"/>.Count−1.</param>
    /// <param name="classNames">Name of each class (default "0", "1", …, one per index up to the largest used).</param>
    /// <param name="featureNames">Column names (default f0, f1, …).</param>
    /// <param name="responseName">Name of the label column.</param>
    /// <exception cref="ArgumentException">When shapes disagree, a value is not finite, or fewer than two classes are named.</exception>
    public static Dataset ForClassification(string name, IReadOnlyList<double[]> features, IReadOnlyList<int> classIndices,
        IReadOnlyList<string>? classNames = null, IReadOnlyList<string>? featureNames = null, string responseName = "label")
    {
        ArgumentNullException.ThrowIfNull(classIndices);
        var (x, d) = Flatten(features, nameof(features));
        if (classIndices.Count != features.Count)
            throw new ArgumentException($"There are {features.Count} feature rows but {classIndices.Count} class indices.", nameof(classIndices));
        int max = classIndices.Count == 0 ? -1 : classIndices.Max();
        string[] names = classNames is not null ? [.. classNames]
            : [.. Enumerable.Range(0, max + 1).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        if (names.Length < 2) throw new ArgumentException("A classification dataset needs at least two classes.", nameof(classNames));
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length) throw new ArgumentException("Class names must be distinct.", nameof(classNames));
        var cls = classIndices.ToArray();
        for (int i = 0; i < cls.Length; i++)
            if ((uint)cls[i] >= (uint)names.Length)
                throw new ArgumentException($"Row {i}: class index {cls[i]} is outside 0..{names.Length - 1}.", nameof(classIndices));
        return new(CheckName(name), TaskKind.Classification, features.Count, d, x,
            featureNames is null ? DefaultNames(d) : CheckNames(featureNames, d), responseName, cls, names, null);
    }

    /// <summary>
    /// A classification dataset from features and original labels; the class names are the distinct labels in the
    /// documented order (numeric when all are numbers, ordinal otherwise).
    /// </summary>
    /// <exception cref="ArgumentException">When shapes disagree, a value is not finite, a label is empty, or there is only one class.</exception>
    public static Dataset FromLabels(string name, IReadOnlyList<double[]> features, IReadOnlyList<string> labels,
        IReadOnlyList<string>? featureNames = null, string responseName = "label")
    {
        ArgumentNullException.ThrowIfNull(labels);
        for (int i = 0; i < labels.Count; i++)
            if (string.IsNullOrWhiteSpace(labels[i])) throw new ArgumentException($"Row {i}: the label is empty.", nameof(labels));
        var classNames = OrderClassNames(labels.Distinct(StringComparer.Ordinal));
        if (classNames.Length < 2)
            throw new ArgumentException($"Every row has the label '{(classNames.Length == 1 ? classNames[0] : "")}'; a classifier needs at least two classes.", nameof(labels));
        var map = classNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        return ForClassification(name, features, [.. labels.Select(l => map[l])], classNames, featureNames, responseName);
    }

    /// <summary>A regression dataset from features and targets.</summary>
    /// <exception cref="ArgumentException">When shapes disagree or a value is not finite.</exception>
    public static Dataset ForRegression(string name, IReadOnlyList<double[]> features, IReadOnlyList<double> targets,
        IReadOnlyList<string>? featureNames = null, string responseName = "target")
    {
        ArgumentNullException.ThrowIfNull(targets);
        var (x, d) = Flatten(features, nameof(features));
        if (targets.Count != features.Count)
            throw new ArgumentException($"There are {features.Count} feature rows but {targets.Count} targets.", nameof(targets));
        var y = targets.ToArray();
        for (int i = 0; i < y.Length; i++)
            if (!double.IsFinite(y[i])) throw new ArgumentException($"Row {i}: the target {y[i]} is not a finite number.", nameof(targets));
        return new(CheckName(name), TaskKind.Regression, features.Count, d, x,
            featureNames is null ? DefaultNames(d) : CheckNames(featureNames, d), responseName, null, null, y);
    }

    /// <summary>Orders class names: numerically when every name parses as an invariant-culture number, ordinally otherwise.</summary>
    internal static string[] OrderClassNames(IEnumerable<string> names)
    {
        var list = names.ToList();
        var numbers = new double[list.Count];
        bool allNumeric = true;
        for (int i = 0; i < list.Count && allNumeric; i++)
            allNumeric = double.TryParse(list[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) && double.IsFinite(numbers[i]);
        if (allNumeric)
            return [.. list.Select((n, i) => (n, v: numbers[i])).OrderBy(p => p.v).ThenBy(p => p.n, StringComparer.Ordinal).Select(p => p.n)];
        return [.. list.Order(StringComparer.Ordinal)];
    }

    private static (double[] X, int D) Flatten(IReadOnlyList<double[]> rows, string paramName)
    {
        ArgumentNullException.ThrowIfNull(rows, paramName);
        if (rows.Count == 0) throw new ArgumentException("A dataset needs at least one row.", paramName);
        int d = rows[0]?.Length ?? throw new ArgumentException("Row 0 is null.", paramName);
        if (d == 0) throw new ArgumentException("A dataset needs at least one feature column.", paramName);
        var x = new double[(long)rows.Count * d];
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i] ?? throw new ArgumentException($"Row {i} is null.", paramName);
            if (r.Length != d) throw new ArgumentException($"Row {i} has {r.Length} features; row 0 has {d}.", paramName);
            for (int j = 0; j < d; j++)
                if (!double.IsFinite(r[j])) throw new ArgumentException($"Row {i}, feature {j}: {r[j]} is not a finite number.", paramName);
            r.CopyTo(x.AsSpan(i * d, d));
        }
        return (x, d);
    }

    private static string[] DefaultNames(int d) => [.. Enumerable.Range(0, d).Select(j => "f" + j.ToString(CultureInfo.InvariantCulture))];

    private static string[] CheckNames(IReadOnlyList<string> names, int d)
    {
        if (names.Count != d) throw new ArgumentException($"{names.Count} feature names given for {d} columns.", nameof(names));
        return [.. names];
    }

    private static string CheckName(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A dataset needs a name.", nameof(name)) : name;

    /// <inheritdoc />
    public override string ToString() =>
        Task == TaskKind.Classification
            ? $"{Name}: {NumSamples} rows × {NumFeatures} features, {NumClasses} classes"
            : $"{Name}: {NumSamples} rows × {NumFeatures} features, regression";
}
