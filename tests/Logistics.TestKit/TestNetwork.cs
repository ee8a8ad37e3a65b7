using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.TestKit;

/// <summary>
/// Short hand-made networks for tests, written fluently. Defaults keep arithmetic simple: discount rate 0 (so no
/// capital in transit and capex annualised over its lifetime by straight division), lifetime 1 year, every figure 0
/// unless given. The elements come from <see cref="NetworkParts"/>, so both ways of writing a test network agree.
/// </summary>
public sealed class TestNetwork
{
    private readonly List<Commodity> _commodities = [];
    private readonly List<(string Id, NodeKind Kind, double Transhipment, PortFacility? Port)> _nodes = [];
    private readonly Dictionary<string, List<MineSupply>> _supplies = [];
    private readonly Dictionary<string, List<MarketDemand>> _demands = [];
    private readonly List<Link> _links = [];
    private readonly List<InvestmentOption> _options = [];
    private readonly List<PolicyRule> _rules = [];
    private double _rate;
    private double? _budget;

    public static TestNetwork Create(double discountRate = 0) => new() { _rate = discountRate };

    public TestNetwork Commodity(string id, double valueUsdPerTonne = 0)
    {
        _commodities.Add(new Commodity(new CommodityId(id), id, valueUsdPerTonne));
        return this;
    }

    public TestNetwork Mine(string id, string commodity, double tonnes, bool allowUnshipped = false, double transhipment = 0)
    {
        AddNode(id, NodeKind.Mine, transhipment, null);
        _supplies[id].Add(new MineSupply(new CommodityId(commodity), tonnes, allowUnshipped));
        return this;
    }

    public TestNetwork Junction(string id, double transhipment = 0)
    {
        AddNode(id, NodeKind.Junction, transhipment, null);
        return this;
    }

    public TestNetwork Port(string id, double? capacity = null, double handling = 0, double transhipment = 0)
    {
        AddNode(id, NodeKind.Port, transhipment, new PortFacility(capacity, handling));
        return this;
    }

    public TestNetwork Market(string id, string commodity, double min = 0, double? max = null, double? price = null)
    {
        AddNode(id, NodeKind.Market, 0, null);
        _demands[id].Add(new MarketDemand(new CommodityId(commodity), min, max, price));
        return this;
    }

    public TestNetwork Link(
        string id, string from, string to, TransportMode mode = TransportMode.Rail, double perTonne = 0, double? capacity = null,
        bool bothWays = false, bool shared = false, double km = 0, double perTkm = 0, double days = 0, double risk = 0,
        string? builtBy = null, string[]? commodities = null)
    {
        _links.Add(NetworkParts.Link(id, from, to, mode, perTonne, capacity, bothWays, shared, km, perTkm, days, risk, builtBy, commodities));
        return this;
    }

    public TestNetwork Option(
        string id, double capex, int lifetime = 1, double om = 0, string? addToLink = null, string? addToPort = null, double added = 0,
        string[]? requires = null, string[]? excludes = null, BuildDecision decision = BuildDecision.Free, int leadTime = 0)
    {
        var adds = ImmutableArray.CreateBuilder<CapacityIncrement>();
        if (addToLink is not null)
            adds.Add(new CapacityIncrement(new LinkId(addToLink), null, added));
        if (addToPort is not null)
            adds.Add(new CapacityIncrement(null, new NodeId(addToPort), added));
        _options.Add(NetworkParts.Option(id, capex, lifetime, om, adds.ToImmutable(), requires, excludes, decision, leadTime));
        return this;
    }

    public TestNetwork Budget(double usd)
    {
        _budget = usd;
        return this;
    }

    public TestNetwork AvoidThrough(string id, string[] markets, string[]? nodes = null, string[]? links = null)
    {
        _rules.Add(new AvoidThroughRule(new RuleId(id), id, true, [.. markets.Select(m => new NodeId(m))],
            nodes is null ? [] : [.. nodes.Select(n => new NodeId(n))], links is null ? [] : [.. links.Select(l => new LinkId(l))]));
        return this;
    }

    public TestNetwork ModeBan(string id, string commodity, TransportMode mode)
    {
        _rules.Add(new ModeBanRule(new RuleId(id), id, true, new CommodityId(commodity), mode));
        return this;
    }

    public NetworkSnapshot Build()
    {
        var builder = new NetworkBuilder().WithMetadata(NetworkParts.Metadata(_rate, capexBudgetUsd: _budget));
        var commodities = _commodities.Select(c => c.Id).ToHashSet();
        foreach (var c in _supplies.Values.SelectMany(s => s).Select(s => s.Commodity).Concat(_demands.Values.SelectMany(d => d).Select(d => d.Commodity)))
        {
            if (commodities.Add(c))
                _commodities.Add(new Commodity(c, c.Value, 0));
        }

        _commodities.ForEach(c => builder.Add(c));
        foreach (var (id, kind, transhipment, port) in _nodes)
        {
            builder.Add(new Node(new NodeId(id), id, kind, 0, 0, transhipment, [.. _supplies[id]], port, [.. _demands[id]]));
        }

        _links.ForEach(l => builder.Add(l));
        _options.ForEach(o => builder.Add(o));
        _rules.ForEach(r => builder.Add(r));
        return builder.Build();
    }

    private void AddNode(string id, NodeKind kind, double transhipment, PortFacility? port)
    {
        if (_nodes.Any(n => n.Id == id))
            return; // A second Mine/Market call adds another supply/demand to the same node.
        _nodes.Add((id, kind, transhipment, port));
        _supplies[id] = [];
        _demands[id] = [];
    }
}
