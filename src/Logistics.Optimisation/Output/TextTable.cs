using System.Globalization;

using Logistics.Network.Text;

namespace Logistics.Optimisation.Output;

/// <summary>A plain-text table: left-aligned text columns, right-aligned numeric columns, two spaces between.</summary>
internal sealed class TextTable(params (string Header, bool Numeric)[] columns)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params string[] cells)
    {
        if (cells.Length != columns.Length)
            throw new ArgumentException($"Expected {columns.Length} cells, got {cells.Length}.", nameof(cells));
        // Names come from files anyone writes: one line each and no terminal control sequences, measured escaped.
        _rows.Add([.. cells.Select(ConsoleText.Escape)]);
    }

    public void Write(TextWriter writer, string indent = "  ")
    {
        var widths = columns.Select((c, i) => _rows.Select(r => r[i].Length).Append(c.Header.Length).Max()).ToArray();
        writer.WriteLine(indent + Line(columns.Select(c => c.Header).ToArray(), widths).TrimEnd());
        writer.WriteLine(indent + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
            writer.WriteLine(indent + Line(row, widths).TrimEnd());
    }

    private string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => columns[i].Numeric ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i])));

    public static string Number(double value, int decimals = 0) =>
        (Math.Abs(value) < 0.5 * Math.Pow(10, -decimals) ? 0 : value).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Percent(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "-";
}
