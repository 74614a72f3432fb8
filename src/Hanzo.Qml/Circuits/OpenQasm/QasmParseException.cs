namespace Hanzo.Qml.Circuits.OpenQasm;

/// <summary>
/// Thrown when OpenQASM source cannot be imported. The message reads
/// <c>line L, column C: what was wrong; what is allowed</c> so that an editor or a person can go straight to the spot.
/// </summary>
public sealed class QasmParseException : FormatException
{
    /// <summary>Creates the exception for a problem at a position of the source.</summary>
    /// <param name="line">1-based line of the offending text.</param>
    /// <param name="column">1-based column of the offending text.</param>
    /// <param name="problem">What was wrong.</param>
    /// <param name="allowed">What the importer accepts at that point.</param>
    public QasmParseException(int line, int column, string problem, string allowed)
        : base($"line {line}, column {column}: {problem}; {allowed}")
    {
        Line = line;
        Column = column;
    }

    /// <summary>Creates the exception with a custom message and no position.</summary>
    public QasmParseException(string message) : base(message) { }

    /// <summary>Creates the exception with a custom message and cause, and no position.</summary>
    public QasmParseException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates an empty exception.</summary>
    public QasmParseException() { }

    /// <summary>1-based line of the problem (0 when the exception carries no position).</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem (0 when the exception carries no position).</summary>
    public int Column { get; }
}
