using System.Collections.Immutable;

namespace Logistics.Network.Model;

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
