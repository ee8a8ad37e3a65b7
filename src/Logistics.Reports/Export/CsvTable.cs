using System.Globalization;
using System.Text;

namespace Logistics.Reports.Export;

/// <summary>
/// A CSV file as RFC 4180 writes it: a header row, CRLF line ends, and fields quoted (quotes doubled) when they
/// hold a comma, quote or line break. Every text cell is also neutralised against formula injection here, the one
/// place every CSV of the tool goes through (docs/reports.md, "CSV files and spreadsheets").
/// </summary>
internal sealed class CsvTable
{
    private readonly StringBuilder _text = new();
    private readonly int _columns;

    public CsvTable(params string[] header)
    {
        _columns = header.Length;
        Row([.. header.Select(h => (CsvField)h)]);
    }

    public void Row(params CsvField[] fields)
    {
        if (fields.Length != _columns)
            throw new ArgumentException($"Expected {_columns} fields, got {fields.Length}.", nameof(fields));
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) _text.Append(',');
            _text.Append(fields[i].IsNumber ? fields[i].Text : Text(fields[i].Text));
        }

        _text.Append("\r\n");
    }

    public override string ToString() => _text.ToString();

    /// <summary>
    /// A text cell as it must be written. A spreadsheet reads a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, a tab, CR or LF (or their full-width forms, which some spreadsheets fold to ASCII) as a formula, so,
    /// as OWASP's CSV injection guidance says, such a cell gets a leading single quote and is quoted: the
    /// spreadsheet shows the text, and a program reading the file sees a leading quote it can strip.
    /// </summary>
    public static string Text(string field)
    {
        if (field.Length > 0 && IsFormulaStart(field[0]))
            return "\"'" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return Quote(field);
    }

    /// <summary>RFC 4180 quoting alone: quotes only a field that holds a comma, quote or line break.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
}

/// <summary>
/// One CSV cell: text (neutralised if it could start a formula) or a number the tool formatted itself, which is
/// written as it is so a negative number stays a number. A string converts to a text cell, so a cell is text
/// unless its writer says otherwise.
/// </summary>
internal readonly record struct CsvField(string Text, bool IsNumber)
{
    public static implicit operator CsvField(string text) => new(text, false);

    /// <summary>An invariant number (or empty for a missing value); anything else is a bug in the caller.</summary>
    public static CsvField Number(string invariantNumber)
    {
        if (invariantNumber.Length > 0 && !double.TryParse(invariantNumber, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw new ArgumentException($"'{invariantNumber}' is not an invariant number.", nameof(invariantNumber));
        return new(invariantNumber, true);
    }

    public static CsvField Number(int? value) => new(value?.ToString(CultureInfo.InvariantCulture) ?? "", true);
}
