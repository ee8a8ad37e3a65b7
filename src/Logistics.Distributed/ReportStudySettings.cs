using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

using Logistics.Analysis;

namespace Logistics.Distributed;

/// <summary>What only a report study has: the analyses and sweeps as asked (an empty list asks for the report's defaults).</summary>
/// <param name="Analyses">Analysis names as <c>logistics report --analyses</c> takes them.</param>
/// <param name="Sweeps">The sweeps of the <c>sweep</c> analysis (<c>--sweep PATH:FROM:TO:STEPS</c>); empty for the report's default sweep.</param>
public sealed record ReportStudySettings(ImmutableArray<string> Analyses, ImmutableArray<SweepRequest> Sweeps);
