namespace Hanzo.Qml.Data;

/// <summary>A dataset's published train/test split.</summary>
/// <param name="Train">The training rows.</param>
/// <param name="Test">The held-out rows.</param>
public sealed record DatasetSplit(Dataset Train, Dataset Test);

/// <summary>
/// Real, public datasets shipped inside the library (embedded resources), so they load from any working directory
/// and in a packed tool. Sources and attribution: <c>datasets/README.md</c> in the repository.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>iris</term><description>3 classes, 150 rows, 4 features (Fisher 1936).</description></item>
/// <item><term>wine</term><description>3 classes, 178 rows, 13 features (UCI Wine).</description></item>
/// <item><term>breast_cancer</term><description>2 classes (0 = malignant, 1 = benign), 569 rows, 30 features (UCI WDBC).</description></item>
/// <item><term>solubility</term><description>2 classes (1 = logS above the train median −2.41), 16 RDKit descriptors;
/// published split 1025 train / 257 test (Huuskonen 2000, RDKit's files).</description></item>
/// <item><term>solubility_reg</term><description>regression on logS, same rows, features and split.</description></item>
/// </list>
/// Rows are in the order of the source, often sorted by class: shuffle (seeded) before splitting, which the splitters
/// in <see cref="CrossValidation"/> do. The solubility descriptors differ in scale by three orders of magnitude:
/// standardise (fitted on the training split) before any angle encoding.
/// </remarks>
public static class BuiltInDatasets
{
    private const string Prefix = "Hanzo.Qml.Datasets.";

    private static readonly Dictionary<string, (string? Whole, string? Train, string? Test)> Files = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iris"] = ("iris.csv", null, null),
        ["wine"] = ("wine.csv", null, null),
        ["breast_cancer"] = ("breast_cancer.csv", null, null),
        ["solubility"] = (null, "solubility_cls_train.csv", "solubility_cls_test.csv"),
        ["solubility_reg"] = (null, "solubility_reg_train.csv", "solubility_reg_test.csv"),
    };

    /// <summary>The names <see cref="Load"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["iris", "wine", "breast_cancer", "solubility", "solubility_reg"];

    /// <summary>True when <paramref name="name"/> has a published train/test split (<see cref="LoadSplit"/>).</summary>
    public static bool HasPublishedSplit(string name) => Lookup(name).Train is not null;

    /// <summary>
    /// The whole dataset. For a dataset with a published split the rows are the training rows followed by the test rows,
    /// so cross-validation can use them all.
    /// </summary>
    /// <exception cref="ArgumentException">When the name is unknown.</exception>
    public static Dataset Load(string name)
    {
        var (whole, train, test) = Lookup(name);
        string canonical = Canonical(name);
        if (whole is not null) return Read(whole, canonical);
        return Read(train!, canonical).Concat(Read(test!, canonical));
    }

    /// <summary>The published train/test split (solubility, solubility_reg).</summary>
    /// <exception cref="ArgumentException">When the name is unknown or the dataset has no published split.</exception>
    public static DatasetSplit LoadSplit(string name)
    {
        var (_, train, test) = Lookup(name);
        string canonical = Canonical(name);
        if (train is null)
            throw new ArgumentException($"Dataset '{canonical}' has no published train/test split; use CrossValidation.StratifiedTrainTestSplit or k-fold splits.", nameof(name));
        return new DatasetSplit(Read(train, canonical + "_train"), Read(test!, canonical + "_test"));
    }

    private static string Canonical(string name) => Names.First(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    private static (string? Whole, string? Train, string? Test) Lookup(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Files.TryGetValue(name, out var f) ? f
            : throw new ArgumentException($"Unknown built-in dataset '{name}'; known: {string.Join(", ", Names)}.", nameof(name));
    }

    private static Dataset Read(string file, string datasetName)
    {
        using var stream = typeof(BuiltInDatasets).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException($"The built-in dataset file '{file}' is missing from the assembly; the build did not embed datasets/{file}.");
        using var reader = new StreamReader(stream);
        return CsvDataset.Read(reader, file, new CsvDatasetOptions { Name = datasetName });
    }
}
