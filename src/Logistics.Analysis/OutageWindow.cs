using System.Text.Json.Serialization;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// When the outages of a plan over time happen: from the start of a period for a number of years (docs/analyses.md,
/// "resilience"). When the outage ends inside a period, that period is split there for every solve of the analysis,
/// the base optimum included, so the only difference between the base and an outage is the outage.
/// </summary>
/// <param name="Period">The period the outage starts in (its id).</param>
/// <param name="StartYear">The period's first year: the outage's first year.</param>
/// <param name="Years">How many years it lasts.</param>
/// <param name="PresentValueBaseYear">The year present values are in (metadata.baseYear).</param>
public sealed record OutageWindow(string Period, int StartYear, int Years, int PresentValueBaseYear)
{
    /// <summary>The outage's last year.</summary>
    public int EndYear => StartYear + Years - 1;

    /// <summary>"2028–2029", or "2028" for one year.</summary>
    public string Span => Years == 1 ? $"{StartYear}" : $"{StartYear}–{EndYear}";
}
