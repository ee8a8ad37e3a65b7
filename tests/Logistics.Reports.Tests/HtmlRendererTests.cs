using Logistics.Reports.Document;

namespace Logistics.Reports.Tests;

public class HtmlRendererTests
{
    private static string Render(Table table) =>
        HtmlRenderer.Render(new ReportDocument("Title", "", [new ReportSection("s", "Section", [table])]));

    [Fact]
    public void An_http_address_in_a_table_cell_becomes_a_percent_and_html_encoded_link_and_other_schemes_stay_text()
    {
        var html = Render(Table.Of("Sources", [new TableColumn("URL")],
            [["https://example.org/path?q=\"x\"&y=<2>"], ["javascript:alert(1)"], ["http://a.example/ b"], ["see https://example.org"]]));

        Assert.Contains("<td class=\"url\"><a href=\"https://example.org/path?q=%22x%22&amp;y=%3C2%3E\" rel=\"noopener noreferrer\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>javascript:alert(1)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>http://a.example/ b</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>see https://example.org</td>", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<a href=\"http"));
    }

    [Fact]
    public void A_collapsed_table_folds_behind_its_caption_in_a_details_element()
    {
        var html = Render(Table.Of("Every figure", [new TableColumn("Path")], [["a"], ["b"]]) with { Collapsed = true });
        Assert.Contains("<details><summary>Every figure (2 rows; click to show)</summary>", html, StringComparison.Ordinal);
        Assert.Contains("</table></div>\n</details>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<caption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_cells_never_break_words_in_the_middle()
    {
        var html = Render(Table.Of("T", [new TableColumn("A")], [["word"]]));
        Assert.Contains("td { overflow-wrap:break-word; word-break:normal;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("td { overflow-wrap:anywhere", html, StringComparison.Ordinal);
    }
}
