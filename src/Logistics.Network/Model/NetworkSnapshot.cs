using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Logistics.Network.Model;

/// <summary>
/// One immutable, validated snapshot of a network, with any scenario already applied.
/// Collections are sorted by id (ordinal), so everything derived from a snapshot is deterministic.
/// Made by <see cref="NetworkBuilder"/>; the domain never sees JSON.
/// </summary>
public sealed class NetworkSnapshot
{
    private readonly FrozenDictionary<NodeId, Node> _nodes;
    private readonly FrozenDictionary<LinkId, Link> _links;
    private readonly FrozenDictionary<CommodityId, Commodity> _commodities;
    private readonly FrozenDictionary<OptionId, InvestmentOption> _options;

    internal NetworkSnapshot(
        NetworkMetadata metadata,
        ImmutableArray<Commodity> commodities,
        ImmutableArray<Node> nodes,
        ImmutableArray<Link> links,
        ImmutableArray<InvestmentOption> options,
        ImmutableArray<PolicyRule> rules,
        ImmutableArray<Scenario> scenarios,
        ImmutableArray<FigureProvenance> figures,
        ScenarioId? appliedScenario)
    {
        Metadata = metadata;
        Commodities = commodities;
        Nodes = nodes;
        Links = links;
        Options = options;
        Rules = rules;
        Scenarios = scenarios;
        Figures = figures;
        AppliedScenario = appliedScenario;
        _nodes = nodes.ToFrozenDictionary(n => n.Id);
        _links = links.ToFrozenDictionary(l => l.Id);
        _commodities = commodities.ToFrozenDictionary(c => c.Id);
        _options = options.ToFrozenDictionary(o => o.Id);
    }

    /// <summary>The same snapshot labelled with <paramref name="scenario"/>: for a scenario that only changes figures, whose structure is the file's own.</summary>
    internal NetworkSnapshot(NetworkSnapshot same, ScenarioId? scenario)
    {
        Metadata = same.Metadata;
        Commodities = same.Commodities;
        Nodes = same.Nodes;
        Links = same.Links;
        Options = same.Options;
        Rules = same.Rules;
        Scenarios = same.Scenarios;
        Figures = same.Figures;
        AppliedScenario = scenario;
        Periods = same.Periods;
        PeriodNetworks = same.PeriodNetworks;
        _nodes = same._nodes;
        _links = same._links;
        _commodities = same._commodities;
        _options = same._options;
    }

    public NetworkMetadata Metadata { get; }
    public ImmutableArray<Commodity> Commodities { get; }
    public ImmutableArray<Node> Nodes { get; }
    public ImmutableArray<Link> Links { get; }
    public ImmutableArray<InvestmentOption> Options { get; }
    public ImmutableArray<PolicyRule> Rules { get; }

    /// <summary>The scenarios the file defines (for listing); the one applied, if any, is <see cref="AppliedScenario"/>.</summary>
    public ImmutableArray<Scenario> Scenarios { get; }

    /// <summary>Every figure of the snapshot with its path and cited seed, sorted by path.</summary>
    public ImmutableArray<FigureProvenance> Figures { get; }

    public ScenarioId? AppliedScenario { get; }

    /// <summary>The planning periods the file declares, in time order; empty for a one-period plan (today's model).</summary>
    public ImmutableArray<PlanningPeriod> Periods { get; internal init; } = [];

    /// <summary>
    /// One snapshot per period (same order as <see cref="Periods"/>), each with the period's figures and any scenario
    /// applied. Options, their costs and decisions are read from this snapshot (the first period's), not from these.
    /// </summary>
    public ImmutableArray<NetworkSnapshot> PeriodNetworks { get; internal init; } = [];

    /// <summary>True when the file declares periods: solves then plan over time (docs/model.md, "Plans over time").</summary>
    public bool IsPeriodised => !Periods.IsDefaultOrEmpty;

    /// <summary>The last year of the horizon plus one: where residual values are counted.</summary>
    public int HorizonEndYear => IsPeriodised ? Periods[^1].StartYear + Periods[^1].Years : Metadata.BaseYear + Metadata.HorizonYears;

    public Node Node(NodeId id) => _nodes[id];
    public Link Link(LinkId id) => _links[id];
    public Commodity Commodity(CommodityId id) => _commodities[id];
    public InvestmentOption Option(OptionId id) => _options[id];

    public bool TryGetNode(NodeId id, out Node node) => _nodes.TryGetValue(id, out node!);
    public bool TryGetLink(LinkId id, out Link link) => _links.TryGetValue(id, out link!);
    public bool TryGetOption(OptionId id, out InvestmentOption option) => _options.TryGetValue(id, out option!);

    public IEnumerable<Node> NodesOfKind(NodeKind kind) => Nodes.Where(n => n.Kind == kind);

    /// <summary>A copy with one option's decision changed (used by analyses that force options in or out).</summary>
    public NetworkSnapshot WithDecision(OptionId option, BuildDecision decision) =>
        NetworkBuilder.From(this).SetDecision(option, decision).Build();

    /// <summary>A copy with one option's decision changed from a year on (plans over time; see <see cref="InvestmentOption.DecisionYear"/>).</summary>
    public NetworkSnapshot WithDecision(OptionId option, BuildDecision decision, int? year) =>
        NetworkBuilder.From(this).SetDecision(option, decision, year).Build();
}
