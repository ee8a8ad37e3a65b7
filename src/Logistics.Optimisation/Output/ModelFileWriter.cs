using System.Globalization;
using System.Text;

using Google.OrTools.LinearSolver;

namespace Logistics.Optimisation.Output;

/// <summary>
/// Writes a built OR-Tools model as CPLEX LP or free MPS text with every number in round-trip precision, so that a
/// solver reading the file solves exactly the model we solve. OR-Tools' own exporters print 6 significant digits
/// (<c>1.24632e+08</c>), which moved CBC's optimum of the default network by 229 USD/yr, and offer no precision
/// setting. The .NET wrapper has no way to list a row's terms either, so the sparsity pattern is read from OR-Tools'
/// obfuscated MPS text (whose names are the variable and row indices) and every number is then taken from the solver
/// itself: coefficients with <c>GetCoefficient</c>, bounds with <c>Lb</c>/<c>Ub</c>.
/// </summary>
public static class ModelFileWriter
{
    /// <summary>One variable: its model name, bounds, integrality and objective coefficient.</summary>
    private sealed record Column(string Name, double Lower, double Upper, bool Integer, double Cost);

    /// <summary>One row: its model name, bounds and terms (variable index, coefficient) in variable order.</summary>
    private sealed record Row(string Name, double Lower, double Upper, List<(int Variable, double Coefficient)> Terms);

    private sealed record ExactModel(List<Column> Columns, List<Row> Rows, double Offset, bool Maximise);

    /// <summary>The model as free MPS (names as in docs/model.md; names never contain white space).</summary>
    public static string ToMps(Solver solver)
    {
        var model = Read(solver);
        var text = new StringBuilder();
        text.AppendLine("* Written by Logistics: every number round-trips to the solver's double");
        text.AppendLine("NAME logistics");
        if (model.Maximise)
            text.AppendLine("OBJSENSE").AppendLine("    MAX");
        text.AppendLine("ROWS").AppendLine(" N  COST");
        foreach (var row in model.Rows)
            text.Append(' ').Append(RowType(row)).Append("  ").AppendLine(row.Name);

        var byColumn = new List<(string Row, double Coefficient)>[model.Columns.Count];
        for (var j = 0; j < byColumn.Length; j++)
            byColumn[j] = [];
        foreach (var row in model.Rows)
        {
            foreach (var (variable, coefficient) in row.Terms)
                byColumn[variable].Add((row.Name, coefficient));
        }

        text.AppendLine("COLUMNS");
        var inIntegers = false;
        for (var j = 0; j < model.Columns.Count; j++)
        {
            var column = model.Columns[j];
            if (column.Integer != inIntegers)
            {
                text.AppendLine(column.Integer ? "    MARKER  'MARKER'  'INTORG'" : "    MARKER  'MARKER'  'INTEND'");
                inIntegers = column.Integer;
            }

            // A column needs at least one entry to exist; an unused one gets its (zero) cost.
            if (column.Cost != 0 || byColumn[j].Count == 0)
                text.Append("    ").Append(column.Name).Append("  COST  ").AppendLine(Number(column.Cost));
            foreach (var (row, coefficient) in byColumn[j])
                text.Append("    ").Append(column.Name).Append("  ").Append(row).Append("  ").AppendLine(Number(coefficient));
        }

        if (inIntegers)
            text.AppendLine("    MARKER  'MARKER'  'INTEND'");

        text.AppendLine("RHS");
        // The CPLEX convention: a right-hand side on the objective row is minus the objective's constant.
        if (model.Offset != 0)
            text.Append("    RHS  COST  ").AppendLine(Number(-model.Offset));
        foreach (var row in model.Rows)
        {
            var rhs = RowType(row) switch { "L" => row.Upper, "N" => 0, _ => row.Lower };
            if (rhs != 0)
                text.Append("    RHS  ").Append(row.Name).Append("  ").AppendLine(Number(rhs));
        }

        var ranged = model.Rows.Where(IsRanged).ToList();
        if (ranged.Count > 0)
        {
            text.AppendLine("RANGES");
            foreach (var row in ranged)
                text.Append("    RNG  ").Append(row.Name).Append("  ").AppendLine(Number(row.Upper - row.Lower));
        }

        text.AppendLine("BOUNDS");
        foreach (var column in model.Columns)
            WriteMpsBounds(text, column);
        text.AppendLine("ENDATA");
        return text.ToString();
    }

