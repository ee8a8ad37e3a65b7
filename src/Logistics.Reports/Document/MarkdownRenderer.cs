using System.Text;

namespace Logistics.Reports.Document;

/// <summary>Renders a <see cref="ReportDocument"/> as GitHub-flavoured Markdown (tables, relative image links).</summary>
public static class MarkdownRenderer
{
    public static string Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var md = new StringBuilder();
        md.Append("# ").Append(Inline(document.Title)).Append('\n').Append('\n');
        if (document.Subtitle.Length > 0)
            md.Append('_').Append(Inline(document.Subtitle)).Append("_\n\n");
        md.Append("Contents: ");
        md.AppendJoin(" · ", document.Sections.Select(s => $"[{Inline(s.Title)}](#{s.Anchor})"));
        md.Append("\n\n");
        foreach (var section in document.Sections)
        {
            md.Append("<a id=\"").Append(section.Anchor).Append("\"></a>\n\n");
            md.Append("## ").Append(Inline(section.Title)).Append("\n\n");
            foreach (var block in section.Blocks)
                Block(md, block);
        }

        return md.ToString();
    }

    private static void Block(StringBuilder md, ReportBlock block)
    {
        switch (block)
        {
            case Paragraph { Style: ParagraphStyle.Warning } p:
                md.Append("> **").Append(Inline(p.Text)).Append("**\n\n");
                break;
            case Paragraph { Style: ParagraphStyle.Lead } p:
                md.Append("**").Append(Inline(p.Text)).Append("**\n\n");
                break;
            case Paragraph { Style: ParagraphStyle.Note } p:
                md.Append('_').Append(Inline(p.Text)).Append("_\n\n");
                break;
            case Paragraph p:
                md.Append(Inline(p.Text)).Append("\n\n");
                break;
            case BulletList list:
                foreach (var item in list.Items)
                    md.Append("- ").Append(Inline(item)).Append('\n');
                md.Append('\n');
                break;
            case Table table:
                TableBlock(md, table);
                break;
            case Figure figure:
                md.Append("![").Append(Inline(figure.Caption)).Append("](").Append(figure.FileName).Append(")\n\n");
                break;
            default:
                throw new NotSupportedException($"No Markdown for {block.GetType().Name}.");
        }
    }

    private static void TableBlock(StringBuilder md, Table table)
    {
        if (table.Caption.Length > 0)
            md.Append("**").Append(Inline(table.Caption)).Append("**\n\n");
        if (table.Rows.IsEmpty)
        {
            md.Append("_(none)_\n\n");
            return;
        }

        md.Append('|');
        foreach (var column in table.Columns)
            md.Append(' ').Append(Cell(column.Heading)).Append(" |");
        md.Append("\n|");
        foreach (var column in table.Columns)
            md.Append(column.Align == ColumnAlign.Right ? "---:|" : "---|");
        md.Append('\n');
        foreach (var row in table.Rows)
        {
            md.Append('|');
            foreach (var cell in row)
                md.Append(' ').Append(Cell(cell)).Append(" |");
            md.Append('\n');
        }

        md.Append('\n');
    }

    /// <summary>Escapes the characters Markdown would read as markup in running text.</summary>
    private static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '|' or '#')
                sb.Append('\\');
            sb.Append(c == '\n' ? ' ' : c);
        }

        return sb.ToString();
    }

    private static string Cell(string text) => Inline(text);
}
