using System.Globalization;
using System.Text.RegularExpressions;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Circuits.OpenQasm;

namespace Hanzo.Qml.Server.Circuits;

/// <summary>
/// Imports the OpenQASM 2.0 form of a circuit with the library's parser (unknown gates, <c>opaque</c>, <c>if</c>,
/// <c>reset</c> and syntax errors are refused with line and column). Angles in QASM are constants, so such a circuit
/// has no weights and no features; <c>measure</c> reads as measuring every qubit at the end, as in <c>hanzo-qml run</c>.
/// </summary>
public static partial class QasmCircuitImporter
{
    /// <summary>Longest accepted source, in characters (1 Mi): far above any program within the gate limit.</summary>
    public const int MaxSourceChars = 1 << 20;

    /// <summary>How far past <c>limits.max_gates</c> a program is expanded before the parser gives up on it.</summary>
    public const int ExpansionFactor = 4;

    /// <summary>Parses <paramref name="source"/> and checks its register against <paramref name="maxQubits"/>.</summary>
    /// <param name="source">The program.</param>
    /// <param name="maxQubits">Largest register accepted (the largest backend's maximum).</param>
    /// <param name="maxGates">Gate bound (<c>limits.max_gates</c>): the parser stops expanding at <see cref="ExpansionFactor"/>
    /// times it, so a short program of nested user gates or broadcasts cannot make the server build millions of operations
    /// before the limit is checked, while a program somewhat over the limit is still told its exact gate count.</param>
    /// <exception cref="CircuitRequestException">400 for a program the parser refuses or too many qubits; 413 for a source over <see cref="MaxSourceChars"/>.</exception>
    public static Circuit Import(string source, int maxQubits, int maxGates = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Length > MaxSourceChars)
            throw CircuitRequestException.TooLarge($"\"qasm\" has {source.Length} characters; at most {MaxSourceChars} are accepted.");
        // Broadcasting a gate over a register emits one operation per qubit, so a huge qreg would be expanded before the
        // parsed circuit could be checked; the declared sizes are summed first to refuse such a program cheaply.
        long declared = DeclaredQubits(source);
        if (declared > maxQubits)
            throw CircuitRequestException.BadRequest($"The program declares {declared} qubits in its qreg statements; allowed: 1 to {maxQubits} (the largest backend's maximum).", "Too many qubits");
        QasmProgram program;
        try
        {
            program = OpenQasmParser.Parse(source, (int)Math.Min((long)maxGates * ExpansionFactor, int.MaxValue));
        }
        catch (QasmParseException e)
        {
            throw CircuitRequestException.BadRequest($"OpenQASM {e.Message}", "Invalid OpenQASM");
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw CircuitRequestException.BadRequest($"OpenQASM: {e.Message}", "Invalid OpenQASM");
        }
        int n = program.Circuit.NumQubits;
        if (n > maxQubits)
            throw CircuitRequestException.BadRequest($"The program has {n} qubits; allowed: 1 to {maxQubits} (the largest backend's maximum).", "Too many qubits");
        return program.Circuit;
    }

    private static long DeclaredQubits(string source)
    {
        long total = 0;
        foreach (Match m in QregPattern().Matches(LineComment().Replace(source, "")))
        {
            if (!long.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out long size)) return long.MaxValue;
            total += size;
            if (total > int.MaxValue) return total;
        }
        return total;
    }

    [GeneratedRegex(@"\bqreg\s+[A-Za-z_][A-Za-z0-9_]*\s*\[\s*([0-9]+)\s*\]", RegexOptions.CultureInvariant)]
    private static partial Regex QregPattern();

    [GeneratedRegex("//[^\n]*", RegexOptions.CultureInvariant)]
    private static partial Regex LineComment();
}