    /// <summary>
    /// The model as CPLEX LP text. Names keep letters, digits and <c>_[]().</c>; other characters become <c>_</c>
    /// (LP readers reject <c>-</c>, <c>:</c> and <c>&gt;</c> in names), with a numeric suffix should two names collide.
    /// A ranged row is written as two rows, <c>NAME_lo</c> and <c>NAME_hi</c>.
    /// </summary>
    public static string ToLp(Solver solver)
    {
        var model = Read(solver);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var names = model.Columns.Select(c => LpName(c.Name, used)).ToList();
        var text = new StringBuilder();
        text.AppendLine("\\ Written by Logistics: every number round-trips to the solver's double");
        text.AppendLine(model.Maximise ? "Maximize" : "Minimize");
        text.Append(" obj:");
        var objective = model.Columns.Select((c, j) => (j, c.Cost)).Where(t => t.Cost != 0).ToList();
        WriteTerms(text, objective, names);
        if (model.Offset != 0)
            text.Append(' ').Append(Signed(model.Offset));
        if (objective.Count == 0 && model.Offset == 0)
            text.Append(" 0 ").Append(names.Count > 0 ? names[0] : "");
        text.AppendLine();

        text.AppendLine("Subject To");
        foreach (var row in model.Rows)
        {
            var name = LpName(row.Name, used);
            if (IsRanged(row))
            {
                WriteLpRow(text, LpName(row.Name + "_lo", used), row.Terms, names, ">=", row.Lower);
                WriteLpRow(text, LpName(row.Name + "_hi", used), row.Terms, names, "<=", row.Upper);
                continue;
            }

            switch (RowType(row))
            {
                case "E": WriteLpRow(text, name, row.Terms, names, "=", row.Lower); break;
                case "G": WriteLpRow(text, name, row.Terms, names, ">=", row.Lower); break;
                case "L": WriteLpRow(text, name, row.Terms, names, "<=", row.Upper); break;
                default: break; // A free row constrains nothing.
            }
        }

        text.AppendLine("Bounds");
        for (var j = 0; j < model.Columns.Count; j++)
        {
            var c = model.Columns[j];
            if (IsBinary(c))
                continue;
            var lower = double.IsNegativeInfinity(c.Lower) ? "-inf" : Number(c.Lower);
            var upper = double.IsPositiveInfinity(c.Upper) ? "+inf" : Number(c.Upper);
            if (c.Lower == c.Upper)
                text.Append(' ').Append(names[j]).Append(" = ").AppendLine(Number(c.Lower));
            else if (double.IsNegativeInfinity(c.Lower) && double.IsPositiveInfinity(c.Upper))
                text.Append(' ').Append(names[j]).AppendLine(" free");
            else if (c.Lower != 0 || !double.IsPositiveInfinity(c.Upper))
                text.Append(' ').Append(lower).Append(" <= ").Append(names[j]).Append(" <= ").AppendLine(upper);
        }

        WriteSection(text, "Generals", model.Columns.Select((c, j) => (c, j)).Where(t => t.c.Integer && !IsBinary(t.c)).Select(t => names[t.j]));
        WriteSection(text, "Binaries", model.Columns.Select((c, j) => (c, j)).Where(t => IsBinary(t.c)).Select(t => names[t.j]));
        text.AppendLine("End");
        return text.ToString();
    }

    /// <summary>Shortest text that parses back to exactly the same double (invariant culture).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value < 0 ? "- " + Number(-value) : "+ " + Number(value);

    private static ExactModel Read(Solver solver)
    {
        ArgumentNullException.ThrowIfNull(solver);
        var variables = solver.variables();
        var constraints = solver.constraints();
        var objective = solver.Objective();
        var rows = constraints.Select(c => new Row(c.Name(), c.Lb(), c.Ub(), [])).ToList();
        var integer = new bool[variables.Count];

        var pattern = solver.ExportModelAsMpsFormat(fixed_format: false, obfuscated: true);
        var section = "";
        var inIntegers = false;
        foreach (var rawLine in pattern.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '*')
                continue;
            if (!char.IsWhiteSpace(line[0]))
            {
                section = line.Split(' ', 2)[0];
                continue;
            }

            if (section != "COLUMNS")
                continue;
            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            // The wrapper cannot say whether a variable is integer; OR-Tools' markers can.
            if (tokens.Length >= 3 && tokens[1] == "'MARKER'")
            {
                inIntegers = tokens[2] == "'INTORG'";
                continue;
            }

            if (tokens.Length < 3)
                continue;
            var j = Index(tokens[0], variables.Count);
            integer[j] |= inIntegers;
            for (var k = 1; k + 1 < tokens.Length; k += 2)
            {
                if (tokens[k] == "COST")
                    continue;
                var i = Index(tokens[k], constraints.Count);
                var coefficient = constraints[i].GetCoefficient(variables[j]);
                if (coefficient == 0)
                    throw new InvalidOperationException($"OR-Tools lists a term of {variables[j].Name()} in {constraints[i].Name()} that the model does not have; the model file would be wrong.");
                rows[i].Terms.Add((j, coefficient));
            }
        }

