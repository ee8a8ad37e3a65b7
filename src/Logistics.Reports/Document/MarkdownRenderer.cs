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

    /// <summary>
    /// The one place text becomes Markdown, so no name can break out of its line, table cell or block: every line
    /// break (CR, LF, NEL, U+2028/9, VT, FF) and tab becomes a space, other control characters are shown as
    /// <c>U+XXXX</c>, the characters Markdown reads as markup (also <c>~</c>, which opens a code fence or
    /// strikethrough, and <c>&amp;</c> where it would start an entity) get a backslash, and a text may not start a
    /// list or thematic break (a leading <c>- </c>, <c>+ </c>, <c>--</c> or <c>1. </c> is escaped too).
    /// </summary>
    internal static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        var start = 0;
        while (start < text.Length && text[start] == ' ')
            start++;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                continue;
            if (c is '\r' or '\n' or '\t' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029')
            {
                sb.Append(' ');
                continue;
            }

            if (char.IsControl(c))
            {
                sb.Append("U+").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '|' or '#' or '~'
                || (c == '&' && StartsEntity(text, i))
                || (i == start && c is '-' or '+' && (i + 1 == text.Length || text[i + 1] is ' ' or '\t' or '-' or '+'))
                || (c is '.' or ')' && i > start && i - start <= 9 && AllDigits(text, start, i) && (i + 1 == text.Length || text[i + 1] is ' ' or '\t')))
                sb.Append('\\');
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>"&amp;name;" or "&amp;#123;" (an entity Markdown would decode).</summary>
    private static bool StartsEntity(string text, int at)
    {
        var i = at + 1;
        if (i < text.Length && text[i] == '#')
            i++;
        var first = i;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            i++;
        return i > first && i < text.Length && text[i] == ';';
    }

    private static bool AllDigits(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
                return false;
        }

        return true;
    }

    private static string Cell(string text) => Inline(text);
}
