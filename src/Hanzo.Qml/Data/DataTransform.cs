using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hanzo.Qml.Data;

/// <summary>
/// A fitted, immutable feature transformation (scaler, PCA, or a pipeline of them). Each one is created by a static
/// <c>Fit</c> on training data only and then applied unchanged to any data: the statistics of test data never leak
/// into the transform. Serialises to JSON (<see cref="ToJson"/>, <see cref="FromJson"/>) so a saved model carries the
/// exact preprocessing it was trained with.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StandardScaler), "standardize")]
[JsonDerivedType(typeof(MinMaxScaler), "min_max")]
[JsonDerivedType(typeof(PcaTransform), "pca")]
[JsonDerivedType(typeof(Preprocessor), "pipeline")]
public abstract class DataTransform
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Number of features the transform expects.</summary>
    public abstract int InputDimension { get; }

    /// <summary>Number of features it produces.</summary>
    public abstract int OutputDimension { get; }

    /// <summary>Transforms one row into <paramref name="output"/> (length <see cref="OutputDimension"/>).</summary>
    protected abstract void TransformRow(ReadOnlySpan<double> input, Span<double> output);

    /// <summary>Names of the output features given the input names (scalers keep them; PCA names its components).</summary>
    protected virtual IReadOnlyList<string> OutputNames(IReadOnlyList<string> inputNames) => inputNames;

    /// <summary>Transforms one row.</summary>
    /// <exception cref="ArgumentException">When the row has the wrong length or a non-finite value.</exception>
    public double[] Transform(ReadOnlySpan<double> row)
    {
        Check(row, 0);
        var output = new double[OutputDimension];
        TransformRow(row, output);
        return output;
    }

    /// <summary>Transforms every row (a new array; the input is not changed).</summary>
    /// <exception cref="ArgumentException">When a row has the wrong length or a non-finite value.</exception>
    public double[][] Transform(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new double[rows.Count][];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"Row {i} is null.", nameof(rows));
            Check(row, i);
            result[i] = new double[OutputDimension];
            TransformRow(row, result[i]);
        }
        return result;
    }

    /// <summary>The dataset with transformed features (responses unchanged).</summary>
    public Dataset Transform(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.NumFeatures != InputDimension)
            throw new ArgumentException($"The transform was fitted on {InputDimension} features; dataset '{data.Name}' has {data.NumFeatures}.", nameof(data));
        return data.WithFeatures(Transform(data.ToJaggedArray()), OutputNames(data.FeatureNames));
    }

    /// <summary>The transform as JSON (snake_case, with a <c>type</c> discriminator).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a transform written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">When the JSON is not a transform.</exception>
    /// <exception cref="ArgumentException">When the JSON describes an inconsistent transform.</exception>
    public static DataTransform FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<DataTransform>(json, JsonOptions) ?? throw new JsonException("The JSON is null, not a transform.");
    }

    private void Check(ReadOnlySpan<double> row, int index)
    {
        if (row.Length != InputDimension)
            throw new ArgumentException($"Row {index} has {row.Length} features; the transform was fitted on {InputDimension}.", nameof(row));
        for (int j = 0; j < row.Length; j++)
            if (!double.IsFinite(row[j])) throw new ArgumentException($"Row {index}, feature {j}: {row[j]} is not a finite number.", nameof(row));
    }

    /// <summary>Checks a training matrix and returns its shape.</summary>
    internal static (int N, int D) CheckTraining(IReadOnlyList<double[]> x, string who, int minRows = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count < minRows) throw new ArgumentException($"{who} needs at least {minRows} training row(s); got {x.Count}.", nameof(x));
        int d = x[0]?.Length ?? throw new ArgumentException("Row 0 is null.", nameof(x));
        if (d == 0) throw new ArgumentException($"{who} needs at least one feature.", nameof(x));
        for (int i = 0; i < x.Count; i++)
        {
            var r = x[i] ?? throw new ArgumentException($"Row {i} is null.", nameof(x));
            if (r.Length != d) throw new ArgumentException($"Row {i} has {r.Length} features; row 0 has {d}.", nameof(x));
            for (int j = 0; j < d; j++)
                if (!double.IsFinite(r[j])) throw new ArgumentException($"Row {i}, feature {j}: {r[j]} is not a finite number.", nameof(x));
        }
        return (x.Count, d);
    }

    /// <summary>Copies a deserialised vector, checking length and finiteness.</summary>
    internal static double[] CheckVector(IReadOnlyList<double>? v, int length, string name)
    {
        if (v is null) throw new ArgumentException($"'{name}' is missing.", name);
        if (length >= 0 && v.Count != length) throw new ArgumentException($"'{name}' has {v.Count} entries; expected {length}.", name);
        var a = v.ToArray();
        foreach (double x in a)
            if (!double.IsFinite(x)) throw new ArgumentException($"'{name}' has a non-finite entry.", name);
        return a;
    }
}
