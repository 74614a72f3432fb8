namespace Hanzo.Qml.Optimization.Problems;

/// <summary>An edge-list file or text that cannot be read; the message gives the source, line and column.</summary>
public sealed class GraphFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="line"/>:<paramref name="column"/> of <paramref name="source"/>.</summary>
    public GraphFormatException(string source, int line, int column, string problem)
        : base($"{source}:{line}:{column}: {problem}")
    {
        Source = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file path, or "&lt;text&gt;" for parsed text.</summary>
    public new string Source { get; }

    /// <summary>1-based line number.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending token.</summary>
    public int Column { get; }

    /// <summary>What was wrong, without the location.</summary>
    public string Problem { get; }
}
