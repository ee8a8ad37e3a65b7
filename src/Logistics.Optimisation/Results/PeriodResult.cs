using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>
/// What a plan over time does in one period: the options in service, routes, flows and deliveries per year, the
/// yearly operating costs (no capex or O&amp;M: those are in the plan's present-value lines) and the prices with
/// that period's builds fixed.
/// </summary>
/// <param name="PresentValueFactor">Σ over the period's years of (1 + r)^−(year − baseYear): one USD a year in this period in base-year USD.</param>
public sealed record PeriodResult(
    PeriodId Id,
    string Name,
    int StartYear,
    int Years,
    double PresentValueFactor,
    ImmutableArray<OptionId> InService,
    ImmutableArray<RouteResult> Routes,
    ImmutableArray<LinkFlowResult> LinkFlows,
    ImmutableArray<PortFlowResult> PortFlows,
    ImmutableArray<Bottleneck> Bottlenecks,
    CostBreakdown YearlyCosts,
    ImmutableArray<DeliveryResult> Deliveries,
    ImmutableArray<UnshippedResult> Unshipped,
    PriceReport? Prices)
{
    /// <summary>Tonnes delivered per year, all commodities.</summary>
    public double TonnesPerYear => Deliveries.Sum(d => d.TonnesPerYear);

    /// <summary>Operating cost (every yearly line but revenue) per tonne delivered; null when nothing is delivered.</summary>
    public double? OperatingUsdPerTonne => TonnesPerYear > 0
        ? YearlyCosts.Lines.Where(l => l.Category != CostCategory.Revenue).Sum(l => l.UsdPerYear) / TonnesPerYear
        : null;

    public int EndYear => StartYear + Years - 1;
}
