using System.Net;
using System.Text;

namespace Logistics.Reports.Document;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as one self-contained HTML page: inline CSS, inline SVG, no script and no
/// external fetch, so it opens offline from a mail attachment or a shared drive. The first section (the summary)
/// is laid out beside its figure so the first screen answers "what should we build and why".
/// </summary>
public static class HtmlRenderer
{
    private const string Style = """
        :root { --ink:#1d2733; --muted:#5b6775; --line:#d8dee6; --accent:#1f5f99; --warn:#a33a16; --bg:#f6f8fa; }
        * { box-sizing: border-box; }
        body { margin:0; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color:var(--ink); background:#fff; font-size:15px; line-height:1.45; }
        header { background:var(--accent); color:#fff; padding:14px 28px 12px; }
        header h1 { margin:0; font-size:24px; }
        header p { margin:4px 0 0; opacity:.9; font-size:14px; }
        nav { padding:6px 28px; background:var(--bg); border-bottom:1px solid var(--line); font-size:13px; }
        nav a { color:var(--accent); margin-right:14px; text-decoration:none; }
        main { padding:0 28px 40px; }
        section { margin-top:22px; }
        h2 { font-size:20px; border-bottom:2px solid var(--accent); padding-bottom:3px; margin:0 0 10px; }
        .lead { display:grid; grid-template-columns: minmax(300px, 4fr) 8fr; gap:22px; align-items:start; }
        .lead .text p, .lead .text li { font-size:15.5px; }
        .lead ul { padding-left:20px; margin:6px 0; }
        .lead li { margin-bottom:6px; }
        p.warning { background:#fdf0ea; border-left:4px solid var(--warn); padding:8px 12px; font-weight:bold; color:var(--warn); }
        p.answer { font-size:17px; font-weight:bold; background:#eef4fa; border-left:4px solid var(--accent); padding:8px 12px; margin:0 0 8px; }
        p.note { color:var(--muted); font-size:13px; }
        table { border-collapse:collapse; margin:4px 0 14px; font-size:13.5px; }
        caption { text-align:left; font-weight:bold; padding:4px 0; }
        th, td { border:1px solid var(--line); padding:3px 8px; vertical-align:top; }
        td { overflow-wrap:break-word; word-break:normal; max-width:34em; }
        td.url { overflow-wrap:anywhere; }
        details > summary { cursor:pointer; font-weight:bold; padding:4px 0; }
        th { background:var(--bg); text-align:left; }
        td.r, th.r { text-align:right; font-variant-numeric: tabular-nums; }
        tbody tr:nth-child(even) { background:#fbfcfd; }
        figure { margin:6px 0 16px; }
        figure svg { max-width:100%; height:auto; border:1px solid var(--line); background:#fff; }
        figcaption { color:var(--muted); font-size:13px; margin-top:3px; }
        .table-wrap { overflow-x:auto; }
        """;

    public static string Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E(document.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header><h1>").Append(E(document.Title)).Append("</h1>");
        if (document.Subtitle.Length > 0)
            html.Append("<p>").Append(E(document.Subtitle)).Append("</p>");
        html.Append("</header>\n<nav>");
        foreach (var section in document.Sections)
            html.Append("<a href=\"#").Append(E(section.Anchor)).Append("\">").Append(E(section.Title)).Append("</a>");
        html.Append("</nav>\n<main>\n");
        for (var i = 0; i < document.Sections.Length; i++)
        {
            var section = document.Sections[i];
            html.Append("<section id=\"").Append(E(section.Anchor)).Append("\">\n<h2>").Append(E(section.Title)).Append("</h2>\n");
            if (i == 0 && section.Blocks.Any(b => b is Figure))
            {
                html.Append("<div class=\"lead\"><div class=\"text\">\n");
                foreach (var block in section.Blocks.Where(b => b is not Figure))
                    Block(html, block);
                html.Append("</div><div class=\"figures\">\n");
                foreach (var block in section.Blocks.Where(b => b is Figure))
                    Block(html, block);
                html.Append("</div></div>\n");
            }
            else
            {
                foreach (var block in section.Blocks)
                    Block(html, block);
            }

            html.Append("</section>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Block(StringBuilder html, ReportBlock block)
    {
        switch (block)
        {
            case Paragraph p:
                html.Append(p.Style switch
                {
                    ParagraphStyle.Warning => "<p class=\"warning\">",
                    ParagraphStyle.Note => "<p class=\"note\">",
                    ParagraphStyle.Lead => "<p class=\"answer\">",
                    _ => "<p>",
                }).Append(E(p.Text)).Append("</p>\n");
                break;
            case BulletList list:
                html.Append("<ul>");
                foreach (var item in list.Items)
                    html.Append("<li>").Append(E(item)).Append("</li>");
                html.Append("</ul>\n");
                break;
            case Table table:
                TableBlock(html, table);
                break;
            case Figure figure:
                html.Append("<figure>").Append(figure.Svg).Append("<figcaption>").Append(E(figure.Caption)).Append("</figcaption></figure>\n");
                break;
            default:
                throw new NotSupportedException($"No HTML for {block.GetType().Name}.");
        }
    }

    private static void TableBlock(StringBuilder html, Table table)
    {
        if (table.Rows.IsEmpty)
        {
            if (table.Caption.Length > 0)
                html.Append("<p><strong>").Append(E(table.Caption)).Append("</strong>: none.</p>\n");
            return;
        }

        // A long reference table folds away behind its caption, so it does not bury the rest of the page.
        if (table.Collapsed)
            html.Append("<details><summary>").Append(E(table.Caption)).Append(" (").Append(table.Rows.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" rows; click to show)</summary>\n");
        html.Append("<div class=\"table-wrap\"><table>");
        if (table.Caption.Length > 0 && !table.Collapsed)
            html.Append("<caption>").Append(E(table.Caption)).Append("</caption>");
        html.Append("<thead><tr>");
        foreach (var column in table.Columns)
            html.Append(column.Align == ColumnAlign.Right ? "<th class=\"r\">" : "<th>").Append(E(column.Heading)).Append("</th>");
        html.Append("</tr></thead><tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var c = 0; c < row.Length; c++)
            {
                var right = c < table.Columns.Length && table.Columns[c].Align == ColumnAlign.Right;
                if (WebAddress(row[c]) is { } address)
                    html.Append("<td class=\"url\"><a href=\"").Append(E(address)).Append("\" rel=\"noopener noreferrer\">").Append(E(row[c])).Append("</a></td>");
                else
                    html.Append(right ? "<td class=\"r\">" : "<td>").Append(E(row[c])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div>\n");
        if (table.Collapsed)
            html.Append("</details>\n");
    }

    /// <summary>
    /// The cell as a link target when it is exactly one absolute http(s) address, percent-encoded by <see cref="Uri"/>
    /// (then HTML-encoded by the caller); null otherwise, so <c>javascript:</c> and other schemes stay plain text.
    /// </summary>
    internal static string? WebAddress(string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0 || text.Any(char.IsWhiteSpace) || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
            return null;
        return uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