        var columns = variables.Select((v, j) => new Column(v.Name(), v.Lb(), v.Ub(), integer[j], objective.GetCoefficient(v))).ToList();
        foreach (var row in rows)
            row.Terms.Sort((a, b) => a.Variable.CompareTo(b.Variable));
        return new ExactModel(columns, rows, objective.Offset(), objective.Maximization());
    }

    /// <summary>The index in an obfuscated name (<c>V0012</c>, <c>C0003</c>: a letter, then the zero-padded index).</summary>
    private static int Index(string obfuscated, int count)
    {
        if (obfuscated.Length < 2 || !int.TryParse(obfuscated.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 0 || index >= count)
            throw new InvalidOperationException($"Unexpected name '{obfuscated}' in OR-Tools' obfuscated MPS text; the model file cannot be written.");
        return index;
    }

    private static bool IsRanged(Row row) =>
        !double.IsInfinity(row.Lower) && !double.IsInfinity(row.Upper) && row.Lower != row.Upper;

    private static string RowType(Row row) => (double.IsInfinity(row.Lower), double.IsInfinity(row.Upper)) switch
    {
        (false, false) when row.Lower == row.Upper => "E",
        (false, _) => "G",
        (true, false) => "L",
        _ => "N",
    };

    private static bool IsBinary(Column c) => c.Integer && c.Lower == 0 && c.Upper == 1;

    private static void WriteMpsBounds(StringBuilder text, Column c)
    {
        void Bound(string kind, double? value)
        {
            text.Append(' ').Append(kind).Append(" BND  ").Append(c.Name);
            if (value is { } v)
                text.Append("  ").Append(Number(v));
            text.AppendLine();
        }

        if (IsBinary(c))
        {
            Bound("BV", null);
            return;
        }

        if (c.Lower == c.Upper)
        {
            Bound("FX", c.Lower);
            return;
        }

        var freeBelow = double.IsNegativeInfinity(c.Lower);
        var freeAbove = double.IsPositiveInfinity(c.Upper);
        if (freeBelow && freeAbove)
        {
            Bound("FR", null);
            return;
        }

        if (freeBelow)
            Bound("MI", null);
        // Integer columns state both bounds: some readers give an integer column without bounds an upper bound of 1.
        else if (c.Lower != 0 || c.Integer || c.Upper < 0)
            Bound("LO", c.Lower);
        if (!freeAbove)
            Bound("UP", c.Upper);
        else if (c.Integer)
            Bound("PL", null);
    }

    private static void WriteLpRow(StringBuilder text, string name, List<(int Variable, double Coefficient)> terms, List<string> names, string sense, double rhs)
    {
        text.Append(' ').Append(name).Append(':');
        WriteTerms(text, terms, names);
        if (terms.Count == 0)
            text.Append(" 0 ").Append(names.Count > 0 ? names[0] : "");
        text.Append(' ').Append(sense).Append(' ').AppendLine(Number(rhs));
    }

    /// <summary>Terms as <c>+ 2.5 x - 1 y</c>, eight to a line (LP readers limit line length).</summary>
    private static void WriteTerms(StringBuilder text, List<(int Variable, double Coefficient)> terms, List<string> names)
    {
        for (var k = 0; k < terms.Count; k++)
        {
            if (k > 0 && k % 8 == 0)
                text.AppendLine().Append("   ");
            text.Append(' ').Append(Signed(terms[k].Coefficient)).Append(' ').Append(names[terms[k].Variable]);
        }
    }

    private static void WriteSection(StringBuilder text, string heading, IEnumerable<string> names)
    {
        var list = names.ToList();
        if (list.Count == 0)
            return;
        text.AppendLine(heading);
        foreach (var name in list)
            text.Append(' ').AppendLine(name);
    }

    private static string LpName(string name, HashSet<string> used)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var ch in name)
            builder.Append(char.IsAsciiLetterOrDigit(ch) || ch is '_' or '[' or ']' or '(' or ')' or '.' ? ch : '_');
        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]) || builder[0] == '.' || builder[0] is 'e' or 'E')
            builder.Insert(0, '_');
        var candidate = builder.ToString();
        for (var suffix = 2; !used.Add(candidate); suffix++)
            candidate = $"{builder}_{suffix}";
        return candidate;
    }
}
