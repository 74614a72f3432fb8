namespace Hanzo.Qml.Server.Circuits;

/// <summary>Checks the numbers a request gives a circuit: exact counts, finite values, bounded batches.</summary>
public static class CircuitInputs
{
    /// <summary>The weights: exactly <paramref name="expected"/> finite numbers; may be omitted when the circuit has none.</summary>
    /// <param name="values">The request's <c>weights</c>.</param>
    /// <param name="expected">The circuit's weight count.</param>
    /// <exception cref="CircuitRequestException">400 saying expected against given, or which entry is not finite.</exception>
    public static double[] Weights(IReadOnlyList<double>? values, int expected) => Vector(values, expected, "weights", "weight");

    /// <summary>The features: exactly <paramref name="expected"/> finite numbers; may be omitted when the circuit has none.</summary>
    /// <param name="values">The request's <c>features</c>.</param>
    /// <param name="expected">The circuit's feature count.</param>
    /// <exception cref="CircuitRequestException">400 saying expected against given, or which entry is not finite.</exception>
    public static double[] Features(IReadOnlyList<double>? values, int expected) => Vector(values, expected, "features", "feature");

    /// <summary>Batch rows: 1 to <paramref name="maxRows"/> rows of exactly <paramref name="expected"/> finite numbers.</summary>
    /// <param name="rows">The request's <c>batch</c>.</param>
    /// <param name="expected">The circuit's feature count.</param>
    /// <param name="maxRows">Most rows (<c>limits.max_batch_rows</c>).</param>
    /// <exception cref="CircuitRequestException">413 for too many rows; 400 for an empty batch, a null row, a wrong length or a non-finite value.</exception>
    public static double[][] Batch(IReadOnlyList<IReadOnlyList<double>> rows, int expected, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw CircuitRequestException.BadRequest($"\"batch\" is empty; send 1 to {maxRows} rows of {expected} feature(s).");
        if (rows.Count > maxRows) throw CircuitRequestException.TooLarge($"\"batch\" has {rows.Count} rows; at most {maxRows} are allowed per request (limits.max_batch_rows).");
        var result = new double[rows.Count][];
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r] ?? throw CircuitRequestException.BadRequest($"\"batch\"[{r}] is null; each row must be an array of {expected} finite numbers.");
            result[r] = Vector(row, expected, $"batch[{r}]", "feature");
        }
        return result;
    }

    private static double[] Vector(IReadOnlyList<double>? values, int expected, string field, string noun)
    {
        if (values is null)
        {
            if (expected == 0) return [];
            throw CircuitRequestException.BadRequest($"\"{field}\" is required: this circuit takes exactly {expected} {noun}(s), as finite numbers.", "Wrong parameter count");
        }
        if (values.Count != expected)
            throw CircuitRequestException.BadRequest($"\"{field}\" has {values.Count} value(s); this circuit takes exactly {expected} {noun}(s).", "Wrong parameter count");
        var result = new double[expected];
        for (int i = 0; i < expected; i++)
        {
            if (!double.IsFinite(values[i])) throw CircuitRequestException.BadRequest($"\"{field}\"[{i}] is not a finite number.");
            result[i] = values[i];
        }
        return result;
    }
}
