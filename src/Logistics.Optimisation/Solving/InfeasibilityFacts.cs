using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Solving;

/// <summary>
/// What one infeasibility finding says, as data (docs/model.md, "Infeasibility diagnosis"): the diagnoser reads them
/// from the elastic solution, <see cref="InfeasibilityWording"/> turns them into a sentence. Amounts are rounded.
/// </summary>
internal abstract record FindingFacts(double Amount);

/// <summary>The cargo on the arcs of a finding: commodities and the mines they come from, both sorted.</summary>
internal sealed record CargoFacts(ImmutableArray<CommodityId> Commodities, ImmutableArray<NodeId> Mines);

/// <summary>Why an option that would help is not built.</summary>
internal enum NotBuiltKind
{
    ForcedOut,
    RequiresForcedOut,
    ExcludedBy,
    OverBudget,
    NotBuilt,
}

/// <param name="Others">The options forced out that it requires, or the built options that exclude it.</param>
internal sealed record NotBuiltReason(NotBuiltKind Kind, ImmutableArray<OptionId> Others, double CapexUsd, double BudgetUsd);

/// <summary>An option that adds capacity where the finding is, whether it is built, and if not why.</summary>
internal sealed record AddingOption(OptionId Id, bool Built, double AddedTpy, NotBuiltReason? WhyNot);

/// <summary>Cargo over a link's capacity, or on a link whose option is not built (<see cref="UnbuiltBuilder"/>).</summary>
internal sealed record LinkFacts(double Amount, Link Link, LinkTravel? Direction, CargoFacts Cargo, OptionId? UnbuiltBuilder, NotBuiltReason? BuilderReason,
    double CapacityTpy, ImmutableArray<AddingOption> Adding) : FindingFacts(Amount);

internal sealed record PortFacts(double Amount, NodeId Port, CargoFacts Cargo, double CapacityTpy, ImmutableArray<AddingOption> Adding) : FindingFacts(Amount);

internal enum SupplyBlock
{
    NoBuyer,
    BuyersTakeLess,
    NoRoute,
}

/// <param name="BuyersMaxTpy">The buyers' maximums added up (for <see cref="SupplyBlock.BuyersTakeLess"/>).</param>
internal sealed record SupplyFacts(double Amount, NodeId Mine, CommodityId Commodity, SupplyBlock Why, ImmutableArray<NodeId> Buyers, double BuyersMaxTpy, double SuppliedTpy)
    : FindingFacts(Amount);

internal enum DemandBlock
{
    NoMine,
    SupplyShort,
    NoRoute,
}

internal sealed record DemandFacts(double Amount, NodeId Market, CommodityId Commodity, double MinTpy, DemandBlock Why, double SuppliedTpy, double MinimumsTpy)
    : FindingFacts(Amount);

/// <param name="Avoided">What an avoidThrough rule forbids (nodes, then links); empty for a mode ban.</param>
/// <param name="Used">The forbidden links the elastic plan uses (avoidThrough only).</param>
internal sealed record RuleFacts(double Amount, PolicyRule Rule, NodeId Market, CommodityId Commodity, ImmutableArray<string> Avoided, ImmutableArray<string> Used)
    : FindingFacts(Amount);

internal sealed record BudgetFacts(double Amount, ImmutableArray<OptionId> Built, double NeedUsd, double BudgetUsd) : FindingFacts(Amount);

internal sealed record OptionLogicFacts(OptionId A, OptionId B, bool IsRequires, BuildDecision DecisionA, BuildDecision DecisionB) : FindingFacts(1);
