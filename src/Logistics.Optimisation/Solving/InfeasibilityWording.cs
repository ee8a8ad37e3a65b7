using System.Globalization;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Solving;

/// <summary>
/// The plain sentences of the infeasibility diagnosis, made from the diagnoser's <see cref="FindingFacts"/>; places,
/// links and commodities are named as "Name (id)" where the network gives them a name.
/// </summary>
internal sealed class InfeasibilityWording(NetworkSnapshot network)
{
    public string Sentence(FindingFacts facts) => facts switch
    {
        LinkFacts link => Link(link),
        PortFacts port => Port(port),
        SupplyFacts supply => Supply(supply),
        DemandFacts demand => Demand(demand),
        RuleFacts rule => Rule(rule),
        BudgetFacts budget => Budget(budget),
        OptionLogicFacts logic => OptionLogic(logic),
        _ => throw new ArgumentOutOfRangeException(nameof(facts), facts.GetType().Name, "No wording for this finding."),
    };

    /// <summary>The sentence when the elastic re-solve itself could not finish.</summary>
    public static string Unfinished(string why) => $"The diagnosis could not finish: {why}. Try a longer --time-limit.";

    private string Link(LinkFacts f)
    {
        var link = f.Link;
        var where = f.Direction switch
        {
            LinkTravel.Forward => $" from {Place(link.From)} to {Place(link.To)}",
            LinkTravel.Reverse => $" from {Place(link.To)} to {Place(link.From)}",
            _ => " (both directions share its capacity)",
        };
        return f.UnbuiltBuilder is { } builder
            ? $"{Tonnes(f.Amount)} of {Cargo(f.Cargo)} would need {Named(link)}{where}, which exists only if option {builder} is built, and {WhyNotBuilt(f.BuilderReason!)}."
            : $"{Tonnes(f.Amount)} of {Cargo(f.Cargo)} cannot pass {Named(link)}{where}: it carries at most {Tonnes(f.CapacityTpy)} and {OptionsClause(f.Adding)}.";
    }

    private string Port(PortFacts f) =>
        $"{Tonnes(f.Amount)} of {Cargo(f.Cargo)} cannot pass port {Place(f.Port)}: it handles at most {Tonnes(f.CapacityTpy)} and {OptionsClause(f.Adding)}.";

    private string Supply(SupplyFacts f)
    {
        var why = f.Why switch
        {
            SupplyBlock.NoBuyer => "no market buys it",
            SupplyBlock.BuyersTakeLess => $"the markets that buy it ({string.Join(", ", f.Buyers.Select(Place))}) take at most {Tonnes(f.BuyersMaxTpy)} in total, and the mines produce {Tonnes(f.SuppliedTpy)}",
            _ => $"no route from it reaches a market that buys it ({string.Join(", ", f.Buyers.Select(Place))}) on links that allow {CommodityName(f.Commodity)}",
        };
        return $"{Tonnes(f.Amount)} of {CommodityName(f.Commodity)} from {Place(f.Mine)} cannot leave: {why}.";
    }

    private string Demand(DemandFacts f)
    {
        var why = f.Why switch
        {
            DemandBlock.NoMine => "no mine produces it",
            DemandBlock.SupplyShort => $"the mines produce only {Tonnes(f.SuppliedTpy)} of it and the markets' minimums add up to {Tonnes(f.MinimumsTpy)}",
            _ => "no route from a mine that produces it reaches the market on links that allow it",
        };
        return $"{Place(f.Market)} needs at least {Tonnes(f.MinTpy)} of {CommodityName(f.Commodity)}, but {Tonnes(f.Amount)} of that cannot be delivered: {why}.";
    }

