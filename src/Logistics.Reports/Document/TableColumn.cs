namespace Logistics.Reports.Document;

/// <summary>A column heading and its alignment.</summary>
public sealed record TableColumn(string Heading, ColumnAlign Align = ColumnAlign.Left);
