using System.Collections.Frozen;
using System.Collections.Immutable;

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

    public static readonly ElementSpec Circuity = new("circuity", "Circuity", "Route length divided by great-circle length, per mode; used when a link has no lengthKm.",
    [
        Figure("rail", "ratio", "Circuity of rail links.") with { Default = 1.3 },
        Figure("road", "ratio", "Circuity of road links.") with { Default = 1.25 },
        Figure("sea", "ratio", "Circuity of sea links.") with { Default = 1.15 },
        Figure("pipeline", "ratio", "Circuity of pipelines.") with { Default = 1.1 },
    ]);

    public static readonly ElementSpec Metadata = new("metadata", "Metadata", "Name, currency and finance assumptions of the network.",
    [
        new("name", FieldType.String, "Name of the network, shown in reports.") { Required = true },
        new("description", FieldType.String, "Free text.") { Default = "" },
        new("currency", FieldType.String, "Currency of every money figure; only USD in format version 1.") { Default = "USD", Allowed = ["USD"] },
        new("baseYear", FieldType.Integer, "Year the money figures are expressed in (real terms).") { Unit = "year", Default = 2025 },
        Figure("discountRate", "fraction", "Real discount rate per year used to annualise capex.") with { Required = true },
        new("horizonYears", FieldType.Integer, "Appraisal horizon.") { Unit = "years", Required = true, Figure = true },
        Figure("capexBudgetUsd", "usd", "Upper bound on the total capex of built options.") with { AbsentMeans = "no budget" },
        Figure("capexBudgetPerYearUsd", "usd", "Plans over time: upper bound on the capex paid out in any one calendar year (construction outlays).") with { AbsentMeans = "no yearly budget" },
        Figure("capexBudgetPerPeriodUsd", "usd", "Plans over time: upper bound on the capex of the options that enter service in any one period.") with { AbsentMeans = "no budget per period" },
        new("seeds", FieldType.String, "Folder of the assumptions register, relative to this file; every *.json in it is read.") { Default = "../seeds" },
        new("circuity", FieldType.Object, "Circuity per mode, for links without lengthKm.") { Element = Circuity },
        Source(),
    ]);

    public static readonly ElementSpec Commodity = new("commodity", "Commodity", "A product that mines supply and markets buy.",
    [
        new("id", FieldType.Id, "Unique id.") { Required = true },
        new("name", FieldType.String, "Display name.") { AbsentMeans = "the id" },
        Figure("valueUsdPerTonne", "usdPerTonne", "Value of a tonne; prices the capital tied up in transit.") with { Required = true },
        Source(),
    ]);

    public static readonly ElementSpec Supply = new("supply", "Mine supply", "A mine's yearly output of one commodity (mines only).",
    [
        new("commodity", FieldType.Id, "Commodity produced.") { Required = true, RefersTo = "commodities" },
        Figure("tonnesPerYear", "tpy", "Output per year.") with { Required = true },
        new("allowUnshipped", FieldType.Boolean, "When true the mine may leave output unshipped; otherwise all of it must ship.") { Default = false },
        Source(),
    ]);

    public static readonly ElementSpec Port = new("port", "Port facility", "Throughput capacity and handling charge (ports only).",
    [
        Figure("capacityTpy", "tpy", "Throughput per year; 0 = capacity only via options' capacityAdds.") with { AbsentMeans = "unlimited" },
        Figure("handlingUsdPerTonne", "usdPerTonne", "Handling charge per tonne through the port.") with { Default = 0.0 },
        Source(),
    ]);

    public static readonly ElementSpec Demand = new("demand", "Market demand", "What a market buys of one commodity (markets only).",
    [
        new("commodity", FieldType.Id, "Commodity bought.") { Required = true, RefersTo = "commodities" },
        Figure("minTpy", "tpy", "Tonnes per year the market must receive.") with { Default = 0.0 },
        Figure("maxTpy", "tpy", "Tonnes per year the market takes at most.") with { AbsentMeans = "unbounded" },
        Figure("priceUsdPerTonne", "usdPerTonne", "Delivered price paid per tonne.") with { AbsentMeans = "no revenue" },
        Source(),
    ]);

    public static readonly ElementSpec Node = new("node", "Node", "A mine, junction, port or market.",
    [
        new("id", FieldType.Id, "Unique id.") { Required = true },
        new("name", FieldType.String, "Display name.") { AbsentMeans = "the id" },
        new("kind", FieldType.String, "What the node is.") { Required = true, Allowed = ["mine", "junction", "port", "market"] },
        new("lat", FieldType.Number, "Latitude.") { Unit = "deg", Required = true, Figure = true, Minimum = -90, Maximum = 90 },
        new("lon", FieldType.Number, "Longitude.") { Unit = "deg", Required = true, Figure = true, Minimum = -180, Maximum = 180 },
        Figure("transhipmentUsdPerTonne", "usdPerTonne", "Charged when cargo changes land mode here (road↔rail, pipeline→rail).") with { Default = 0.0 },
        new("supply", FieldType.ObjectList, "Yearly output per commodity (mines only).") { Element = Supply },
        new("port", FieldType.Object, "Port facility (ports only).") { Element = Port },
        new("demand", FieldType.ObjectList, "Demand per commodity (markets only).") { Element = Demand },
        Source(),
    ]);

    public static readonly ElementSpec Link = new("link", "Link", "A rail, road, sea or pipeline connection between two nodes.",
    [
        new("id", FieldType.Id, "Unique id.") { Required = true },
        new("name", FieldType.String, "Display name.") { AbsentMeans = "the id" },
        new("from", FieldType.Id, "Node the link starts at.") { Required = true, RefersTo = "nodes" },
        new("to", FieldType.Id, "Node the link ends at.") { Required = true, RefersTo = "nodes" },
        new("mode", FieldType.String, "Transport mode.") { Required = true, Allowed = Modes },
        Figure("lengthKm", "km", "Route length.") with { AbsentMeans = "great-circle distance × metadata.circuity[mode]" },
        Figure("tariffUsdPerTkm", "usdPerTkm", "Tariff per tonne-kilometre.") with { Default = 0.0 },
        Figure("tariffUsdPerTonne", "usdPerTonne", "Fixed tariff per tonne carried.") with { Default = 0.0 },
        Figure("capacityTpy", "tpy", "Tonnes per year (per direction unless capacitySharing is shared).") with { AbsentMeans = "unlimited" },
        Figure("transitDays", "days", "Transit time; prices the inventory in transit.") with { Default = 0.0 },
        new("direction", FieldType.String, "oneWay carries cargo from → to only.") { Default = "bothWays", Allowed = ["oneWay", "bothWays"] },
        new("capacitySharing", FieldType.String, "shared = single track: both directions share one capacity pool.") { Default = "perDirection", Allowed = ["perDirection", "shared"] },
        new("commodities", FieldType.IdList, "Commodities allowed on the link.") { RefersTo = "commodities", AbsentMeans = "all commodities" },
        Figure("riskUsdPerTonne", "usdPerTonne", "Risk premium per tonne (security, insurance).") with { Default = 0.0 },
        new("builtBy", FieldType.Id, "Option that builds this link.") { RefersTo = "options", AbsentMeans = "the link exists today" },
        Source(),
    ]);

    public static readonly ElementSpec CapacityAdd = new("capacityAdd", "Capacity increment", "Capacity an option adds to one port or one link (name exactly one).",
    [
        new("port", FieldType.Id, "Port node whose capacity grows.") { RefersTo = "nodes" },
        new("link", FieldType.Id, "Link whose capacity grows.") { RefersTo = "links" },
        Figure("addTpy", "tpy", "Tonnes per year added.") with { Required = true },
        Source(),
    ]);

    public static readonly ElementSpec Option = new("option", "Investment option", "A yes/no investment the optimiser may choose.",
    [
        new("id", FieldType.Id, "Unique id.") { Required = true },
        new("name", FieldType.String, "Display name.") { AbsentMeans = "the id" },
        new("description", FieldType.String, "Free text.") { Default = "" },
        Figure("capexUsd", "usd", "Capital cost.") with { Required = true },
        new("lifetimeYears", FieldType.Integer, "Economic life; the capex is annualised over it.") { Unit = "years", Required = true, Figure = true },
        Figure("fixedOmUsdPerYear", "usdPerYear", "Fixed operation and maintenance cost per year when built.") with { Default = 0.0 },
        new("leadTimeYears", FieldType.Integer, "Plans over time: construction years before the option can be in service (earliest year = baseYear + leadTimeYears); its capex is paid evenly over them, or in its first year in service when 0.") { Unit = "years", Minimum = 0, Default = 0, Figure = true },
        new("capacityAdds", FieldType.ObjectList, "Capacity added to existing ports or links.") { Element = CapacityAdd },
        new("requires", FieldType.IdList, "Options that must also be built.") { RefersTo = "options" },
        new("excludes", FieldType.IdList, "Options that must not be built with this one.") { RefersTo = "options" },
        Source(),
    ]);

    public static readonly ElementSpec Rule = new("rule", "Policy rule", "A constraint on routes: avoidThrough or modeBan.",
    [
        new("id", FieldType.Id, "Unique id.") { Required = true },
        new("kind", FieldType.String, "avoidThrough: cargo bound for markets avoids nodes/links; modeBan: a commodity may not use a mode.") { Required = true, Allowed = ["avoidThrough", "modeBan"] },
        new("description", FieldType.String, "Free text.") { Default = "" },
        new("enabled", FieldType.Boolean, "Whether the rule binds; scenarios may enable or disable it.") { Default = true },
        new("markets", FieldType.IdList, "avoidThrough: markets whose cargo the rule applies to.") { RefersTo = "nodes" },
        new("nodes", FieldType.IdList, "avoidThrough: nodes to avoid.") { RefersTo = "nodes" },
        new("links", FieldType.IdList, "avoidThrough: links to avoid.") { RefersTo = "links" },
        new("commodity", FieldType.Id, "modeBan: the banned commodity (required for modeBan).") { RefersTo = "commodities" },
        new("mode", FieldType.String, "modeBan: the banned mode (required for modeBan).") { Allowed = Modes },
    ]);

    public static readonly ElementSpec Change = new("change", "Scenario change", "One numeric change; exactly one of set, multiply, add.",
    [
        new("path", FieldType.String, "Field to change, e.g. links[rohri-quetta].capacityTpy; [*] matches every element.") { Required = true },
        new("set", FieldType.Number, "New value.") { Minimum = double.MinValue, Maximum = double.MaxValue },
        new("multiply", FieldType.Number, "Factor applied to the value.") { Minimum = double.MinValue, Maximum = double.MaxValue },
        new("add", FieldType.Number, "Amount added to the value.") { Minimum = double.MinValue, Maximum = double.MaxValue },
        new("period", FieldType.Id, "Scenario changes in a file with periods: the change acts from this period on (a period's own figure); ignored in a period's changes.") { RefersTo = "periods", AbsentMeans = "every period" },
        Source(),
    ]);

    public static readonly ElementSpec Period = new("period", "Planning period", "A span of years with its own figures: the file's figures with this period's changes and every earlier period's applied in order.",
    [
        new("id", FieldType.Id, "Unique id.") { Required = true },
        new("name", FieldType.String, "Display name.") { AbsentMeans = "the years, e.g. 2028–2033" },
        new("startYear", FieldType.Integer, "First calendar year; the first period starts at or after metadata.baseYear, each next one the year after the previous ends.") { Unit = "year", Required = true },
        new("years", FieldType.Integer, "Length in years.") { Unit = "years", Required = true },
        new("changes", FieldType.ObjectList, "Numeric changes from the previous period (same syntax as a scenario's), applied in order; each changed figure cites its source.") { Element = Change },
    ]);

    public static readonly ElementSpec Scenario = new("scenario", "Scenario", "A named overlay on the base network; or { \"file\": … } naming an overlay file.",
    [
        new("id", FieldType.Id, "Unique id; --scenario selects it.") { Required = true },
        new("name", FieldType.String, "Display name.") { AbsentMeans = "the id" },
        new("description", FieldType.String, "Free text.") { Default = "" },
        new("changes", FieldType.ObjectList, "Numeric changes, applied in order.") { Element = Change },
        new("forceBuild", FieldType.IdList, "Options that must be built.") { RefersTo = "options" },
        new("forbidBuild", FieldType.IdList, "Options that must not be built.") { RefersTo = "options" },
        new("disable", FieldType.IdList, "Node, link or option ids to remove (a node takes its links; an option is forbidden).") { RefersTo = "nodes, links or options" },
        new("enableRules", FieldType.IdList, "Rules to enable.") { RefersTo = "rules" },
        new("disableRules", FieldType.IdList, "Rules to disable.") { RefersTo = "rules" },
        new("file", FieldType.String, "Overlay file holding the scenario, relative to the network file (then no other field).") { },
    ]);

    public static readonly ElementSpec Network = new("network", "Network file", "Top level of networks/<name>.network.json.",
    [
        new("$schema", FieldType.String, "Path of the JSON Schema, for editors (../schema/network.schema.json)."),
        new("formatVersion", FieldType.Integer, "Format version.") { Required = true, Allowed = ["1"] },
        new("metadata", FieldType.Object, "Name and finance assumptions.") { Required = true, Element = Metadata },
        new("commodities", FieldType.ObjectList, "Commodities.") { Required = true, Element = Commodity },
        new("nodes", FieldType.ObjectList, "Mines, junctions, ports and markets.") { Required = true, Element = Node },
        new("links", FieldType.ObjectList, "Links between nodes.") { Required = true, Element = Link },
        new("options", FieldType.ObjectList, "Investment options.") { Element = Option },
        new("rules", FieldType.ObjectList, "Policy rules.") { Element = Rule },
        new("scenarios", FieldType.ObjectList, "Scenarios (inline or { \"file\": … }).") { Element = Scenario },
        new("periods", FieldType.ObjectList, "Planning periods, in time order; absent means one representative year (docs/model.md).") { Element = Period },
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
