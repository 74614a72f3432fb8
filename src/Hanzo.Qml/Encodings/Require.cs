using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Encodings;

/// <summary>Argument checks shared by the encodings and ansätze, so every one reports the same clear messages.</summary>
internal static class Require
{
    public static int Qubits(int numQubits, string what, int minimum = 1)
    {
        if (numQubits < minimum)
            throw new ArgumentOutOfRangeException(nameof(numQubits), numQubits, $"{what} needs at least {minimum} qubit(s); got {numQubits}.");
        return numQubits;
    }

    public static int AtLeastOne(int value, string paramName, string what)
    {
        if (value < 1)
            throw new ArgumentOutOfRangeException(paramName, value, $"{what} must be at least 1; got {value}.");
        return value;
    }

    public static double Finite(double value, string paramName, string what)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(paramName, value, $"{what} must be a finite number; got {value}.");
        return value;
    }

    public static T Defined<T>(T value, string paramName) where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
            throw new ArgumentOutOfRangeException(paramName, value, $"{value} is not a valid {typeof(T).Name}; allowed: {string.Join(", ", Enum.GetNames<T>())}.");
        return value;
    }

    public static void Offset(int offset, string paramName, string what)
    {
        if (offset < 0)
            throw new ArgumentOutOfRangeException(paramName, offset, $"The first {what} index must be ≥ 0; got {offset}.");
    }

    public static void Fits(CircuitBuilder builder, int numQubits, string who)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.NumQubits < numQubits)
            throw new ArgumentException($"{who} acts on wires 0..{numQubits - 1}, but the circuit has only {builder.NumQubits} qubit(s).", nameof(builder));
    }

    public static int Product(string what, params int[] factors)
    {
        long p = 1;
        foreach (int f in factors) p *= f;
        if (p > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(factors), $"{what} would need {p} parameters, more than {int.MaxValue}.");
        return (int)p;
    }
}
