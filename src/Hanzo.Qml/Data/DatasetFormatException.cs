namespace Hanzo.Qml.Data;

/// <summary>
/// A dataset file that cannot be read, with the place of the fault: a user fixing a 1,000-row CSV needs the line and
/// the column, not a stack trace.
/// </summary>
public sealed class DatasetFormatException : FormatException
{
    /// <summary>Creates the exception; the location is prefixed to <paramref name="detail"/> in <see cref="Exception.Message"/>.</summary>
    /// <param name="source">File or stream name.</param>
    /// <param name="line">1-based line number in the file (the header is line 1), or 0 when the fault is not on one line.</param>
    /// <param name="column">1-based column number, or 0 when the fault is not in one column.</param>
    /// <param name="columnName">Header name of the column, when known.</param>
    /// <param name="detail">What is wrong.</param>
    public DatasetFormatException(string source, int line, int column, string? columnName, string detail)
        : base(Format(source, line, column, columnName, detail))
    {
        Source = source;
        Line = line;
        Column = column;
        ColumnName = columnName;
        Detail = detail;
    }

    /// <summary>File or stream name.</summary>
    public new string Source { get; }

    /// <summary>1-based line number (the header is line 1); 0 when the fault is not on one line.</summary>
    public int Line { get; }

    /// <summary>1-based column number; 0 when the fault is not in one column.</summary>
    public int Column { get; }

    /// <summary>Header name of the column, when known.</summary>
    public string? ColumnName { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Detail { get; }

    private static string Format(string source, int line, int column, string? columnName, string detail)
    {
        string where = source;
        if (line > 0) where += $", line {line}";
        if (column > 0) where += columnName is null ? $", column {column}" : $", column {column} ('{columnName}')";
        return $"{where}: {detail}";
    }
}
