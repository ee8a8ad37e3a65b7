namespace Logistics.Reports.Document;

/// <summary>How a table column is aligned (numbers right).</summary>
public enum ColumnAlign
{
    Left,
    Right,
}
