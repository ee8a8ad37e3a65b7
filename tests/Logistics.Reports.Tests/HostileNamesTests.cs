using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using Markdig;

using Microsoft.Extensions.Time.Testing;

namespace Logistics.Reports.Tests;

/// <summary>
/// A network whose names (and, when invalid, ids and file name) are written to hurt whoever opens the bundle:
/// spreadsheet formulas, line breaks that would end a Markdown line or table row, code fences, markup and terminal
/// escapes. Every CSV, report.md and report.html of the bundle must show them as plain text.
/// </summary>
public sealed partial class HostileNamesTests(HostileBundles bundles) : IClassFixture<HostileBundles>
{
    [Fact]
    public void No_text_cell_of_any_csv_starts_like_a_formula_and_numbers_are_written_as_numbers()
    {
        var files = Directory.GetFiles(bundles.Valid, "*.csv").Concat(Directory.GetFiles(bundles.Invalid, "*.csv")).ToList();
        Assert.Contains(files, f => Path.GetFileName(f) == "diagnostics.csv");
        Assert.True(files.Count >= 5, string.Join(", ", files));
        var negatives = 0;
        foreach (var file in files)
        {
            foreach (var cell in ReadCsv(File.ReadAllText(file)).SelectMany(row => row))
            {
                if (double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    // A number the tool wrote is never quoted or prefixed, so a negative one stays a number.
                    negatives += number < 0 && !cell.Quoted ? 1 : 0;
                    continue;
                }

                Assert.False(cell.Text.Length > 0 && "=+-@\t\r\n".Contains(cell.Text[0], StringComparison.Ordinal),
                    $"{Path.GetFileName(file)}: the cell '{cell.Text}' would run as a formula in a spreadsheet.");
            }
        }

        Assert.True(negatives > 0, "the bundle has negative numbers (revenue), written as plain numbers");
        var builds = File.ReadAllText(Path.Combine(bundles.Valid, "builds.csv"));
        Assert.Contains("\"'=1+1\r\n~~~\nswallowed\"", builds, StringComparison.Ordinal);
        Assert.Contains("\"'\t@SUM(1+1) | pipe ``` fence\"", builds, StringComparison.Ordinal);
        Assert.Contains("\"'\rCR-START\"", builds, StringComparison.Ordinal);
        var diagnostics = File.ReadAllText(Path.Combine(bundles.Invalid, "diagnostics.csv"));
        Assert.Contains("\"'=evil.network.json\"", diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=SUM(A1)", "\"'=SUM(A1)\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-x", "\"'-x\"")]
    [InlineData("@cmd", "\"'@cmd\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("=a\"b", "\"'=a\"\"b\"")]
    [InlineData("\uFF1D1+1", "\"'\uFF1D1+1\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void A_text_cell_that_starts_like_a_formula_gets_a_leading_quote_and_is_quoted(string field, string written) =>
        Assert.Equal(written, Export.CsvTable.Text(field));

    [Fact]
    public void A_negative_number_cell_is_written_as_it_is()
    {
        var csv = new Export.CsvTable("name", "value");
        csv.Row("-minus", Export.CsvField.Number("-12.5"));
        Assert.Equal("name,value\r\n\"'-minus\",-12.5\r\n", csv.ToString());
    }

    [Fact]
    public void Names_with_line_breaks_pipes_and_fences_stay_inside_their_line_and_cell_in_report_md()
    {
        var md = File.ReadAllText(Path.Combine(bundles.Valid, "report.md"));
        Assert.DoesNotContain('\r', md);
        Assert.DoesNotContain('\u001b', md);
        foreach (var line in md.Split('\n'))
        {
            Assert.False(line.StartsWith("~~~", StringComparison.Ordinal) || line.StartsWith("```", StringComparison.Ordinal), $"a name opened a code fence: {line}");
        }

        // Read by a CommonMark + GitHub tables reader: the names are text in their cells, nothing became code,
        // strikethrough, a list or markup.
        var html = Markdown.ToHtml(md, new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().Build());
        Assert.DoesNotContain("<pre", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<code", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<del", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<ol", html, StringComparison.Ordinal);
        Assert.Contains("<td>=1+1 ~~~ swallowed</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>@SUM(1+1) | pipe ``` fence</td>", html, StringComparison.Ordinal);
        Assert.Contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;) ~~~ EVIL-TITLE", html, StringComparison.Ordinal);
        Assert.Contains("1. not a list &lt;b&gt;bold&lt;/b&gt; &amp;amp; entity", html, StringComparison.Ordinal);

        // Every row of every table has as many cells as its header.
        foreach (var table in TableRegex().Matches(html).Select(m => m.Value))
        {
            var header = HeaderCellRegex().Matches(table).Count;
            foreach (var row in RowRegex().Matches(table).Select(m => m.Value).Where(r => r.Contains("<td", StringComparison.Ordinal)))
                Assert.Equal(header, CellRegex().Matches(row).Count);
        }
    }

    [Theory]
    [InlineData("a\r~~~b", "a \\~\\~\\~b")]
    [InlineData("x\r\ny", "x y")]
    [InlineData("- item", "\\- item")]
    [InlineData("12. item", "12\\. item")]
    [InlineData("12.5 t", "12.5 t")]
    [InlineData("+4,000 t", "+4,000 t")]
    [InlineData("---", "\\---")]
    [InlineData("a|b", "a\\|b")]
    [InlineData("O&M", "O&M")]
    [InlineData("&amp;", "\\&amp;")]
    [InlineData("esc\u001b[31m", "escU+001B\\[31m")]
    public void Markdown_text_is_escaped_in_one_place(string text, string written) =>
        Assert.Equal(written, Document.MarkdownRenderer.Inline(text));

    [Fact]
    public void Html_and_svg_files_encode_names_so_markup_in_a_name_is_shown_as_text()
    {
        foreach (var bundle in new[] { bundles.Valid, bundles.Invalid })
        {
            foreach (var file in Directory.GetFiles(bundle, "*.html").Concat(Directory.GetFiles(bundle, "*.svg", SearchOption.AllDirectories)))
            {
                var text = File.ReadAllText(file);
                Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("<b>bold", text, StringComparison.Ordinal);
            }
        }

        var html = File.ReadAllText(Path.Combine(bundles.Valid, "report.html"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; &amp;amp; entity", html, StringComparison.Ordinal);
    }

    /// <summary>An RFC 4180 reader: enough to see each cell as a spreadsheet would, and whether it was quoted.</summary>
    private static List<List<(string Text, bool Quoted)>> ReadCsv(string csv)
    {
        var rows = new List<List<(string, bool)>>();
        var row = new List<(string, bool)>();
        var cell = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < csv.Length)
        {
            var c = csv[i];
            if (cell.Length == 0 && !quoted && c == '"')
            {
                quoted = true;
                i++;
                while (i < csv.Length)
                {
                    if (csv[i] == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i += 2; }
                    else if (csv[i] == '"') { i++; break; }
                    else cell.Append(csv[i++]);
                }

                continue;
            }

            if (c == ',') { row.Add((cell.ToString(), quoted)); cell.Clear(); quoted = false; i++; continue; }
            if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add((cell.ToString(), quoted));
                rows.Add(row);
                row = [];
                cell.Clear();
                quoted = false;
                i += 2;
                continue;
            }

            cell.Append(c);
            i++;
        }

        return rows;
    }

    [GeneratedRegex("<table>.*?</table>", RegexOptions.Singleline)]
    private static partial Regex TableRegex();

    [GeneratedRegex("<th[ >]")]
    private static partial Regex HeaderCellRegex();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();

    [GeneratedRegex("<td[ >]")]
    private static partial Regex CellRegex();
}

/// <summary>Two bundles built once for the tests above: a valid network with hostile names, and an invalid one with hostile ids and file name.</summary>
public sealed class HostileBundles : IDisposable
{
    private readonly string _root = TestPaths.NewTempFolder();

    public HostileBundles()
    {
        var corpus = Path.Combine(TestPaths.RepositoryRoot, "tests", "Logistics.Network.Tests", "Corpus");
        Directory.CreateDirectory(Path.Combine(_root, "valid"));
        Directory.CreateDirectory(Path.Combine(_root, "seeds"));
        File.Copy(Path.Combine(corpus, "seeds", "tiny.json"), Path.Combine(_root, "seeds", "tiny.json"));
        File.Copy(Path.Combine(corpus, "valid", "tiny.old-port-closed.scenario.json"), Path.Combine(_root, "valid", "tiny.old-port-closed.scenario.json"));
        var text = File.ReadAllText(Path.Combine(corpus, "valid", "tiny.network.json"));
        text = Replace(text, "\"name\": \"Tiny test network\"", "\"name\": \"=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")\\r~~~\\nEVIL-TITLE\"");
        text = Replace(text, "\"name\": \"Copper concentrate\"", "\"name\": \"+cmd|' /C calc'!A0\"");
        text = Replace(text, "\"name\": \"Alpha mine\"", "\"name\": \"-2+3 \\u001b[31mred\\u001b[0m <script>alert(1)</script>\"");
        text = Replace(text, "\"name\": \"Junction–Old port rail\"", "\"name\": \"@SUM(1+1) | pipe ``` fence\"");
        text = Replace(text, "\"name\": \"New port and railway\"", "\"name\": \"=1+1\\r\\n~~~\\nswallowed\"");
        text = Replace(text, "{ \"id\": \"rail-upgrade\",", "{ \"id\": \"rail-upgrade\", \"name\": \"\\t@SUM(1+1) | pipe ``` fence\",");
        text = Replace(text, "{ \"id\": \"road-widening\",", "{ \"id\": \"road-widening\", \"name\": \"\\rCR-START\",");
        text = Replace(text, "\"name\": \"Alpha phase 2\"", "\"name\": \"1. not a list <b>bold</b> &amp; entity\"");
        var network = Path.Combine(_root, "valid", "tiny.network.json");
        File.WriteAllText(network, text);
        Valid = Path.Combine(_root, "valid-bundle");
        var builder = new ReportBundleBuilder(new FakeTimeProvider(DefaultBundle.RunAt)) { Parallelism = 1, IncludeTimings = false };
        var outcome = builder.BuildAsync(new ReportRequest(network, [], ["solve", "compare", "value"]), Valid, CancellationToken.None).GetAwaiter().GetResult();
        if (outcome.Status != ReportStatus.Complete)
            throw new InvalidOperationException($"The hostile-names network should be valid: {outcome.Summary}");

        // Ids must match the id pattern, so hostile ids make the file invalid: they reach the diagnostics.
        var invalid = Path.Combine(_root, "valid", "=evil.network.json");
        File.WriteAllText(invalid, Replace(text, "\"id\": \"beta\"", "\"id\": \"=cmd|' /C calc'!A0\""));
        Invalid = Path.Combine(_root, "invalid-bundle");
        outcome = builder.BuildAsync(new ReportRequest(invalid, [], ["solve"]), Invalid, CancellationToken.None).GetAwaiter().GetResult();
        if (outcome.Status != ReportStatus.InvalidInput)
            throw new InvalidOperationException($"The hostile-ids network should be invalid: {outcome.Summary}");
    }

    public string Valid { get; }

    public string Invalid { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static string Replace(string text, string from, string to) =>
        text.Contains(from, StringComparison.Ordinal) ? text.Replace(from, to, StringComparison.Ordinal) : throw new InvalidOperationException($"'{from}' is not in the tiny network.");
}
