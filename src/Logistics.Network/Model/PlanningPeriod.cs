using System.Collections.Immutable;

namespace Logistics.Network.Model;

/// <summary>
/// A planning period: <paramref name="Years"/> calendar years from <paramref name="StartYear"/>, whose figures are the
/// file's with the changes of this period and of every earlier one applied in order (docs/format.md, "Periods").
/// </summary>
public sealed record PlanningPeriod(PeriodId Id, string Name, int StartYear, int Years, ImmutableArray<ScenarioChange> Changes)
{
    /// <summary>The last calendar year of the period.</summary>
    public int EndYear => StartYear + Years - 1;

    /// <summary>"2028–2033", or "2028" for a one-year period.</summary>
    public string Span => Years == 1 ? $"{StartYear}" : $"{StartYear}–{EndYear}";
}
