namespace Hanzo.Qml.Kernels;

/// <summary>Argument checks shared by the kernels, so every one reports shapes and bad values the same way.</summary>
internal static class KernelInput
{
    /// <summary>Checks a sample set: non-empty, no null rows, equal lengths (= <paramref name="features"/> when given), finite values.</summary>
    /// <returns>The common row length.</returns>
    public static int Rows(IReadOnlyList<double[]> rows, string paramName, int? features = null)
    {
        ArgumentNullException.ThrowIfNull(rows, paramName);
        if (rows.Count == 0) throw new ArgumentException("At least one sample is needed; the sample set is empty.", paramName);
        int length = features ?? (rows[0] ?? throw new ArgumentException("Sample 0 is null.", paramName)).Length;
        if (length == 0) throw new ArgumentException("Samples must have at least one feature; sample 0 is empty.", paramName);
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"Sample {i} is null.", paramName);
            if (row.Length != length)
                throw new ArgumentException(features is null
                    ? $"Sample {i} has {row.Length} features but sample 0 has {length}; every sample needs the same number."
                    : $"Sample {i} has {row.Length} features; this kernel expects {length}.", paramName);
            for (int j = 0; j < row.Length; j++)
                if (!double.IsFinite(row[j])) throw new ArgumentException($"Sample {i}, feature {j} is {row[j]}; features must be finite numbers.", paramName);
        }
        return length;
    }

    /// <summary>Checks one vector: non-empty, of <paramref name="features"/> entries when given, finite.</summary>
    public static void Vector(ReadOnlySpan<double> x, string paramName, int? features = null)
    {
        if (x.IsEmpty) throw new ArgumentException("The feature vector is empty.", paramName);
        if (features is int f && x.Length != f) throw new ArgumentException($"The feature vector has {x.Length} entries; this kernel expects {f}.", paramName);
        for (int j = 0; j < x.Length; j++)
            if (!double.IsFinite(x[j])) throw new ArgumentException($"Feature {j} is {x[j]}; features must be finite numbers.", paramName);
    }

    /// <summary>Checks that two vectors have the same length.</summary>
    public static void SameLength(ReadOnlySpan<double> x, ReadOnlySpan<double> z)
    {
        if (x.Length != z.Length) throw new ArgumentException($"The vectors have {x.Length} and {z.Length} features; a kernel compares vectors of equal length.", nameof(z));
    }

    /// <summary>Population variance of every entry of <paramref name="rows"/> (numpy's <c>X.var()</c>, ddof = 0).</summary>
    public static double Variance(IReadOnlyList<double[]> rows)
    {
        double mean = 0;
        long count = 0;
        foreach (var r in rows) foreach (double v in r) { mean += v; count++; }
        mean /= count;
        double sum = 0;
        foreach (var r in rows) foreach (double v in r) sum += (v - mean) * (v - mean);
        return sum / count;
    }
}
