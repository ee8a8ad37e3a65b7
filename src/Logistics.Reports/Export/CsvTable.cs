using System.Text;

namespace Logistics.Reports.Export;

/// <summary>
/// A CSV file as RFC 4180 writes it: a header row, CRLF line ends, and fields quoted (quotes doubled) only when they
/// hold a comma, quote or line break. Numbers arrive already formatted (invariant culture).
/// </summary>
internal sealed class CsvTable
{
    private readonly StringBuilder _text = new();
    private readonly int _columns;

    public CsvTable(params string[] header)
    {
        _columns = header.Length;
        Row(header);
    }

    public void Row(params string[] fields)
    {
        if (fields.Length != _columns)
            throw new ArgumentException($"Expected {_columns} fields, got {fields.Length}.", nameof(fields));
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) _text.Append(',');
            _text.Append(Quote(fields[i]));
        }

        _text.Append("\r\n");
    }

    public override string ToString() => _text.ToString();

    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
