using System.Globalization;
using System.Text;

namespace Hanzo.Qml.Data;

/// <summary>How <see cref="CsvDataset"/> reads a file.</summary>
public sealed record CsvDatasetOptions
{
    /// <summary>
    /// Name of the response column (any position). Null: the last column, which must then be named <c>label</c>
    /// (classification) or <c>target</c> (regression), case-insensitively.
    /// </summary>
    public string? ResponseColumn { get; init; }

    /// <summary>
    /// The task. Null: classification for a column named <c>label</c>, regression for <c>target</c>; a response column
    /// with another name needs the task stated, because guessing wrong turns a regression into a thousand classes.
    /// </summary>
    public TaskKind? Task { get; init; }

    /// <summary>Field separator (default comma).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Dataset name; null for the file name without extension.</summary>
    public string? Name { get; init; }
}

/// <summary>
/// Reads a dataset from CSV: a header row, numeric feature columns (invariant culture, <c>.</c> as decimal point) and
/// one response column. Values are not scaled or reordered.
/// </summary>
/// <remarks>
/// Every fault is a <see cref="DatasetFormatException"/> naming the line and column: missing values (empty cells, NaN),
/// non-numeric or infinite cells, rows with too few or too many fields, a single class, an empty file. Blank lines are
/// skipped (they are usually a trailing newline, never data). Fields may be quoted with <c>"</c> (RFC 4180, <c>""</c>
/// for a quote inside), so headers exported by spreadsheets load too.
/// </remarks>
public static class CsvDataset
{
    /// <summary>Loads <paramref name="path"/>.</summary>
    /// <exception cref="DatasetFormatException">When the content is malformed.</exception>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    public static Dataset Load(string path, CsvDatasetOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Dataset file '{path}' does not exist.", path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        options ??= new CsvDatasetOptions();
        return Read(reader, Path.GetFileName(path), options with { Name = options.Name ?? Path.GetFileNameWithoutExtension(path) });
    }

    /// <summary>Parses CSV text (for tests, uploads and embedded resources).</summary>
    /// <param name="csv">The whole file content.</param>
    /// <param name="sourceName">Name used in error messages and, without extension, as the dataset name.</param>
    /// <param name="options">Reading options.</param>
    /// <exception cref="DatasetFormatException">When the content is malformed.</exception>
    public static Dataset Parse(string csv, string sourceName = "data.csv", CsvDatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StringReader(csv);
        return Read(reader, sourceName, options);
    }

    /// <summary>Reads CSV from <paramref name="reader"/>.</summary>
    /// <exception cref="DatasetFormatException">When the content is malformed.</exception>
    public static Dataset Read(TextReader reader, string sourceName, CsvDatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= new CsvDatasetOptions();
        if (options.Delimiter is '"' or '\n' or '\r')
            throw new ArgumentException($"'{options.Delimiter}' cannot be a field separator.", nameof(options));

        int lineNo = 0;
        string? line;
        List<string>? header = null;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            header = Split(line, options.Delimiter, sourceName, lineNo);
            break;
        }
        if (header is null) throw new DatasetFormatException(sourceName, 0, 0, null, "the file is empty; expected a header row and data rows.");

        for (int j = 0; j < header.Count; j++)
        {
            header[j] = header[j].Trim();
            if (header[j].Length == 0) throw new DatasetFormatException(sourceName, lineNo, j + 1, null, "the header has an empty column name.");
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < header.Count; j++)
            if (!seen.TryAdd(header[j], j))
                throw new DatasetFormatException(sourceName, lineNo, j + 1, header[j], $"column name '{header[j]}' repeats column {seen[header[j]] + 1}.");
        if (header.Count < 2)
            throw new DatasetFormatException(sourceName, lineNo, 0, null, "the header has one column; a dataset needs at least one feature column and a response column.");

        int response = FindResponse(header, options, sourceName, lineNo);
        TaskKind task = options.Task ?? InferTask(header[response], sourceName, lineNo, response);
        string name = options.Name ?? Path.GetFileNameWithoutExtension(sourceName);
        if (string.IsNullOrWhiteSpace(name)) name = "data";
        string[] featureNames = [.. header.Where((_, j) => j != response)];

        var rows = new List<double[]>();
        var labels = new List<string>();
        var targets = new List<double>();
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = Split(line, options.Delimiter, sourceName, lineNo);
            if (fields.Count != header.Count)
            {
                int col = Math.Min(fields.Count, header.Count) + 1;
                string detail = fields.Count < header.Count
                    ? $"the row has {fields.Count} fields but the header has {header.Count}; column {col} ('{header[col - 1]}') and later are missing."
                    : $"the row has {fields.Count} fields but the header has {header.Count}.";
                throw new DatasetFormatException(sourceName, lineNo, col, null, detail);
            }
            var x = new double[featureNames.Length];
            int k = 0;
            for (int j = 0; j < fields.Count; j++)
            {
                string cell = fields[j].Trim();
                if (j == response)
                {
                    if (IsMissing(cell))
                        throw new DatasetFormatException(sourceName, lineNo, j + 1, header[j], $"missing value{Quote(cell)}; every row needs a {(task == TaskKind.Classification ? "label" : "target")}.");
                    if (task == TaskKind.Classification) labels.Add(cell);
                    else targets.Add(ParseNumber(cell, sourceName, lineNo, j, header[j]));
                }
                else
                {
                    x[k++] = ParseNumber(cell, sourceName, lineNo, j, header[j]);
                }
            }
            rows.Add(x);
        }
        if (rows.Count == 0) throw new DatasetFormatException(sourceName, 0, 0, null, "the file has a header but no data rows.");

        if (task == TaskKind.Regression)
            return Dataset.ForRegression(name, rows, targets, featureNames, header[response]);
        var distinct = labels.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count < 2)
            throw new DatasetFormatException(sourceName, 0, response + 1, header[response],
                $"every row has the label '{distinct[0]}'; a classifier needs at least two classes.");
        return Dataset.FromLabels(name, rows, labels, featureNames, header[response]);
    }

    /// <summary>
    /// Reads only the feature matrix of a CSV file, rows in file order: every column is a feature except a last column
    /// named <c>label</c> or <c>target</c>, which is dropped. For tools that need features without a learning task
    /// (kernel matrices, predictions on unlabelled data).
    /// </summary>
    /// <exception cref="DatasetFormatException">With line and column when a cell is missing or not a number.</exception>
    public static (string[] FeatureNames, double[][] Rows) LoadFeatures(string path, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Dataset file '{path}' does not exist.", path);
        using var reader = new StreamReader(path);
        int lineNo = 0;
        string? line;
        List<string>? header = null;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            header = Split(line, delimiter, path, lineNo);
            break;
        }
        if (header is null) throw new DatasetFormatException(path, 0, 0, null, "the file is empty; expected a header row and data rows.");
        for (int j = 0; j < header.Count; j++) header[j] = header[j].Trim();
        bool dropLast = header.Count > 1 && (IsLabelName(header[^1]) || IsTargetName(header[^1]));
        int width = dropLast ? header.Count - 1 : header.Count;
        var rows = new List<double[]>();
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = Split(line, delimiter, path, lineNo);
            if (fields.Count != header.Count)
                throw new DatasetFormatException(path, lineNo, Math.Min(fields.Count, header.Count) + 1, null,
                    $"the row has {fields.Count} fields but the header has {header.Count}.");
            var x = new double[width];
            for (int j = 0; j < width; j++) x[j] = ParseNumber(fields[j].Trim(), path, lineNo, j, header[j]);
            rows.Add(x);
        }
        if (rows.Count == 0) throw new DatasetFormatException(path, 0, 0, null, "the file has a header but no data rows.");
        return ([.. header.Take(width)], [.. rows]);
    }

    private static int FindResponse(List<string> header, CsvDatasetOptions options, string source, int lineNo)
    {
        if (options.ResponseColumn is { } wanted)
        {
            int idx = header.IndexOf(wanted);
            if (idx < 0) idx = header.FindIndex(h => string.Equals(h, wanted, StringComparison.OrdinalIgnoreCase));
            if (idx < 0)
                throw new DatasetFormatException(source, lineNo, 0, null, $"there is no column '{wanted}'; the columns are {string.Join(", ", header)}.");
            return idx;
        }
        int last = header.Count - 1;
        if (IsLabelName(header[last]) || IsTargetName(header[last])) return last;
        throw new DatasetFormatException(source, lineNo, last + 1, header[last],
            "the last column must be named 'label' (classification) or 'target' (regression), or the response column must be named in the options.");
    }

    private static TaskKind InferTask(string column, string source, int lineNo, int index)
    {
        if (IsLabelName(column)) return TaskKind.Classification;
        if (IsTargetName(column)) return TaskKind.Regression;
        throw new DatasetFormatException(source, lineNo, index + 1, column,
            "the response column is neither 'label' nor 'target', so the task cannot be inferred; state it (classification or regression).");
    }

    private static bool IsLabelName(string s) => string.Equals(s, "label", StringComparison.OrdinalIgnoreCase);

    private static bool IsTargetName(string s) => string.Equals(s, "target", StringComparison.OrdinalIgnoreCase);

    private static bool IsMissing(string cell) =>
        cell.Length == 0 || cell is "?" || cell.Equals("NA", StringComparison.OrdinalIgnoreCase)
        || cell.Equals("NaN", StringComparison.OrdinalIgnoreCase) || cell.Equals("null", StringComparison.OrdinalIgnoreCase);

    private static string Quote(string cell) => cell.Length == 0 ? " (empty cell)" : $" ('{cell}')";

    private static double ParseNumber(string cell, string source, int lineNo, int j, string column)
    {
        if (IsMissing(cell)) throw new DatasetFormatException(source, lineNo, j + 1, column, $"missing value{Quote(cell)}; fill or drop the row before loading.");
        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            throw new DatasetFormatException(source, lineNo, j + 1, column, $"'{cell}' is not a number (use '.' as the decimal point, no thousands separators).");
        if (!double.IsFinite(v)) throw new DatasetFormatException(source, lineNo, j + 1, column, $"'{cell}' is not a finite number.");
        return v;
    }

    private static List<string> Split(string line, char delimiter, string source, int lineNo)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        int i = 0;
        while (true)
        {
            sb.Clear();
            if (i < line.Length && line[i] == '"')
            {
                int start = i++;
                while (true)
                {
                    if (i >= line.Length) throw new DatasetFormatException(source, lineNo, fields.Count + 1, null, $"the quote opened at character {start + 1} is never closed.");
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    sb.Append(line[i++]);
                }
                while (i < line.Length && line[i] != delimiter)
                {
                    if (!char.IsWhiteSpace(line[i]))
                        throw new DatasetFormatException(source, lineNo, fields.Count + 1, null, "unexpected text after a closing quote.");
                    i++;
                }
            }
            else
            {
                while (i < line.Length && line[i] != delimiter) sb.Append(line[i++]);
            }
            fields.Add(sb.ToString());
            if (i >= line.Length) return fields;
            i++; // the delimiter
        }
    }
}
