using System.Globalization;
using System.Text.Json;
using Hanzo.Qml.Data;

namespace Hanzo.Qml.Server.Endpoints;

/// <summary>
/// Where a job's data comes from: exactly one of a built-in dataset name (<c>"dataset": "iris"</c>; <c>"adhoc"</c>
/// generates Havlíček et al.'s data), inline arrays (<c>"data": {"x": [[…]], "y": […]}</c>) or CSV text
/// (<c>"csv": "f1,f2,label\n…"</c>, last column the response).
/// </summary>
// A misspelt setting must be an error, not silently ignored.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record DatasetRequest
{
    /// <summary>A built-in dataset: iris, wine, breast_cancer, solubility, solubility_reg or adhoc.</summary>
    public string? Dataset { get; init; }

    /// <summary>Inline data.</summary>
    public InlineData? Data { get; init; }

    /// <summary>CSV text with a header row; the last column is the label (classification) or the target (regression).</summary>
    public string? Csv { get; init; }

    /// <summary>Every name <see cref="Dataset"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. BuiltInDatasets.Names, "adhoc"];

    /// <summary>Whether any source was given.</summary>
    public bool IsGiven => Dataset is not null || Data is not null || Csv is not null;

    /// <summary>Loads the data, checking the size bound.</summary>
    /// <param name="maxRows">Most rows accepted.</param>
    /// <param name="seed">Seed of the ad hoc generator.</param>
    /// <param name="adhocQubits">Feature count of the ad hoc data.</param>
    /// <exception cref="ArgumentException">When nothing or more than one source is given, a name is unknown, or the data is malformed (the message says which row).</exception>
    public Data.Dataset Load(int maxRows, long seed = 0, int adhocQubits = 2)
    {
        int given = (Dataset is null ? 0 : 1) + (Data is null ? 0 : 1) + (Csv is null ? 0 : 1);
        if (given != 1)
            throw new ArgumentException($"Give exactly one data source: \"dataset\" (one of {string.Join(", ", Names)}), \"data\" ({{\"x\": [[…]], \"y\": […]}}) or \"csv\" (text with a header row).");
        Data.Dataset data;
        if (Dataset is { } name)
        {
            var key = name.Trim().ToLowerInvariant();
            if (key == "adhoc")
                data = AdHocDataset.Generate(new AdHocOptions { NumFeatures = adhocQubits, TrainSizePerClass = 40, TestSizePerClass = 20, Seed = seed }).Train;
            else if (BuiltInDatasets.Names.Contains(key)) data = BuiltInDatasets.Load(key);
            else throw new ArgumentException($"Unknown dataset \"{name}\"; built-in names: {string.Join(", ", Names)}.");
        }
        else if (Csv is { } csv)
        {
            try
            {
                data = CsvDataset.Parse(csv, "csv");
            }
            catch (DatasetFormatException e)
            {
                throw new ArgumentException(e.Message, e);
            }
        }
        else data = Data!.ToDataset();
        if (data.NumSamples > maxRows) throw new ArgumentException($"The data has {data.NumSamples} rows; this server accepts at most {maxRows} per request (limits.max_batch_rows).");
        return data;
    }
}

/// <summary>Inline training data.</summary>
// A misspelt setting must be an error, not silently ignored.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record InlineData
{
    /// <summary>Feature rows, all of one length.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? X { get; init; }

    /// <summary>Labels (strings or numbers) for classification, numbers for regression.</summary>
    public IReadOnlyList<JsonElement>? Y { get; init; }

    /// <summary>"classification" (default) or "regression".</summary>
    public string? Task { get; init; }

    /// <summary>Optional column names.</summary>
    public IReadOnlyList<string>? FeatureNames { get; init; }

    /// <summary>Builds the dataset.</summary>
    /// <exception cref="ArgumentException">When shapes or values are wrong.</exception>
    public Data.Dataset ToDataset()
    {
        if (X is null || X.Count == 0) throw new ArgumentException("\"data.x\" is required: a non-empty array of feature rows.");
        if (Y is null || Y.Count != X.Count) throw new ArgumentException($"\"data.y\" must have one entry per row of \"data.x\" ({X.Count}).");
        int width = X[0]?.Count ?? 0;
        if (width == 0) throw new ArgumentException("\"data.x\"[0] is empty; each row needs at least one feature.");
        var rows = new double[X.Count][];
        for (int r = 0; r < X.Count; r++)
        {
            var row = X[r] ?? throw new ArgumentException($"\"data.x\"[{r}] is null.");
            if (row.Count != width) throw new ArgumentException($"\"data.x\"[{r}] has {row.Count} values; row 0 has {width}.");
            rows[r] = [.. row];
            for (int c = 0; c < width; c++)
                if (!double.IsFinite(rows[r][c])) throw new ArgumentException($"\"data.x\"[{r}][{c}] is not a finite number.");
        }
        var task = (Task ?? "classification").Trim().ToLowerInvariant();
        if (task == "regression")
        {
            var y = new double[Y.Count];
            for (int i = 0; i < y.Length; i++)
                if (Y[i].ValueKind != JsonValueKind.Number || !Y[i].TryGetDouble(out y[i]) || !double.IsFinite(y[i]))
                    throw new ArgumentException($"\"data.y\"[{i}] must be a finite number for regression.");
            return Data.Dataset.ForRegression("inline", rows, y, FeatureNames);
        }
        if (task != "classification") throw new ArgumentException($"\"data.task\" is \"{Task}\"; allowed: classification, regression.");
        var labels = new string[Y.Count];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = Y[i].ValueKind switch
            {
                JsonValueKind.String => Y[i].GetString()!,
                JsonValueKind.Number => Y[i].TryGetInt64(out long v) ? v.ToString(CultureInfo.InvariantCulture) : Y[i].GetRawText(),
                _ => throw new ArgumentException($"\"data.y\"[{i}] must be a label (string or number)."),
            };
        }
        return Data.Dataset.FromLabels("inline", rows, labels, FeatureNames);
    }
}
