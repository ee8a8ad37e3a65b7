using System.Globalization;

namespace Logistics.Benchmarks.StandardSets;

/// <summary>
/// Reads the whitespace-separated numbers of a benchmark file one at a time, keeping the line and column of each, so a
/// malformed file is reported where it is wrong rather than with a stack trace.
/// </summary>
internal sealed class NumberReader
{
    private readonly string _path;
    private readonly string[] _lines;
    private int _line;
    private int _column;

    public NumberReader(string path, int firstLine = 0)
    {
        _path = path;
        _lines = File.ReadAllLines(path);
        _line = firstLine;
    }

    public string FileName => Path.GetFileName(_path);

    /// <summary>The next token as a double; <paramref name="what"/> names it in the error message.</summary>
    public double Next(string what)
    {
        var (token, line, column) = NextToken(what);
        // OR-Library files write some figures with a trailing dot ("7500.").
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw Error(line, column, $"expected a number for {what}, found '{token}'", "write it as a plain number like 7500 or 7500.5");
        return value;
    }

    /// <summary>The next token as a whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int NextInt(string what, int min = int.MinValue, int max = int.MaxValue)
    {
        var (token, line, column) = NextToken(what);
        if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Error(line, column, $"expected a whole number for {what}, found '{token}'", "write it as an integer");
        if (value < min || value > max)
            throw Error(line, column, $"{what} is {value}, outside [{min}, {max}]", "check the counts in the file's header");
        return value;
    }

    /// <summary>Skips the rest of the current line (the unused trailing columns of a .dow arc line).</summary>
    public void SkipLine()
    {
        if (_line < _lines.Length)
        {
            _line++;
            _column = 0;
        }
    }

    /// <summary>True when only whitespace is left.</summary>
    public bool AtEnd()
    {
        SkipSpace();
        return _line >= _lines.Length;
    }

    public BenchmarkFileException Error(string problem, string fix) => Error(_line, _column, problem, fix);

    private BenchmarkFileException Error(int line, int column, string problem, string fix) =>
        new($"{FileName}:{line + 1}:{column + 1}: {problem}; {fix}.");

    private (string Token, int Line, int Column) NextToken(string what)
    {
        SkipSpace();
        if (_line >= _lines.Length)
            throw Error(_lines.Length - 1, 0, $"the file ends where {what} was expected", "the file is truncated or its header counts are too large");
        var text = _lines[_line];
        var start = _column;
        while (_column < text.Length && !char.IsWhiteSpace(text[_column]))
            _column++;
        return (text[start.._column], _line, start);
    }

    private void SkipSpace()
    {
        while (_line < _lines.Length)
        {
            var text = _lines[_line];
            while (_column < text.Length && char.IsWhiteSpace(text[_column]))
                _column++;
            if (_column < text.Length)
                return;
            _line++;
            _column = 0;
        }
    }
}
