using System.Globalization;

namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>
/// One candidate value of a hyperparameter: a number or a string. Kept as a tagged pair rather than <c>object</c> so
/// a YAML <c>0.1</c> and a YAML <c>"0.1"</c> stay distinguishable and printing is culture-independent.
/// </summary>
public readonly record struct HyperparameterValue
{
    private HyperparameterValue(double number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>The number (NaN when the value is a string).</summary>
    public double Number { get; }

    /// <summary>The string (null when the value is a number).</summary>
    public string? Text { get; }

    /// <summary>True when the value is a number.</summary>
    public bool IsNumber => Text is null;

    /// <summary>A numeric value.</summary>
    /// <exception cref="ArgumentException">When <paramref name="number"/> is not finite.</exception>
    public static HyperparameterValue Of(double number) =>
        double.IsFinite(number) ? new(number, null) : throw new ArgumentException($"A hyperparameter value must be finite; got {number}.", nameof(number));

    /// <summary>A string value.</summary>
    public static HyperparameterValue Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(double.NaN, text);
    }

    /// <summary>The number, or an error naming the string that was found instead.</summary>
    /// <exception cref="InvalidOperationException">When the value is a string.</exception>
    public double AsNumber() => IsNumber ? Number : throw new InvalidOperationException($"Expected a number but the value is the string '{Text}'.");

    /// <summary>Numbers in invariant culture (round-trip), strings as they are.</summary>
    public override string ToString() => Text ?? Number.ToString("R", CultureInfo.InvariantCulture);
}
