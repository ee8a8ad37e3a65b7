namespace Logistics.Reports.Document;

/// <summary>One piece of a section.</summary>
public abstract record ReportBlock;
