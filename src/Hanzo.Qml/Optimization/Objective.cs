namespace Hanzo.Qml.Optimization;

/// <summary>
/// Wraps a user objective for the optimisers: counts evaluations, honours cancellation, hands the user a private copy
/// of each point, refuses non-finite values with a message that names the point, and remembers the best value.
/// </summary>
internal sealed class Objective(Func<double[], double> function, CancellationToken cancellationToken)
{
    /// <summary>Evaluations so far.</summary>
    public int Evaluations { get; private set; }

    /// <summary>Lowest value seen so far (+∞ before the first evaluation).</summary>
    public double BestValue { get; private set; } = double.PositiveInfinity;

    /// <summary>The point of <see cref="BestValue"/>.</summary>
    public double[]? BestPoint { get; private set; }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var copy = x.ToArray();
        double v = function(copy);
        Evaluations++;
        if (!double.IsFinite(v))
            throw new InvalidOperationException($"The objective returned {v} at x = {Format(x)}; it must return a finite number.");
        if (v < BestValue)
        {
            BestValue = v;
            BestPoint = x.ToArray();
        }
        return v;
    }

    public static string Format(ReadOnlySpan<double> x)
    {
        var parts = new string[Math.Min(x.Length, 8)];
        for (int i = 0; i < parts.Length; i++) parts[i] = x[i].ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", parts) + (x.Length > 8 ? $", … ({x.Length} values)]" : "]");
    }

    /// <summary>Checks a starting point: non-empty and finite.</summary>
    public static double[] CheckInitial(double[] initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        if (initial.Length == 0) throw new ArgumentException("The starting point must have at least one coordinate.", nameof(initial));
        for (int i = 0; i < initial.Length; i++)
            if (!double.IsFinite(initial[i]))
                throw new ArgumentException($"The starting point must be finite; coordinate {i} is {initial[i]}.", nameof(initial));
        return (double[])initial.Clone();
    }
}
