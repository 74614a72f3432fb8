namespace Hanzo.Qml.Cli.Output;

/// <summary>A plain-text table: left-aligned first column, right-aligned numbers, two spaces between columns.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    /// <summary>Writes the table, each line indented by two spaces.</summary>
    public void Write(TextWriter output)
    {
        var widths = new int[headers.Length];
        for (int c = 0; c < headers.Length; c++) widths[c] = headers[c].Length;
        foreach (var row in _rows)
            for (int c = 0; c < row.Length && c < widths.Length; c++) widths[c] = Math.Max(widths[c], row[c].Length);
        WriteRow(output, headers, widths);
        foreach (var row in _rows) WriteRow(output, row, widths);
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        output.Write("  ");
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0) output.Write("  ");
            bool last = c == cells.Length - 1;
            if (c == 0) output.Write(last ? cells[c] : cells[c].PadRight(widths[c]));
            else output.Write(cells[c].PadLeft(widths[c]));
        }
        output.WriteLine();
    }
}
