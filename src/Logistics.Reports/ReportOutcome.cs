using System.Collections.Immutable;

namespace Logistics.Reports;

/// <summary>What <see cref="IReportBuilder.BuildAsync"/> wrote, for the caller's log and job record.</summary>
/// <param name="Files">File names written into the output directory, sorted.</param>
/// <param name="Summary">One line for logs, for example "base: optimal, 412.3 M USD/yr; 5 scenarios".</param>
public sealed record ReportOutcome(ReportStatus Status, ImmutableArray<string> Files, string Summary);
