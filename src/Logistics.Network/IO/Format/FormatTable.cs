using System.Collections.Frozen;
using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Network.IO.Format;

/// <summary>
/// The network file format, written down once. The binder, the JSON Schema (schema/*.schema.json) and the
/// format reference (docs/format.md) are all derived from these tables; a test fails when the committed
/// schema or docs differ from what they generate.
/// </summary>
public static class FormatTable
{
    /// <summary>The only format version this build reads and writes.</summary>
    public const int FormatVersion = 1;

    /// <summary>Ids are lower-case words joined by hyphens; never all digits, so <c>[12]</c> in a path is always an index.</summary>
    public const string IdPattern = "^[a-z][a-z0-9-]*$";

    /// <summary>Files larger than this are refused before parsing (a real network is well under 1 MiB).</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    public static readonly ImmutableArray<UnitSpec> UnitList =
    [
        new("km", "kilometres", 0, 50_000),
        new("tpy", "tonnes per year", 0, 1e10),
        new("usd", "US dollars", 0, 1e13),
        new("usdPerTonne", "US dollars per tonne", 0, 1e6),
        new("usdPerTkm", "US dollars per tonne-kilometre", 0, 1_000),
        new("usdPerYear", "US dollars per year", 0, 1e12),
        new("days", "days", 0, 3_650),
        new("years", "years", 1, 200),
        new("year", "calendar year", 1900, 2200),
        new("fraction", "fraction (0.08 = 8%)", 0, 1),
        new("deg", "degrees (WGS84)", -180, 180),
        new("ratio", "ratio of route length to great-circle length", 1, 5),
    ];

    private static readonly FrozenDictionary<string, UnitSpec> UnitsByName = UnitList.ToFrozenDictionary(u => u.Name, StringComparer.Ordinal);

    public static UnitSpec UnitOf(string name) => UnitsByName[name];

    /// <summary>
    /// The field a change path such as <c>links[mode=rail].tariffUsdPerTkm</c> ends at, by field names alone (whatever
    /// its selectors match); null when a segment names no field. The overlay reports malformed paths; this only classifies.
    /// </summary>
    public static FieldSpec? FieldAt(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var spec = Network;
        FieldSpec? field = null;
        foreach (var segment in path.Split('.'))
        {
            if (field is not null)
            {
                if (field.Element is null) return null;
                spec = field.Element;
            }

            var open = segment.IndexOf('[', StringComparison.Ordinal);
            field = spec.Field(open < 0 ? segment : segment[..open]);
            if (field is null) return null;
        }

        return field;
    }

    private static FieldSpec Source() => new("source", FieldType.Id,
        "Seed id (in the seeds register) cited by every figure of this element that names no source of its own.")
    { RefersTo = "seeds" };

    private static FieldSpec Figure(string name, string unit, string description) =>
        new(name, FieldType.Number, description) { Unit = unit, Figure = true };

    private static readonly ImmutableArray<string> Modes = ["road", "rail", "sea", "pipeline"];

