using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.TestKit;

/// <summary>
/// The elements of hand-made test networks, with the defaults that keep a test's arithmetic simple: every figure 0
/// unless given, lifetime 1 year (annualised capex = capex at rate 0), one-way links priced per tonne, places at 0°, 0°.
/// <see cref="TestNetwork"/> is the fluent form; tests that assemble a <see cref="NetworkBuilder"/> themselves use these.
/// </summary>
public static class NetworkParts
{
    /// <summary>Metadata named "test", base year 2025, 25-year horizon.</summary>
    public static NetworkMetadata Metadata(double discountRate = 0, int horizonYears = 25, double? capexBudgetUsd = null) =>
        new("test", "", "USD", 2025, discountRate, horizonYears, capexBudgetUsd);

    public static Node Mine(string id, string commodity, double tonnes, bool allowUnshipped = false, double transhipment = 0) =>
        new(new NodeId(id), id, NodeKind.Mine, 0, 0, transhipment, [new MineSupply(new CommodityId(commodity), tonnes, allowUnshipped)], null, []);

    public static Node Junction(string id, double transhipment = 0) => new(new NodeId(id), id, NodeKind.Junction, 0, 0, transhipment, [], null, []);

    public static Node Port(string id, double? capacity = null, double handling = 0, double transhipment = 0) =>
        new(new NodeId(id), id, NodeKind.Port, 0, 0, transhipment, [], new PortFacility(capacity, handling), []);

    public static Node Market(string id, string commodity, double min = 0, double? max = null, double? price = null) =>
        new(new NodeId(id), id, NodeKind.Market, 0, 0, 0, [], null, [new MarketDemand(new CommodityId(commodity), min, max, price)]);

    public static Link Link(
        string id, string from, string to, TransportMode mode = TransportMode.Rail, double perTonne = 0, double? capacity = null,
        bool bothWays = false, bool shared = false, double km = 0, double perTkm = 0, double days = 0, double risk = 0,
        string? builtBy = null, string[]? commodities = null) =>
        new(new LinkId(id), id, new NodeId(from), new NodeId(to), mode, km, LengthBasis.Given, perTkm, perTonne, capacity, days,
            bothWays ? LinkDirection.BothWays : LinkDirection.OneWay, shared ? CapacitySharing.SharedBothWays : CapacitySharing.PerDirection,
            commodities is null ? [] : [.. commodities.Select(c => new CommodityId(c))], risk, builtBy is null ? null : new OptionId(builtBy));

    public static InvestmentOption Option(
        string id, double capex, int lifetime = 1, double om = 0, ImmutableArray<CapacityIncrement> adds = default,
        string[]? requires = null, string[]? excludes = null, BuildDecision decision = BuildDecision.Free, int leadTime = 0) =>
        new(new OptionId(id), id, "", capex, lifetime, om, adds.IsDefault ? [] : adds,
            requires is null ? [] : [.. requires.Select(r => new OptionId(r))],
            excludes is null ? [] : [.. excludes.Select(r => new OptionId(r))], decision) { LeadTimeYears = leadTime };
}
