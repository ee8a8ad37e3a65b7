using System.Collections.Immutable;

namespace Logistics.Reports.Document;

/// <summary>A table of plain-text cells; every row has one cell per column.</summary>
public sealed record Table(string Caption, ImmutableArray<TableColumn> Columns, ImmutableArray<ImmutableArray<string>> Rows) : ReportBlock
{
    /// <summary>A long reference table that HTML folds behind its caption (a <c>details</c> element); Markdown shows it whole.</summary>
    public bool Collapsed { get; init; }

    public static Table Of(string caption, IEnumerable<TableColumn> columns, IEnumerable<IEnumerable<string>> rows) =>
        new(caption, [.. columns], [.. rows.Select(r => r.ToImmutableArray())]);
}