    // Codecs several rows share; declared before the elements, which read them as they are initialised.
    private static readonly FieldCodec<CommodityId> CommodityIds = FieldCodecs.Id(s => new CommodityId(s), c => c.Value);
    private static readonly FieldCodec<NodeId> NodeIds = FieldCodecs.Id(s => new NodeId(s), n => n.Value);
    private static readonly FieldCodec<LinkId> LinkIds = FieldCodecs.Id(s => new LinkId(s), l => l.Value);
    private static readonly FieldCodec<OptionId> OptionIds = FieldCodecs.Id(s => new OptionId(s), o => o.Value);
    private static readonly FieldCodec<RuleId> RuleIds = FieldCodecs.Id(s => new RuleId(s), r => r.Value);
    private static readonly FieldCodec<ImmutableArray<CommodityId>> CommodityIdList = FieldCodecs.IdList(s => new CommodityId(s), c => c.Value);
    private static readonly FieldCodec<ImmutableArray<NodeId>> NodeIdList = FieldCodecs.IdList(s => new NodeId(s), n => n.Value);
    private static readonly FieldCodec<ImmutableArray<OptionId>> OptionIdList = FieldCodecs.IdList(s => new OptionId(s), o => o.Value);
    private static readonly FieldCodec<ImmutableArray<RuleId>> RuleIdList = FieldCodecs.IdList(s => new RuleId(s), r => r.Value);
    private static readonly FieldCodec<TransportMode> ModeCodec =
        FieldCodecs.Choice(("road", TransportMode.Road), ("rail", TransportMode.Rail), ("sea", TransportMode.Sea), ("pipeline", TransportMode.Pipeline));
    private static readonly FieldCodec<ImmutableArray<ScenarioChange>> Changes =
        FieldCodecs.Elements<ScenarioChange>((_, i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>One of a change's operations: the value when the change is that operation, absent otherwise.</summary>
    private static FieldAccess Operation(ChangeOperation operation) => FieldAccess.Of<ScenarioChange, double?>(
        c => c.Operation == operation ? c.Value : null,
        (c, v) => v is { } value ? c with { Operation = operation, Value = value } : c,
        FieldCodecs.OptionalNumber);

    public static readonly ElementSpec Circuity = new("circuity", "Circuity", "Route length divided by great-circle length, per mode; used when a link has no lengthKm.",
    [
        Figure("rail", "ratio", "Circuity of rail links.") with { Default = 1.3 },
        Figure("road", "ratio", "Circuity of road links.") with { Default = 1.25 },
        Figure("sea", "ratio", "Circuity of sea links.") with { Default = 1.15 },
        Figure("pipeline", "ratio", "Circuity of pipelines.") with { Default = 1.1 },
    ]);

    public static readonly ElementSpec Metadata = new("metadata", "Metadata", "Name, currency and finance assumptions of the network.",
    [
        new("name", FieldType.String, "Name of the network, shown in reports.") { Required = true, Access = FieldAccess.Of<NetworkMetadata, string>(m => m.Name, (m, v) => m with { Name = v }, FieldCodecs.Text) },
        new("description", FieldType.String, "Free text.") { Default = "", Access = FieldAccess.Of<NetworkMetadata, string>(m => m.Description, (m, v) => m with { Description = v }, FieldCodecs.Text) },
        new("currency", FieldType.String, "Currency of every money figure; only USD in format version 1.") { Default = "USD", Allowed = ["USD"], Access = FieldAccess.Of<NetworkMetadata, string>(m => m.Currency, (m, v) => m with { Currency = v }, FieldCodecs.Text), AlwaysWritten = true },
        new("baseYear", FieldType.Integer, "Year the money figures are expressed in (real terms).") { Unit = "year", Default = 2025, Access = FieldAccess.Of<NetworkMetadata, int>(m => m.BaseYear, (m, v) => m with { BaseYear = v }, FieldCodecs.Integer()), AlwaysWritten = true },
        Figure("discountRate", "fraction", "Real discount rate per year used to annualise capex.") with { Required = true, Access = FieldAccess.Of<NetworkMetadata, double>(m => m.DiscountRate, (m, v) => m with { DiscountRate = v }, FieldCodecs.Number) },
        new("horizonYears", FieldType.Integer, "Appraisal horizon.") { Unit = "years", Required = true, Figure = true, Access = FieldAccess.Of<NetworkMetadata, int>(m => m.HorizonYears, (m, v) => m with { HorizonYears = v }, FieldCodecs.Integer()) },
        Figure("capexBudgetUsd", "usd", "Upper bound on the total capex of built options.") with { AbsentMeans = "no budget", Access = FieldAccess.Of<NetworkMetadata, double?>(m => m.CapexBudgetUsd, (m, v) => m with { CapexBudgetUsd = v }, FieldCodecs.OptionalNumber) },
        Figure("capexBudgetPerYearUsd", "usd", "Plans over time: upper bound on the capex paid out in any one calendar year (construction outlays).") with { AbsentMeans = "no yearly budget", Access = FieldAccess.Of<NetworkMetadata, double?>(m => m.CapexBudgetPerYearUsd, (m, v) => m with { CapexBudgetPerYearUsd = v }, FieldCodecs.OptionalNumber) },
        Figure("capexBudgetPerPeriodUsd", "usd", "Plans over time: upper bound on the capex of the options that enter service in any one period.") with { AbsentMeans = "no budget per period", Access = FieldAccess.Of<NetworkMetadata, double?>(m => m.CapexBudgetPerPeriodUsd, (m, v) => m with { CapexBudgetPerPeriodUsd = v }, FieldCodecs.OptionalNumber) },
        new("seeds", FieldType.String, "Folder of the assumptions register, relative to this file; every *.json in it is read.") { Default = "../seeds" },
        new("circuity", FieldType.Object, "Circuity per mode, for links without lengthKm.") { Element = Circuity },
        Source(),
    ]);

    public static readonly ElementSpec Commodity = new("commodity", "Commodity", "A product that mines supply and markets buy.",
    [
        new("id", FieldType.Id, "Unique id.") { Required = true, Access = FieldAccess.Of<Commodity, CommodityId>(c => c.Id, (c, v) => c with { Id = v }, CommodityIds) },
        new("name", FieldType.String, "Display name.") { AbsentMeans = "the id", Access = FieldAccess.Of<Commodity, string?>(c => c.Name == c.Id.Value ? null : c.Name, (c, v) => c with { Name = v ?? c.Id.Value }, FieldCodecs.OptionalText) },
        Figure("valueUsdPerTonne", "usdPerTonne", "Value of a tonne; prices the capital tied up in transit.") with { Required = true, Access = FieldAccess.Of<Commodity, double>(c => c.ValueUsdPerTonne, (c, v) => c with { ValueUsdPerTonne = v }, FieldCodecs.Number) },
        Source(),
    ]);

    public static readonly ElementSpec Supply = new("supply", "Mine supply", "A mine's yearly output of one commodity (mines only).",
    [
        new("commodity", FieldType.Id, "Commodity produced.") { Required = true, RefersTo = "commodities", Access = FieldAccess.Of<MineSupply, CommodityId>(s => s.Commodity, (s, v) => s with { Commodity = v }, CommodityIds) },
        Figure("tonnesPerYear", "tpy", "Output per year.") with { Required = true, Access = FieldAccess.Of<MineSupply, double>(s => s.TonnesPerYear, (s, v) => s with { TonnesPerYear = v }, FieldCodecs.Number) },
        new("allowUnshipped", FieldType.Boolean, "When true the mine may leave output unshipped; otherwise all of it must ship.") { Default = false, Access = FieldAccess.Of<MineSupply, bool>(s => s.AllowUnshipped, (s, v) => s with { AllowUnshipped = v }, FieldCodecs.Boolean) },
        Source(),
    ]);

    public static readonly ElementSpec Port = new("port", "Port facility", "Throughput capacity and handling charge (ports only).",
    [
        Figure("capacityTpy", "tpy", "Throughput per year; 0 = capacity only via options' capacityAdds.") with { AbsentMeans = "unlimited", Access = FieldAccess.Of<PortFacility, double?>(p => p.ThroughputCapacityTpy, (p, v) => p with { ThroughputCapacityTpy = v }, FieldCodecs.OptionalNumber) },
        Figure("handlingUsdPerTonne", "usdPerTonne", "Handling charge per tonne through the port.") with { Default = 0.0, Access = FieldAccess.Of<PortFacility, double>(p => p.HandlingUsdPerTonne, (p, v) => p with { HandlingUsdPerTonne = v }, FieldCodecs.Number) },
        Source(),
    ]);

    public static readonly ElementSpec Demand = new("demand", "Market demand", "What a market buys of one commodity (markets only).",
    [
        new("commodity", FieldType.Id, "Commodity bought.") { Required = true, RefersTo = "commodities", Access = FieldAccess.Of<MarketDemand, CommodityId>(d => d.Commodity, (d, v) => d with { Commodity = v }, CommodityIds) },
        Figure("minTpy", "tpy", "Tonnes per year the market must receive.") with { Default = 0.0, Access = FieldAccess.Of<MarketDemand, double>(d => d.MinTpy, (d, v) => d with { MinTpy = v }, FieldCodecs.Number) },
        Figure("maxTpy", "tpy", "Tonnes per year the market takes at most.") with { AbsentMeans = "unbounded", Access = FieldAccess.Of<MarketDemand, double?>(d => d.MaxTpy, (d, v) => d with { MaxTpy = v }, FieldCodecs.OptionalNumber) },
        Figure("priceUsdPerTonne", "usdPerTonne", "Delivered price paid per tonne.") with { AbsentMeans = "no revenue", Access = FieldAccess.Of<MarketDemand, double?>(d => d.PriceUsdPerTonne, (d, v) => d with { PriceUsdPerTonne = v }, FieldCodecs.OptionalNumber) },
        Source(),
    ]);

    public static readonly ElementSpec Node = new("node", "Node", "A mine, junction, port or market.",
    [
        new("id", FieldType.Id, "Unique id.") { Required = true, Access = FieldAccess.Of<Model.Node, NodeId>(n => n.Id, (n, v) => n with { Id = v }, NodeIds) },
        new("name", FieldType.String, "Display name.") { AbsentMeans = "the id", Access = FieldAccess.Of<Model.Node, string?>(n => n.Name == n.Id.Value ? null : n.Name, (n, v) => n with { Name = v ?? n.Id.Value }, FieldCodecs.OptionalText) },
        new("kind", FieldType.String, "What the node is.") { Required = true, Allowed = ["mine", "junction", "port", "market"], Access = FieldAccess.Of<Model.Node, NodeKind>(n => n.Kind, (n, v) => n with { Kind = v }, FieldCodecs.Choice(("mine", NodeKind.Mine), ("junction", NodeKind.Junction), ("port", NodeKind.Port), ("market", NodeKind.Market))) },
        new("lat", FieldType.Number, "Latitude.") { Unit = "deg", Required = true, Figure = true, Minimum = -90, Maximum = 90, Access = FieldAccess.Of<Model.Node, double>(n => n.Latitude, (n, v) => n with { Latitude = v }, FieldCodecs.Number) },
        new("lon", FieldType.Number, "Longitude.") { Unit = "deg", Required = true, Figure = true, Minimum = -180, Maximum = 180, Access = FieldAccess.Of<Model.Node, double>(n => n.Longitude, (n, v) => n with { Longitude = v }, FieldCodecs.Number) },
        Figure("transhipmentUsdPerTonne", "usdPerTonne", "Charged when cargo changes land mode here (road↔rail, pipeline→rail).") with { Default = 0.0, Access = FieldAccess.Of<Model.Node, double>(n => n.TranshipmentUsdPerTonne, (n, v) => n with { TranshipmentUsdPerTonne = v }, FieldCodecs.Number) },
        new("supply", FieldType.ObjectList, "Yearly output per commodity (mines only).") { Element = Supply, Access = FieldAccess.Of<Model.Node, ImmutableArray<MineSupply>>(n => n.Supplies, (n, v) => n with { Supplies = v }, FieldCodecs.Elements<MineSupply>((s, _) => s.Commodity.Value)) },
        new("port", FieldType.Object, "Port facility (ports only).") { Element = Port, Access = FieldAccess.Of<Model.Node, PortFacility?>(n => n.Port, (n, v) => n with { Port = v }, FieldCodecs.Element<PortFacility>()) },
        new("demand", FieldType.ObjectList, "Demand per commodity (markets only).") { Element = Demand, Access = FieldAccess.Of<Model.Node, ImmutableArray<MarketDemand>>(n => n.Demands, (n, v) => n with { Demands = v }, FieldCodecs.Elements<MarketDemand>((d, _) => d.Commodity.Value)) },
        Source(),
    ]);

    public static readonly ElementSpec Link = new("link", "Link", "A rail, road, sea or pipeline connection between two nodes.",
    [
        new("id", FieldType.Id, "Unique id.") { Required = true, Access = FieldAccess.Of<Model.Link, LinkId>(l => l.Id, (l, v) => l with { Id = v }, LinkIds) },
        new("name", FieldType.String, "Display name.") { AbsentMeans = "the id", Access = FieldAccess.Of<Model.Link, string?>(l => l.Name == l.Id.Value ? null : l.Name, (l, v) => l with { Name = v ?? l.Id.Value }, FieldCodecs.OptionalText) },
        new("from", FieldType.Id, "Node the link starts at.") { Required = true, RefersTo = "nodes", Access = FieldAccess.Of<Model.Link, NodeId>(l => l.From, (l, v) => l with { From = v }, NodeIds) },
        new("to", FieldType.Id, "Node the link ends at.") { Required = true, RefersTo = "nodes", Access = FieldAccess.Of<Model.Link, NodeId>(l => l.To, (l, v) => l with { To = v }, NodeIds) },
        new("mode", FieldType.String, "Transport mode.") { Required = true, Allowed = Modes, Access = FieldAccess.Of<Model.Link, TransportMode>(l => l.Mode, (l, v) => l with { Mode = v }, ModeCodec) },
        Figure("lengthKm", "km", "Route length.") with { AbsentMeans = "great-circle distance × metadata.circuity[mode]", Access = FieldAccess.Of<Model.Link, double?>(l => l.LengthBasis == LengthBasis.Given ? l.LengthKm : null, (l, v) => l with { LengthKm = v ?? l.LengthKm, LengthBasis = v is null ? LengthBasis.GreatCircle : LengthBasis.Given }, FieldCodecs.OptionalNumber) },
        Figure("tariffUsdPerTkm", "usdPerTkm", "Tariff per tonne-kilometre.") with { Default = 0.0, Access = FieldAccess.Of<Model.Link, double>(l => l.TariffUsdPerTkm, (l, v) => l with { TariffUsdPerTkm = v }, FieldCodecs.Number) },
        Figure("tariffUsdPerTonne", "usdPerTonne", "Fixed tariff per tonne carried.") with { Default = 0.0, Access = FieldAccess.Of<Model.Link, double>(l => l.TariffUsdPerTonne, (l, v) => l with { TariffUsdPerTonne = v }, FieldCodecs.Number) },
        Figure("capacityTpy", "tpy", "Tonnes per year (per direction unless capacitySharing is shared).") with { AbsentMeans = "unlimited", Access = FieldAccess.Of<Model.Link, double?>(l => l.CapacityTpy, (l, v) => l with { CapacityTpy = v }, FieldCodecs.OptionalNumber) },
        Figure("transitDays", "days", "Transit time; prices the inventory in transit.") with { Default = 0.0, Access = FieldAccess.Of<Model.Link, double>(l => l.TransitDays, (l, v) => l with { TransitDays = v }, FieldCodecs.Number) },
        new("direction", FieldType.String, "oneWay carries cargo from → to only.") { Default = "bothWays", Allowed = ["oneWay", "bothWays"], Access = FieldAccess.Of<Model.Link, LinkDirection>(l => l.Direction, (l, v) => l with { Direction = v }, FieldCodecs.Choice(("oneWay", LinkDirection.OneWay), ("bothWays", LinkDirection.BothWays))) },
        new("capacitySharing", FieldType.String, "shared = single track: both directions share one capacity pool.") { Default = "perDirection", Allowed = ["perDirection", "shared"], Access = FieldAccess.Of<Model.Link, CapacitySharing>(l => l.Sharing, (l, v) => l with { Sharing = v }, FieldCodecs.Choice(("perDirection", CapacitySharing.PerDirection), ("shared", CapacitySharing.SharedBothWays))) },
        new("commodities", FieldType.IdList, "Commodities allowed on the link.") { RefersTo = "commodities", AbsentMeans = "all commodities", Access = FieldAccess.Of<Model.Link, ImmutableArray<CommodityId>>(l => l.AllowedCommodities, (l, v) => l with { AllowedCommodities = v }, CommodityIdList) },
        Figure("riskUsdPerTonne", "usdPerTonne", "Risk premium per tonne (security, insurance).") with { Default = 0.0, Access = FieldAccess.Of<Model.Link, double>(l => l.RiskUsdPerTonne, (l, v) => l with { RiskUsdPerTonne = v }, FieldCodecs.Number) },
        new("builtBy", FieldType.Id, "Option that builds this link.") { RefersTo = "options", AbsentMeans = "the link exists today", Access = FieldAccess.Of<Model.Link, OptionId?>(l => l.BuiltBy, (l, v) => l with { BuiltBy = v }, FieldCodecs.OptionalId(s => new OptionId(s), o => o.Value)) },
        Source(),
    ]);

    public static readonly ElementSpec CapacityAdd = new("capacityAdd", "Capacity increment", "Capacity an option adds to one port or one link (name exactly one).",
    [
        new("port", FieldType.Id, "Port node whose capacity grows.") { RefersTo = "nodes", Access = FieldAccess.Of<CapacityIncrement, NodeId?>(a => a.Port, (a, v) => a with { Port = v }, FieldCodecs.OptionalId(s => new NodeId(s), n => n.Value)) },
        new("link", FieldType.Id, "Link whose capacity grows.") { RefersTo = "links", Access = FieldAccess.Of<CapacityIncrement, LinkId?>(a => a.Link, (a, v) => a with { Link = v }, FieldCodecs.OptionalId(s => new LinkId(s), l => l.Value)) },
        Figure("addTpy", "tpy", "Tonnes per year added.") with { Required = true, Access = FieldAccess.Of<CapacityIncrement, double>(a => a.AddedTpy, (a, v) => a with { AddedTpy = v }, FieldCodecs.Number) },
        Source(),
    ]);

    public static readonly ElementSpec Option = new("option", "Investment option", "A yes/no investment the optimiser may choose.",
    [
        new("id", FieldType.Id, "Unique id.") { Required = true, Access = FieldAccess.Of<InvestmentOption, OptionId>(o => o.Id, (o, v) => o with { Id = v }, OptionIds) },
        new("name", FieldType.String, "Display name.") { AbsentMeans = "the id", Access = FieldAccess.Of<InvestmentOption, string?>(o => o.Name == o.Id.Value ? null : o.Name, (o, v) => o with { Name = v ?? o.Id.Value }, FieldCodecs.OptionalText) },
        new("description", FieldType.String, "Free text.") { Default = "", Access = FieldAccess.Of<InvestmentOption, string>(o => o.Description, (o, v) => o with { Description = v }, FieldCodecs.Text) },
        Figure("capexUsd", "usd", "Capital cost.") with { Required = true, Access = FieldAccess.Of<InvestmentOption, double>(o => o.CapexUsd, (o, v) => o with { CapexUsd = v }, FieldCodecs.Number) },
        new("lifetimeYears", FieldType.Integer, "Economic life; the capex is annualised over it.") { Unit = "years", Required = true, Figure = true, Access = FieldAccess.Of<InvestmentOption, int>(o => o.LifetimeYears, (o, v) => o with { LifetimeYears = v }, FieldCodecs.Integer(absent: 1)) },
        Figure("fixedOmUsdPerYear", "usdPerYear", "Fixed operation and maintenance cost per year when built.") with { Default = 0.0, Access = FieldAccess.Of<InvestmentOption, double>(o => o.FixedOmUsdPerYear, (o, v) => o with { FixedOmUsdPerYear = v }, FieldCodecs.Number) },
        new("leadTimeYears", FieldType.Integer, "Plans over time: construction years before the option can be in service (earliest year = baseYear + leadTimeYears); its capex is paid evenly over them, or in its first year in service when 0.") { Unit = "years", Minimum = 0, Default = 0, Figure = true, Access = FieldAccess.Of<InvestmentOption, int>(o => o.LeadTimeYears, (o, v) => o with { LeadTimeYears = v }, FieldCodecs.Integer()) },
        new("capacityAdds", FieldType.ObjectList, "Capacity added to existing ports or links.") { Element = CapacityAdd, Access = FieldAccess.Of<InvestmentOption, ImmutableArray<CapacityIncrement>>(o => o.CapacityAdds, (o, v) => o with { CapacityAdds = v }, FieldCodecs.Elements<CapacityIncrement>((a, _) => a.Port?.Value ?? a.Link!.Value.Value)) },
        new("requires", FieldType.IdList, "Options that must also be built.") { RefersTo = "options", Access = FieldAccess.Of<InvestmentOption, ImmutableArray<OptionId>>(o => o.Requires, (o, v) => o with { Requires = v }, OptionIdList) },
        new("excludes", FieldType.IdList, "Options that must not be built with this one.") { RefersTo = "options", Access = FieldAccess.Of<InvestmentOption, ImmutableArray<OptionId>>(o => o.Excludes, (o, v) => o with { Excludes = v }, OptionIdList) },
        Source(),
    ]);

    public static readonly ElementSpec Rule = new("rule", "Policy rule", "A constraint on routes: avoidThrough or modeBan.",
    [
        new("id", FieldType.Id, "Unique id.") { Required = true, Access = FieldAccess.Of<PolicyRule, RuleId>(r => r.Id, (r, v) => r with { Id = v }, RuleIds) },
        new("kind", FieldType.String, "avoidThrough: cargo bound for markets avoids nodes/links; modeBan: a commodity may not use a mode.") { Required = true, Allowed = ["avoidThrough", "modeBan"], Access = FieldAccess.Written<PolicyRule, string>(r => r is ModeBanRule ? "modeBan" : "avoidThrough", FieldCodecs.Text) },
        new("description", FieldType.String, "Free text.") { Default = "", Access = FieldAccess.Of<PolicyRule, string>(r => r.Description, (r, v) => r with { Description = v }, FieldCodecs.Text) },
        new("enabled", FieldType.Boolean, "Whether the rule binds; scenarios may enable or disable it.") { Default = true, Access = FieldAccess.Of<PolicyRule, bool>(r => r.Enabled, (r, v) => r with { Enabled = v }, FieldCodecs.Boolean), AlwaysWritten = true },
        new("markets", FieldType.IdList, "avoidThrough: markets whose cargo the rule applies to.") { RefersTo = "nodes", Access = FieldAccess.Of<AvoidThroughRule, ImmutableArray<NodeId>>(r => r.Markets, (r, v) => r with { Markets = v }, NodeIdList), AlwaysWritten = true },
        new("nodes", FieldType.IdList, "avoidThrough: nodes to avoid.") { RefersTo = "nodes", Access = FieldAccess.Of<AvoidThroughRule, ImmutableArray<NodeId>>(r => r.AvoidNodes, (r, v) => r with { AvoidNodes = v }, NodeIdList) },
        new("links", FieldType.IdList, "avoidThrough: links to avoid.") { RefersTo = "links", Access = FieldAccess.Of<AvoidThroughRule, ImmutableArray<LinkId>>(r => r.AvoidLinks, (r, v) => r with { AvoidLinks = v }, FieldCodecs.IdList(s => new LinkId(s), l => l.Value)) },
        new("commodity", FieldType.Id, "modeBan: the banned commodity (required for modeBan).") { RefersTo = "commodities", Access = FieldAccess.Of<ModeBanRule, CommodityId>(r => r.Commodity, (r, v) => r with { Commodity = v }, CommodityIds) },
        new("mode", FieldType.String, "modeBan: the banned mode (required for modeBan).") { Allowed = Modes, Access = FieldAccess.Of<ModeBanRule, TransportMode>(r => r.Mode, (r, v) => r with { Mode = v }, ModeCodec) },
    ]);

    public static readonly ElementSpec Change = new("change", "Scenario change", "One numeric change; exactly one of set, multiply, add.",
    [
        new("path", FieldType.String, "Field to change, e.g. links[rohri-quetta].capacityTpy; [*] matches every element.") { Required = true, Access = FieldAccess.Of<ScenarioChange, string>(c => c.Path, (c, v) => c with { Path = v }, FieldCodecs.Text) },
        new("set", FieldType.Number, "New value.") { Minimum = double.MinValue, Maximum = double.MaxValue, Access = Operation(ChangeOperation.Set) },
        new("multiply", FieldType.Number, "Factor applied to the value.") { Minimum = double.MinValue, Maximum = double.MaxValue, Access = Operation(ChangeOperation.Multiply) },
        new("add", FieldType.Number, "Amount added to the value.") { Minimum = double.MinValue, Maximum = double.MaxValue, Access = Operation(ChangeOperation.Add) },
        new("period", FieldType.Id, "Scenario changes in a file with periods: the change acts from this period on (a period's own figure); ignored in a period's changes.") { RefersTo = "periods", AbsentMeans = "every period", Access = FieldAccess.Of<ScenarioChange, PeriodId?>(c => c.Period, (c, v) => c with { Period = v }, FieldCodecs.OptionalId(s => new PeriodId(s), p => p.Value)) },
        Source() with { Access = FieldAccess.Of<ScenarioChange, SeedId?>(c => c.Source, (c, v) => c with { Source = v }, FieldCodecs.OptionalId(s => new SeedId(s), s => s.Value)) },
    ]);

    public static readonly ElementSpec Period = new("period", "Planning period", "A span of years with its own figures: the file's figures with this period's changes and every earlier period's applied in order.",
    [
        new("id", FieldType.Id, "Unique id.") { Required = true, Access = FieldAccess.Of<PlanningPeriod, PeriodId>(p => p.Id, (p, v) => p with { Id = v }, FieldCodecs.Id(s => new PeriodId(s), p => p.Value)) },
        new("name", FieldType.String, "Display name.") { AbsentMeans = "the years, e.g. 2028–2033", Access = FieldAccess.Written<PlanningPeriod, string?>(p => p.Name == p.Span ? null : p.Name, FieldCodecs.OptionalText) },
        new("startYear", FieldType.Integer, "First calendar year; the first period starts at or after metadata.baseYear, each next one the year after the previous ends.") { Unit = "year", Required = true, Access = FieldAccess.Of<PlanningPeriod, int>(p => p.StartYear, (p, v) => p with { StartYear = v }, FieldCodecs.Integer()) },
        new("years", FieldType.Integer, "Length in years.") { Unit = "years", Required = true, Access = FieldAccess.Of<PlanningPeriod, int>(p => p.Years, (p, v) => p with { Years = v }, FieldCodecs.Integer()) },
        new("changes", FieldType.ObjectList, "Numeric changes from the previous period (same syntax as a scenario's), applied in order; each changed figure cites its source.") { Element = Change, Access = FieldAccess.Of<PlanningPeriod, ImmutableArray<ScenarioChange>>(p => p.Changes, (p, v) => p with { Changes = v }, Changes) },
    ]);

    public static readonly ElementSpec Scenario = new("scenario", "Scenario", "A named overlay on the base network; or { \"file\": … } naming an overlay file.",
    [
        new("id", FieldType.Id, "Unique id; --scenario selects it.") { Required = true, Access = FieldAccess.Of<Model.Scenario, ScenarioId>(c => c.Id, (c, v) => c with { Id = v }, FieldCodecs.Id(s => new ScenarioId(s), s => s.Value)) },
        new("name", FieldType.String, "Display name.") { AbsentMeans = "the id", Access = FieldAccess.Of<Model.Scenario, string?>(c => c.Name == c.Id.Value ? null : c.Name, (c, v) => c with { Name = v ?? c.Id.Value }, FieldCodecs.OptionalText) },
        new("description", FieldType.String, "Free text.") { Default = "", Access = FieldAccess.Of<Model.Scenario, string>(c => c.Description, (c, v) => c with { Description = v }, FieldCodecs.Text) },
        new("changes", FieldType.ObjectList, "Numeric changes, applied in order.") { Element = Change, Access = FieldAccess.Of<Model.Scenario, ImmutableArray<ScenarioChange>>(c => c.Changes, (c, v) => c with { Changes = v }, Changes) },
        new("forceBuild", FieldType.IdList, "Options that must be built.") { RefersTo = "options", Access = FieldAccess.Of<Model.Scenario, ImmutableArray<OptionId>>(c => c.ForceBuild, (c, v) => c with { ForceBuild = v }, OptionIdList) },
        new("forbidBuild", FieldType.IdList, "Options that must not be built.") { RefersTo = "options", Access = FieldAccess.Of<Model.Scenario, ImmutableArray<OptionId>>(c => c.ForbidBuild, (c, v) => c with { ForbidBuild = v }, OptionIdList) },
        new("disable", FieldType.IdList, "Node, link or option ids to remove (a node takes its links; an option is forbidden).") { RefersTo = "nodes, links or options", Access = FieldAccess.Of<Model.Scenario, ImmutableArray<string>>(c => c.Disable, (c, v) => c with { Disable = v }, FieldCodecs.IdList(s => s, s => s)) },
        new("enableRules", FieldType.IdList, "Rules to enable.") { RefersTo = "rules", Access = FieldAccess.Of<Model.Scenario, ImmutableArray<RuleId>>(c => c.EnableRules, (c, v) => c with { EnableRules = v }, RuleIdList) },
        new("disableRules", FieldType.IdList, "Rules to disable.") { RefersTo = "rules", Access = FieldAccess.Of<Model.Scenario, ImmutableArray<RuleId>>(c => c.DisableRules, (c, v) => c with { DisableRules = v }, RuleIdList) },
        new("file", FieldType.String, "Overlay file holding the scenario, relative to the network file (then no other field).") { },
    ]);

    public static readonly ElementSpec Network = new("network", "Network file", "Top level of networks/<name>.network.json.",
    [
        new("$schema", FieldType.String, "Path of the JSON Schema, for editors (../schema/network.schema.json).") { Access = FieldAccess.Written<NetworkSnapshot, string>(_ => "../schema/network.schema.json", FieldCodecs.Text) },
        new("formatVersion", FieldType.Integer, "Format version.") { Required = true, Allowed = ["1"], Access = FieldAccess.Written<NetworkSnapshot, int>(_ => FormatVersion, FieldCodecs.Integer()) },
        new("metadata", FieldType.Object, "Name and finance assumptions.") { Required = true, Element = Metadata, Access = FieldAccess.Written<NetworkSnapshot, NetworkMetadata?>(n => n.Metadata, FieldCodecs.Element<NetworkMetadata>()) },
        new("commodities", FieldType.ObjectList, "Commodities.") { Required = true, Element = Commodity, Access = FieldAccess.Written<NetworkSnapshot, ImmutableArray<Commodity>>(n => n.Commodities, FieldCodecs.Elements<Commodity>((c, _) => c.Id.Value)), AlwaysWritten = true },
        new("nodes", FieldType.ObjectList, "Mines, junctions, ports and markets.") { Required = true, Element = Node, Access = FieldAccess.Written<NetworkSnapshot, ImmutableArray<Model.Node>>(n => n.Nodes, FieldCodecs.Elements<Model.Node>((x, _) => x.Id.Value)), AlwaysWritten = true },
        new("links", FieldType.ObjectList, "Links between nodes.") { Required = true, Element = Link, Access = FieldAccess.Written<NetworkSnapshot, ImmutableArray<Model.Link>>(n => n.Links, FieldCodecs.Elements<Model.Link>((x, _) => x.Id.Value)), AlwaysWritten = true },
        new("options", FieldType.ObjectList, "Investment options.") { Element = Option, Access = FieldAccess.Written<NetworkSnapshot, ImmutableArray<InvestmentOption>>(n => n.Options, FieldCodecs.Elements<InvestmentOption>((x, _) => x.Id.Value)), AlwaysWritten = true },
        new("rules", FieldType.ObjectList, "Policy rules.") { Element = Rule, Access = FieldAccess.Written<NetworkSnapshot, ImmutableArray<PolicyRule>>(n => n.Rules, FieldCodecs.Elements<PolicyRule>((x, _) => x.Id.Value)), AlwaysWritten = true },
        new("scenarios", FieldType.ObjectList, "Scenarios (inline or { \"file\": … }).") { Element = Scenario, Access = FieldAccess.Written<NetworkSnapshot, ImmutableArray<Model.Scenario>>(n => n.Scenarios, FieldCodecs.Elements<Model.Scenario>((x, _) => x.Id.Value)), AlwaysWritten = true },
        new("periods", FieldType.ObjectList, "Planning periods, in time order; absent means one representative year (docs/model.md).") { Element = Period, Access = FieldAccess.Written<NetworkSnapshot, ImmutableArray<PlanningPeriod>>(n => n.Periods, FieldCodecs.Elements<PlanningPeriod>((x, _) => x.Id.Value)) },
    ]);

    public static readonly ElementSpec ScenarioFile = new("scenarioFile", "Scenario overlay file", "Top level of networks/<name>.<scenario>.scenario.json.",
    [
        new("$schema", FieldType.String, "Path of the JSON Schema, for editors (../schema/scenario.schema.json)."),
        new("formatVersion", FieldType.Integer, "Format version.") { Required = true, Allowed = ["1"] },
        new("scenario", FieldType.Object, "The scenario, with the same fields as an inline one.") { Required = true, Element = Scenario },
    ]);

    public static readonly ElementSpec SeedSource = new("seedSource", "Seed source", "Where a seed's figure was published.",
    [
        new("title", FieldType.String, "Title of the document or page.") { Required = true },
        new("publisher", FieldType.String, "Who published it.") { Default = "" },
        new("date", FieldType.String, "Publication date, YYYY-MM-DD (or YYYY-MM, YYYY).") { Default = "" },
        new("url", FieldType.String, "Where to read it.") { Default = "" },
    ]);

    public static readonly ElementSpec SeedPoint = new("point", "Point", "A coordinate (for node positions).",
    [
        new("lat", FieldType.Number, "Latitude.") { Unit = "deg", Required = true, Minimum = -90, Maximum = 90 },
        new("lon", FieldType.Number, "Longitude.") { Unit = "deg", Required = true, Minimum = -180, Maximum = 180 },
    ]);

    public static readonly ElementSpec SeedAlternative = new("alternative", "Alternative figure", "Another published value for the same quantity.",
    [
        new("value", FieldType.Number, "The alternative value.") { Required = true, Minimum = double.MinValue, Maximum = double.MaxValue },
        new("source", FieldType.Object, "Where it was published.") { Element = SeedSource },
        new("note", FieldType.String, "Free text.") { Default = "" },
    ]);

    public static readonly ElementSpec Seed = new("seed", "Seed", "One entry of the assumptions register.",
    [
        new("id", FieldType.Id, "Unique id, cited by figures' source.") { Required = true },
        new("value", FieldType.Number, "The figure.") { Minimum = double.MinValue, Maximum = double.MaxValue, AbsentMeans = "no single value (a point, or a range only)" },
        new("point", FieldType.Object, "A coordinate, for node positions.") { Element = SeedPoint },
        new("unit", FieldType.String, "Unit of value, low and high (km, tpy, usd, usdPerTonne, deg, …).") { Required = true },
        new("low", FieldType.Number, "Lower end of the plausible range.") { Minimum = double.MinValue, Maximum = double.MaxValue },
        new("high", FieldType.Number, "Upper end of the plausible range.") { Minimum = double.MinValue, Maximum = double.MaxValue },
        new("source", FieldType.Object, "Where the figure was published (required unless confidence is assumption).") { Element = SeedSource },
        new("confidence", FieldType.String, "H, M, L, or assumption (no source; low and high say how unsure).") { Required = true, Allowed = ["H", "M", "L", "assumption"] },
        new("derived", FieldType.String, "How a derived figure was computed.") { Default = "" },
        new("note", FieldType.String, "Free text.") { Default = "" },
        new("alternatives", FieldType.ObjectList, "Other published values.") { Element = SeedAlternative },
        new("contextOnly", FieldType.Boolean, "True for a figure kept for the record, not a model input: it may stay uncited (no LG0603 warning).") { Default = false },
        new("distribution", FieldType.String, "How `logistics uncertainty` samples the seed between low and high (docs/analyses.md, \"Uncertainty\"): triangular (mode at value), uniform, pert (beta with mode at value), lognormal (low and high are its 5th and 95th percentiles) or fixed (never varied).") { Default = "triangular", Allowed = ["triangular", "uniform", "pert", "lognormal", "fixed"] },
    ]);

    public static readonly ElementSpec SeedCorrelation = new("correlation", "Correlation group", "Seeds that move together when sampled (for example all sea freight rates), with one rank correlation between every pair.",
    [
        new("id", FieldType.Id, "Unique id of the group (tornado rows name it).") { Required = true },
        new("seeds", FieldType.IdList, "Ids of the seeds in the group (two or more; a seed belongs to at most one group).") { Required = true },
        new("rankCorrelation", FieldType.Number, "Spearman rank correlation between every pair of the group's seeds.") { Required = true, Minimum = -1, Maximum = 1 },
        new("note", FieldType.String, "Why these seeds move together, and the basis of the correlation.") { Default = "" },
    ]);

    public static readonly ElementSpec SeedsFile = new("seedsFile", "Seeds file", "Top level of seeds/*.json.",
    [
        new("$schema", FieldType.String, "Path of the JSON Schema, for editors (../schema/seeds.schema.json)."),
        new("formatVersion", FieldType.Integer, "Format version.") { Required = true, Allowed = ["1"] },
        new("seeds", FieldType.ObjectList, "The register's entries.") { Required = true, Element = Seed },
        new("correlations", FieldType.ObjectList, "Groups of seeds of this file's subject that are sampled together (docs/analyses.md, \"Uncertainty\").") { Element = SeedCorrelation },
    ]);

    /// <summary>Every element reachable from <paramref name="root"/>, root first, each once (documentation and schema order).</summary>
    public static ImmutableArray<ElementSpec> ElementsFrom(ElementSpec root)
    {
        var seen = new List<ElementSpec>();
        void Visit(ElementSpec e)
        {
            if (seen.Contains(e)) return;
            seen.Add(e);
            foreach (var f in e.Fields)
                if (f.Element is not null) Visit(f.Element);
        }

        Visit(root);
        return [.. seen];
    }
}
