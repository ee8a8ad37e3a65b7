using System.Collections.Immutable;

namespace Logistics.Network.Model;

/// <summary>Name, currency and the finance assumptions used to annualise capital costs.</summary>
/// <param name="DiscountRate">Real discount rate per year, as a fraction (0.08 = 8%).</param>
/// <param name="HorizonYears">Appraisal horizon in years; option lifetimes beyond it are handled by the annuity (see docs/model.md).</param>
/// <param name="CapexBudgetUsd">Upper bound on the total capex of built options; null for no budget.</param>
public sealed record NetworkMetadata(
    string Name,
    string Description,
    string Currency,
    int BaseYear,
    double DiscountRate,
    int HorizonYears,
    double? CapexBudgetUsd)
{
    /// <summary>Upper bound on the capex paid out in any one calendar year (plans over time only); null for none.</summary>
    public double? CapexBudgetPerYearUsd { get; init; }

    /// <summary>Upper bound on the capex of the options that enter service in any one period (plans over time only); null for none.</summary>
    public double? CapexBudgetPerPeriodUsd { get; init; }
}

/// <summary>A commodity; its value per tonne prices the capital tied up in transit.</summary>
public sealed record Commodity(CommodityId Id, string Name, double ValueUsdPerTonne);

/// <summary>A mine's yearly output of one commodity.</summary>
/// <param name="AllowUnshipped">When true the mine may leave output unshipped (the result says how much); otherwise all of it must ship.</param>
public sealed record MineSupply(CommodityId Commodity, double TonnesPerYear, bool AllowUnshipped);

/// <summary>A port's yearly throughput capacity and its handling charge per tonne.</summary>
/// <param name="ThroughputCapacityTpy">Tonnes per year; null means unlimited. Options may add capacity.</param>
public sealed record PortFacility(double? ThroughputCapacityTpy, double HandlingUsdPerTonne);

/// <summary>What a market buys of one commodity: bounds on tonnes per year and an optional delivered price.</summary>
public sealed record MarketDemand(CommodityId Commodity, double MinTpy, double? MaxTpy, double? PriceUsdPerTonne);

/// <summary>A place in the network. Only mines have supplies, only ports a facility, only markets demands.</summary>
public sealed record Node(
    NodeId Id,
    string Name,
    NodeKind Kind,
    double Latitude,
    double Longitude,
    double TranshipmentUsdPerTonne,
    ImmutableArray<MineSupply> Supplies,
    PortFacility? Port,
    ImmutableArray<MarketDemand> Demands);

/// <summary>A rail, road, sea or pipeline connection between two nodes.</summary>
/// <param name="CapacityTpy">Tonnes per year per direction (or shared, see <see cref="Sharing"/>); null means unlimited.</param>
/// <param name="AllowedCommodities">Empty means every commodity may use the link.</param>
/// <param name="BuiltBy">The option that builds this link; null for a link that exists today.</param>
public sealed record Link(
    LinkId Id,
    string Name,
    NodeId From,
    NodeId To,
    TransportMode Mode,
    double LengthKm,
    LengthBasis LengthBasis,
    double TariffUsdPerTkm,
    double TariffUsdPerTonne,
    double? CapacityTpy,
    double TransitDays,
    LinkDirection Direction,
    CapacitySharing Sharing,
    ImmutableArray<CommodityId> AllowedCommodities,
    double RiskUsdPerTonne,
    OptionId? BuiltBy)
{
    public bool Allows(CommodityId commodity) => AllowedCommodities.IsDefaultOrEmpty || AllowedCommodities.Contains(commodity);

    /// <summary>Cost per tonne of one traversal: tonne-km tariff times length, plus the per-tonne tariff (no risk, no handling).</summary>
    public double TransportUsdPerTonne => TariffUsdPerTkm * LengthKm + TariffUsdPerTonne;
}

/// <summary>Capacity an option adds to an existing link or port. Exactly one of <see cref="Link"/> and <see cref="Port"/> is set.</summary>
public sealed record CapacityIncrement(LinkId? Link, NodeId? Port, double AddedTpy);

/// <summary>A yes/no investment: its costs, the capacity it adds (new links name it in <see cref="Link.BuiltBy"/>), and its logic.</summary>
public sealed record InvestmentOption(
    OptionId Id,
    string Name,
    string Description,
    double CapexUsd,
    int LifetimeYears,
    double FixedOmUsdPerYear,
    ImmutableArray<CapacityIncrement> CapacityAdds,
    ImmutableArray<OptionId> Requires,
    ImmutableArray<OptionId> Excludes,
    BuildDecision Decision)
{
    /// <summary>Construction years before it can be in service; its capex is paid evenly over them (one year, the first in service, when 0). Plans over time only.</summary>
    public int LeadTimeYears { get; init; }

    /// <summary>
    /// With <see cref="BuildDecision.ForcedIn"/>: in service from this year on; with <see cref="BuildDecision.ForcedOut"/>:
    /// not in service before this year (free from then on). Null: the decision holds in every period. Plans over time only.
    /// </summary>
    public int? DecisionYear { get; init; }
}

/// <summary>A policy rule. Disabled rules stay in the snapshot (a scenario may enable them) but do not bind.</summary>
public abstract record PolicyRule(RuleId Id, string Description, bool Enabled);

/// <summary>Cargo bound for any of <paramref name="Markets"/> must not pass through the named nodes or links.</summary>
public sealed record AvoidThroughRule(
    RuleId Id,
    string Description,
    bool Enabled,
    ImmutableArray<NodeId> Markets,
    ImmutableArray<NodeId> AvoidNodes,
    ImmutableArray<LinkId> AvoidLinks) : PolicyRule(Id, Description, Enabled);

/// <summary>The commodity may not travel by the mode.</summary>
public sealed record ModeBanRule(
    RuleId Id,
    string Description,
    bool Enabled,
    CommodityId Commodity,
    TransportMode Mode) : PolicyRule(Id, Description, Enabled);

/// <summary>One numeric change of a scenario: <c>path</c> names a field, for example <c>links[bolan].capacityTpy</c>.</summary>
/// <param name="Source">The seed the changed figure cites; null keeps the figure's own source.</param>
public sealed record ScenarioChange(string Path, ChangeOperation Operation, double Value, SeedId? Source = null)
{
    /// <summary>A scenario change in a file with periods may act from one period on; null: every period.</summary>
    public PeriodId? Period { get; init; }
}

/// <summary>A named overlay on the base network. It is applied by the loader; the optimiser only sees its effect.</summary>
public sealed record Scenario(
    ScenarioId Id,
    string Name,
    string Description,
    ImmutableArray<ScenarioChange> Changes,
    ImmutableArray<OptionId> ForceBuild,
    ImmutableArray<OptionId> ForbidBuild,
    ImmutableArray<string> Disable,
    ImmutableArray<RuleId> EnableRules,
    ImmutableArray<RuleId> DisableRules);

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

/// <summary>One figure the network uses, where it sits and which seed (if any) it cites. Reports print these as the assumptions appendix.</summary>
public sealed record FigureProvenance(string Path, double Value, string Unit, SeedId? Source);