    private string Rule(RuleFacts f)
    {
        var what = f.Rule is ModeBanRule ban
            ? $"every route that can carry it uses {Model.ModeLayerGraph.ModeName(ban.Mode)}, which the rule bans for it"
            : $"every route that can carry it passes {string.Join(", ", f.Avoided)}, which the rule forbids (it would use {string.Join(", ", f.Used)})";
        var description = string.IsNullOrWhiteSpace(f.Rule.Description) ? "" : $" ({f.Rule.Description})";
        return $"{Tonnes(f.Amount)} of {CommodityName(f.Commodity)} bound for {Place(f.Market)} can only travel against rule {f.Rule.Id}{description}: {what}.";
    }

    private static string Budget(BudgetFacts f) => string.Create(CultureInfo.InvariantCulture,
        $"The options needed ({string.Join(", ", f.Built.Select(o => o.Value))}) cost {f.NeedUsd:N0} USD but the capex budget is {f.BudgetUsd:N0} USD: {f.Amount:N0} USD short.");

    private static string OptionLogic(OptionLogicFacts f) => f.IsRequires
        ? $"Option {f.A} must be built ({Decision(f.DecisionA)}) but requires option {f.B}, which cannot be ({Decision(f.DecisionB)})."
        : $"Options {f.A} and {f.B} exclude each other, but both must be built ({Decision(f.DecisionA)}; {Decision(f.DecisionB)}).";

    private static string Decision(BuildDecision decision) => decision switch
    {
        BuildDecision.ForcedIn => "forced in",
        BuildDecision.ForcedOut => "forced out",
        _ => "needed",
    };

    private string Cargo(CargoFacts cargo)
    {
        if (cargo.Commodities.IsEmpty)
            return "cargo";
        var text = string.Join(" and ", cargo.Commodities.Select(CommodityName));
        if (!cargo.Mines.IsEmpty)
            text += $" from {string.Join(", ", cargo.Mines.Select(Place))}";
        return text;
    }

    /// <summary>"no option adds capacity on it", or which options could and why they do not (enough).</summary>
    private static string OptionsClause(IReadOnlyList<AddingOption> adding)
    {
        if (adding.Count == 0)
            return "no option adds capacity on it";
        var built = adding.Where(o => o.Built).ToList();
        var parts = new List<string>();
        if (built.Count > 0)
            parts.Add($"{string.Join(", ", built.Select(o => o.Id.Value))} {(built.Count == 1 ? "is" : "are")} built and not enough");
        parts.AddRange(adding.Where(o => !o.Built).Select(o => $"option {o.Id} (+{Tonnes(o.AddedTpy)}) {WhyNotBuilt(o.WhyNot!)}"));
        return string.Join("; ", parts);
    }

    private static string WhyNotBuilt(NotBuiltReason reason) => reason.Kind switch
    {
        NotBuiltKind.ForcedOut => "it is forced out",
        NotBuiltKind.RequiresForcedOut => $"it requires {string.Join(", ", reason.Others)}, which is forced out",
        NotBuiltKind.ExcludedBy => $"it is excluded by {string.Join(", ", reason.Others.Select(o => o.Value))}",
        NotBuiltKind.OverBudget => string.Create(CultureInfo.InvariantCulture, $"its capex ({reason.CapexUsd:N0} USD) does not fit the capex budget ({reason.BudgetUsd:N0} USD) with what else is needed"),
        _ => "it is not built",
    };

    private string Place(NodeId id) => network.TryGetNode(id, out var node) && node.Name != id.Value ? $"{node.Name} ({id})" : id.Value;

    private static string Named(Link link) => link.Name != link.Id.Value ? $"link {link.Name} ({link.Id})" : $"link {link.Id}";

    private string CommodityName(CommodityId id) => network.Commodities.FirstOrDefault(c => c.Id == id) is { } c && c.Name != id.Value ? $"{c.Name} ({id})" : id.Value;

    /// <summary>1.1 Mt/yr, 400 kt/yr, 40 t/yr.</summary>
    public static string Tonnes(double tonnes) => Math.Abs(tonnes) switch
    {
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{tonnes / 1e6:0.###} Mt/yr"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{tonnes / 1e3:0.###} kt/yr"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{tonnes:0.###} t/yr"),
    };
}
