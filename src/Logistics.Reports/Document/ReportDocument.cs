using System.Collections.Immutable;

namespace Logistics.Reports.Document;

/// <summary>
/// The content of a report, independent of its format: <see cref="MarkdownRenderer"/> and <see cref="HtmlRenderer"/>
/// render the same blocks, so report.md and report.html cannot drift apart.
/// </summary>
public sealed record ReportDocument(string Title, string Subtitle, ImmutableArray<ReportSection> Sections);
