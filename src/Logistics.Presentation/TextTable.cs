using System.Globalization;
using System.Text;

using Logistics.Network.Text;

namespace Logistics.Presentation;

/// <summary>
/// The one plain-text table of every console output (the solve summary and the analysis verbs): aligned columns, two
/// spaces between, numbers right-aligned, trailing spaces trimmed, so output is stable and diff-able.
/// </summary>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];
    private readonly HashSet<int> _rightAligned = [];

    public TextTable(params string[] headers) => _headers = headers;

    /// <summary>Columns given with whether each holds numbers (right-aligned).</summary>
    public TextTable(params (string Header, bool Numeric)[] columns)
    {
        _headers = [.. columns.Select(c => c.Header)];
        _rightAligned.UnionWith(columns.Select((c, i) => (c, i)).Where(x => x.c.Numeric).Select(x => x.i));
    }

    public int Count => _rows.Count;

    /// <summary>Right-aligns the given columns (numbers).</summary>
    public TextTable AlignRight(params int[] columns)
    {
        _rightAligned.UnionWith(columns);
        return this;
    }

    /// <summary>Adds a row; each cell is escaped for the terminal (one line each, no control sequences) before its width is measured.</summary>
    public void Add(params string[] cells) => _rows.Add([.. cells.Select(ConsoleText.Escape)]);

    public void WriteTo(TextWriter writer, string indent = "  ")
    {
        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        writer.WriteLine(Line(_headers, widths, indent));
        writer.WriteLine(indent + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows) writer.WriteLine(Line(row, widths, indent));
    }

    /// <summary>A number with thousands separators and <paramref name="decimals"/> places; never "-0".</summary>
    public static string Number(double value, int decimals = 0) =>
        (Math.Abs(value) < 0.5 * Math.Pow(10, -decimals) ? 0 : value).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage with one decimal; "-" when there is none.</summary>
    public static string Percent(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "-";

    private string Line(string[] cells, int[] widths, string indent)
    {
        var line = new StringBuilder(indent);
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Length ? cells[i] : "";
            if (i > 0) line.Append("  ");
            line.Append(_rightAligned.Contains(i) ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        }

        return line.ToString().TrimEnd();
    }
}
