using System.Collections.Immutable;

namespace Logistics.Reports.Document;

/// <summary>A titled section; <see cref="Anchor"/> is its id in HTML and its link target in the contents list.</summary>
public sealed record ReportSection(string Anchor, string Title, ImmutableArray<ReportBlock> Blocks);
