using System.Collections.Immutable;

namespace Logistics.Network.Model;

/// <summary>
/// The one way to make a <see cref="NetworkSnapshot"/>: collect elements, then <see cref="Build"/> sorts them by id
/// and freezes them. The file binder uses it, and so do tests that write small networks in code.
/// It checks only what it must to build lookups (unique ids); the validator reports everything else.
/// </summary>
public sealed class NetworkBuilder
{
    private readonly List<Commodity> _commodities = [];
    private readonly List<Node> _nodes = [];
    private readonly List<Link> _links = [];
    private readonly List<InvestmentOption> _options = [];
    private readonly List<PolicyRule> _rules = [];
    private readonly List<Scenario> _scenarios = [];
    private readonly List<FigureProvenance> _figures = [];
    private NetworkMetadata _metadata = new("network", "", "USD", 2025, 0.08, 25, null);
    private ScenarioId? _applied;
    private ImmutableArray<PlanningPeriod> _periods = [];
    private ImmutableArray<NetworkSnapshot> _periodNetworks = [];

    public static NetworkBuilder From(NetworkSnapshot network)
    {
        var b = new NetworkBuilder { _metadata = network.Metadata, _applied = network.AppliedScenario };
        b._commodities.AddRange(network.Commodities);
        b._nodes.AddRange(network.Nodes);
        b._links.AddRange(network.Links);
        b._options.AddRange(network.Options);
        b._rules.AddRange(network.Rules);
        b._scenarios.AddRange(network.Scenarios);
        b._figures.AddRange(network.Figures);
        b._periods = network.Periods;
        b._periodNetworks = network.PeriodNetworks;
        return b;
    }

    public NetworkBuilder WithMetadata(NetworkMetadata metadata) { _metadata = metadata; return this; }
    /// <summary>Declares planning periods and (once bound) one snapshot per period; the options stay this builder's.</summary>
    public NetworkBuilder WithPeriods(ImmutableArray<PlanningPeriod> periods, ImmutableArray<NetworkSnapshot> periodNetworks)
    {
        _periods = periods.IsDefault ? [] : periods;
        _periodNetworks = periodNetworks.IsDefault ? [] : periodNetworks;
        return this;
    }

    public NetworkBuilder WithAppliedScenario(ScenarioId? scenario) { _applied = scenario; return this; }
    public NetworkBuilder Add(Commodity commodity) { _commodities.Add(commodity); return this; }
    public NetworkBuilder Add(Node node) { _nodes.Add(node); return this; }
    public NetworkBuilder Add(Link link) { _links.Add(link); return this; }
    public NetworkBuilder Add(InvestmentOption option) { _options.Add(option); return this; }
    public NetworkBuilder Add(PolicyRule rule) { _rules.Add(rule); return this; }
    public NetworkBuilder Add(Scenario scenario) { _scenarios.Add(scenario); return this; }
    public NetworkBuilder Add(FigureProvenance figure) { _figures.Add(figure); return this; }

    /// <summary>Replaces the element with the same id (used by scenario overlays and analyses).</summary>
    public NetworkBuilder Replace(Commodity commodity) { Swap(_commodities, c => c.Id == commodity.Id, commodity); return this; }
    public NetworkBuilder Replace(Node node) { Swap(_nodes, n => n.Id == node.Id, node); return this; }
    public NetworkBuilder Replace(Link link) { Swap(_links, l => l.Id == link.Id, link); return this; }
    public NetworkBuilder Replace(InvestmentOption option) { Swap(_options, o => o.Id == option.Id, option); return this; }
    public NetworkBuilder Replace(PolicyRule rule) { Swap(_rules, r => r.Id == rule.Id, rule); return this; }

    /// <summary>Removes a link; used to disable an element.</summary>
    public NetworkBuilder RemoveLink(LinkId id) { _links.RemoveAll(l => l.Id == id); return this; }

    /// <summary>Removes the figures that match (the figures of elements a scenario removed).</summary>
    public NetworkBuilder WithoutFigures(Predicate<FigureProvenance> match) { _figures.RemoveAll(match); return this; }

    /// <summary>Removes a node and every link that touches it.</summary>
    public NetworkBuilder RemoveNode(NodeId id)
    {
        _nodes.RemoveAll(n => n.Id == id);
        _links.RemoveAll(l => l.From == id || l.To == id);
        return this;
    }

    public NetworkBuilder SetDecision(OptionId id, BuildDecision decision)
    {
        var option = _options.Find(o => o.Id == id) ?? throw new KeyNotFoundException($"No option '{id}'.");
        return Replace(option with { Decision = decision, DecisionYear = null });
    }

    /// <summary>Forces an option in from a year, or out until a year (plans over time); a null year forces it in every period.</summary>
    public NetworkBuilder SetDecision(OptionId id, BuildDecision decision, int? year)
    {
        var option = _options.Find(o => o.Id == id) ?? throw new KeyNotFoundException($"No option '{id}'.");
        return Replace(option with { Decision = decision, DecisionYear = decision == BuildDecision.Free ? null : year });
    }

    public NetworkSnapshot Build()
    {
        ThrowOnDuplicates(_commodities.Select(c => c.Id.Value), "commodity");
        ThrowOnDuplicates(_nodes.Select(n => n.Id.Value), "node");
        ThrowOnDuplicates(_links.Select(l => l.Id.Value), "link");
        ThrowOnDuplicates(_options.Select(o => o.Id.Value), "option");
        return new NetworkSnapshot(
            _metadata,
            Sorted(_commodities, c => c.Id),
            Sorted(_nodes, n => n.Id),
            Sorted(_links, l => l.Id),
            Sorted(_options, o => o.Id),
            Sorted(_rules, r => r.Id),
            Sorted(_scenarios, s => s.Id),
            Sorted(_figures, f => f.Path, StringComparer.Ordinal),
            _applied)
        {
            Periods = _periods,
            PeriodNetworks = _periodNetworks,
        };
    }

    /// <summary>
    /// The items in key order, ties in their own order (a stable sort). A list already in order is taken as it is: files
    /// written by <see cref="IO.NetworkWriter"/> and every snapshot rebuilt through <see cref="From"/> are, and sorting
    /// thousands of links by a string key again was a large part of building a snapshot.
    /// </summary>
    private static ImmutableArray<T> Sorted<T, TKey>(List<T> items, Func<T, TKey> key, IComparer<TKey>? comparer = null)
    {
        comparer ??= Comparer<TKey>.Default;
        for (var i = 1; i < items.Count; i++)
        {
            if (comparer.Compare(key(items[i - 1]), key(items[i])) > 0) return [.. items.OrderBy(key, comparer)];
        }

        return [.. items];
    }

    private static void Swap<T>(List<T> list, Predicate<T> match, T replacement)
    {
        var i = list.FindIndex(match);
        if (i < 0) throw new KeyNotFoundException("No element with that id to replace.");
        list[i] = replacement;
    }

    private static void ThrowOnDuplicates(IEnumerable<string> ids, string kind)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
                throw new InvalidOperationException($"Duplicate {kind} id '{id}'. The validator reports this for files; code that builds networks must not.");
        }
    }
}
