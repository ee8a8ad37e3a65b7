using System.Collections.Immutable;

namespace Logistics.Reports.Document;

/// <summary>A bulleted list of plain-text items.</summary>
public sealed record BulletList(ImmutableArray<string> Items) : ReportBlock;
