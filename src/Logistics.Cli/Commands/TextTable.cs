using System.Text;

using Logistics.Network.Text;

namespace Logistics.Cli.Commands;

/// <summary>A plain-text table with aligned columns (numbers right-aligned), for stable, diff-able console output.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly HashSet<int> _rightAligned = [];

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
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        writer.WriteLine(Line(headers, widths, indent));
        writer.WriteLine(indent + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows) writer.WriteLine(Line(row, widths, indent));
    }

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
