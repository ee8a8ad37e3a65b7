using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Reports;

namespace Logistics.Worker;

/// <summary>The content of <c>worker-outcome.json</c> in every bundle the worker publishes: what was asked, the full key, and how it came out.</summary>
/// <param name="SolveTimeLimitSeconds">Written as null when there was none, so the file always names every question.</param>
/// <param name="RelativeGap">Written as null for the solver's default.</param>
internal sealed record BundleOutcome(
    string ReportKey,
    string InputsHash,
    ImmutableArray<string> Scenarios,
    ImmutableArray<string> Analyses,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? SolveTimeLimitSeconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? RelativeGap,
    ReportOutcome Outcome)
{
    /// <summary>The scenario the report is of; absent for the file's base.</summary>
    public string? Scenario { get; init; }
}
