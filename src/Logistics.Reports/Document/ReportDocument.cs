using System.Collections.Immutable;

namespace Logistics.Reports.Document;

/// <summary>
/// The content of a report, independent of its format: <see cref="MarkdownRenderer"/> and <see cref="HtmlRenderer"/>
/// render the same blocks, so report.md and report.html cannot drift apart.
/// </summary>
public sealed record ReportDocument(string Title, string Subtitle, ImmutableArray<ReportSection> Sections);

/// <summary>A titled section; <see cref="Anchor"/> is its id in HTML and its link target in the contents list.</summary>
public sealed record ReportSection(string Anchor, string Title, ImmutableArray<ReportBlock> Blocks);

/// <summary>One piece of a section.</summary>
public abstract record ReportBlock;

/// <summary>A paragraph of plain text (no markup: the renderers escape it).</summary>
public sealed record Paragraph(string Text, ParagraphStyle Style = ParagraphStyle.Normal) : ReportBlock;

/// <summary>How a paragraph stands out.</summary>
public enum ParagraphStyle
{
    Normal,

    /// <summary>The one-paragraph answer at the top of the report.</summary>
    Lead,

    /// <summary>A finding the reader must not miss (invalid input, no solution, a time-out).</summary>
    Warning,

    /// <summary>Small print under a table or figure.</summary>
    Note,
}

/// <summary>A bulleted list of plain-text items.</summary>
public sealed record BulletList(ImmutableArray<string> Items) : ReportBlock;

/// <summary>How a table column is aligned (numbers right).</summary>
public enum ColumnAlign
{
    Left,
    Right,
}

/// <summary>A column heading and its alignment.</summary>
public sealed record TableColumn(string Heading, ColumnAlign Align = ColumnAlign.Left);

/// <summary>A table of plain-text cells; every row has one cell per column.</summary>
public sealed record Table(string Caption, ImmutableArray<TableColumn> Columns, ImmutableArray<ImmutableArray<string>> Rows) : ReportBlock
{
    /// <summary>A long reference table that HTML folds behind its caption (a <c>details</c> element); Markdown shows it whole.</summary>
    public bool Collapsed { get; init; }

    public static Table Of(string caption, IEnumerable<TableColumn> columns, IEnumerable<IEnumerable<string>> rows) =>
        new(caption, [.. columns], [.. rows.Select(r => r.ToImmutableArray())]);
}

/// <summary>
/// An SVG figure. HTML inlines <see cref="Svg"/> (the page must open offline); Markdown links the file
/// <see cref="FileName"/>, which the bundle writes next to report.md.
/// </summary>
public sealed record Figure(string FileName, string Caption, string Svg) : ReportBlock;
