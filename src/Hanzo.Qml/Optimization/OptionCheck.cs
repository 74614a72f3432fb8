namespace Hanzo.Qml.Optimization;

/// <summary>Validation of optimiser options, so every optimiser reports a bad setting the same way: name, value, allowed range.</summary>
internal static class OptionCheck
{
    public static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number; got {value}.");
    }

    public static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number ≥ 0; got {value}.");
    }

    public static void AtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {minimum}; got {value}.");
    }

    public static void Range(double value, double low, double high, bool lowOpen, bool highOpen, string name)
    {
        bool ok = double.IsFinite(value)
                  && (lowOpen ? value > low : value >= low)
                  && (highOpen ? value < high : value <= high);
        if (!ok)
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} must lie in {(lowOpen ? "(" : "[")}{low}, {high}{(highOpen ? ")" : "]")}; got {value}.");
    }
}
