using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>One investment option and what the solve decided about it.</summary>
/// <param name="AnnualisedCapexUsd">Capex × capital recovery factor (discount rate, lifetime); charged only when built.</param>
/// <param name="LinksBuilt">Links that exist only when this option is built.</param>
public sealed record BuildResult(
    OptionId Id,
    string Name,
    bool Built,
    BuildDecision Decision,
    double CapexUsd,
    double AnnualisedCapexUsd,
    double FixedOmUsd,
    int LifetimeYears,
    ImmutableArray<LinkId> LinksBuilt,
    ImmutableArray<CapacityAddResult> CapacityAdds);
