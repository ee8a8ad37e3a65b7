namespace Logistics.Reports.Document;

/// <summary>A paragraph of plain text (no markup: the renderers escape it).</summary>
public sealed record Paragraph(string Text, ParagraphStyle Style = ParagraphStyle.Normal) : ReportBlock;
