using System.Collections.Immutable;
using System.Globalization;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Format;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;

namespace Logistics.Network.IO.Binding;

/// <summary>What binding a tree produced: the base snapshot (every element, no scenario structure applied), its figures and positions.</summary>
internal sealed record BindOutput(NetworkSnapshot? Network, ImmutableArray<FigureRecord> Figures, SourceMap Map, ImmutableArray<string> ChangeSources);

/// <summary>
/// Turns a checked, overlaid tree into a <see cref="NetworkSnapshot"/> through <see cref="NetworkBuilder"/>.
/// Shape problems come from <see cref="ElementReader"/> (the field table); this class adds what depends on
/// more than one field: duplicate ids, fields for another kind, bounds that contradict each other.
/// </summary>
internal sealed class NetworkBinder
{
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<FigureRecord> _figures = [];
    private readonly SourceMap _map = new();
    private readonly List<string> _changeSources = [];
    private readonly Dictionary<string, (double Lat, double Lon)> _coordinates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _circuity = new(StringComparer.Ordinal);

    private NetworkBinder(List<Diagnostic> diagnostics) => _diagnostics = diagnostics;

    public static BindOutput Bind(JObject root, List<Diagnostic> diagnostics)
    {
        var binder = new NetworkBinder(diagnostics);
        var network = binder.BindRoot(root);
        return new BindOutput(network, [.. binder._figures], binder._map, [.. binder._changeSources]);
    }

    private NetworkSnapshot? BindRoot(JObject root)
    {
        var top = new ElementReader(root, FormatTable.Network, "", _diagnostics);
        if (!top.IsWritten("formatVersion")) return null; // reported as required; nothing else can be trusted
        var builder = new NetworkBuilder();
        if (top.Child("metadata") is { } metadataObject) builder.WithMetadata(BindMetadata(metadataObject));
        else return null;

        foreach (var (r, id) in Elements(top, "commodities", FormatTable.Commodity))
        {
            builder.Add(new Commodity(new CommodityId(id), r.String("name") ?? id, FigureOf(r, $"commodities[{id}]", "valueUsdPerTonne", null) ?? 0));
        }

        var nodes = Elements(top, "nodes", FormatTable.Node).ToList();
        foreach (var (r, id) in nodes)
        {
            if (BindNode(r, id) is { } node)
            {
                builder.Add(node);
                _coordinates[id] = (node.Latitude, node.Longitude);
            }
        }

        foreach (var (r, id) in Elements(top, "links", FormatTable.Link))
        {
            if (BindLink(r, id) is { } link) builder.Add(link);
        }

        foreach (var (r, id) in Elements(top, "options", FormatTable.Option))
            builder.Add(BindOption(r, id));
        foreach (var (r, id) in Elements(top, "rules", FormatTable.Rule))
        {
            if (BindRule(r, id) is { } rule) builder.Add(rule);
        }

        foreach (var (r, id) in Elements(top, "scenarios", FormatTable.Scenario))
            builder.Add(BindScenario(r, id));

        var periods = Elements(top, "periods", FormatTable.Period).Select(p => BindPeriod(p.Reader, p.Id)).OfType<PlanningPeriod>().ToImmutableArray();
        if (!periods.IsEmpty)
        {
            CheckPeriodSpans(top, periods, builder.Build().Metadata.BaseYear);
            builder.WithPeriods(periods, []);
        }

        foreach (var figure in _figures)
        {
            builder.Add(new FigureProvenance(figure.Path, figure.Value, figure.Unit, figure.Source is null ? null : new SeedId(figure.Source)));
        }

        return builder.Build();
    }

    private NetworkMetadata BindMetadata(JObject obj)
    {
        var r = new ElementReader(obj, FormatTable.Metadata, "metadata", _diagnostics);
        Map(r, "metadata");
        var source = r.ElementSource;
        var circuityReader = r.Child("circuity") is { } c ? new ElementReader(c, FormatTable.Circuity, "metadata.circuity", _diagnostics) : null;
        foreach (var field in FormatTable.Circuity.Fields)
        {
            _circuity[field.Name] = circuityReader is null
                ? Convert.ToDouble(field.Default, CultureInfo.InvariantCulture)
                : FigureOf(circuityReader, "metadata.circuity", field.Name, source) ?? 1;
        }

        return new NetworkMetadata(
            r.String("name") ?? "",
            r.String("description") ?? "",
            r.String("currency") ?? "USD",
            r.Integer("baseYear") ?? 2025,
            FigureOf(r, "metadata", "discountRate", null) ?? 0,
            (int)(FigureOf(r, "metadata", "horizonYears", null) ?? 0),
            FigureOf(r, "metadata", "capexBudgetUsd", null))
        {
            CapexBudgetPerYearUsd = FigureOf(r, "metadata", "capexBudgetPerYearUsd", null),
            CapexBudgetPerPeriodUsd = FigureOf(r, "metadata", "capexBudgetPerPeriodUsd", null),
        };
    }

    /// <summary>The elements of a collection with a valid, unique id; duplicates are reported and skipped.</summary>
    private IEnumerable<(ElementReader Reader, string Id)> Elements(ElementReader parent, string collection, ElementSpec spec)
    {
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var (item, index) in parent.Children(collection))
        {
            if (collection == "scenarios" && item["file"] is not null)
                continue; // an overlay file that could not be read; NetworkSource reported it
            var r = new ElementReader(item, spec, $"{collection}[{index}]", _diagnostics);
            if (r.String("id") is not { } id) continue;
            if (seen.TryGetValue(id, out var first))
            {
                _diagnostics.Add(DiagnosticCodes.DuplicateId.At(r.PositionOf("id"), $"{collection}[{index}].id",
                    $"Id '{id}' is used twice in {collection} (first at line {first.Line.ToString(CultureInfo.InvariantCulture)}).", "Rename one of them; the second is ignored."));
                continue;
            }

            seen[id] = r.PositionOf("id");
            Map(r, $"{collection}[{id}]");
            yield return (r, id);
        }
    }

    private void Map(ElementReader r, string idPath)
    {
        _map.Add(idPath, r.Object);
    }

    /// <summary>Reads a numeric field and, when it is written, records it as a figure with its cited seed.</summary>
    private double? FigureOf(ElementReader r, string idPath, string field, string? inheritedSource)
    {
        var value = r.Number(field);
        if (r.Has(field))
        {
            var spec = r.Spec.Field(field)!;
            var node = r.NumberNode(field)!;
            _figures.Add(new FigureRecord($"{idPath}.{field}", field, value!.Value, spec.Unit ?? "", r.FigureSource(field, inheritedSource),
                node.Position, r.FigureSourcePosition(field), node.AdjustedByScenario, false));
        }

        return value;
    }

    private Node? BindNode(ElementReader r, string id)
    {
        var path = $"nodes[{id}]";
        var kindText = r.String("kind");
        var lat = FigureOf(r, path, "lat", null);
        var lon = FigureOf(r, path, "lon", null);
        var transhipment = FigureOf(r, path, "transhipmentUsdPerTonne", null) ?? 0;
        if (kindText is null) return null;
        var kind = kindText switch { "mine" => NodeKind.Mine, "port" => NodeKind.Port, "market" => NodeKind.Market, _ => NodeKind.Junction };
        var source = r.ElementSource;
        WrongKind(r, "supply", kind != NodeKind.Mine, $"Node '{id}' is a {kindText}; only mines have supply.");
        WrongKind(r, "port", kind != NodeKind.Port, $"Node '{id}' is a {kindText}; a port facility (capacity, handling) belongs on a port node.");
        WrongKind(r, "demand", kind != NodeKind.Market, $"Node '{id}' is a {kindText}; only markets have demand.");

        var supplies = ImmutableArray.CreateBuilder<MineSupply>();
        foreach (var (item, index) in r.Children("supply"))
        {
            var s = new ElementReader(item, FormatTable.Supply, $"{r.Path}.supply[{index}]", _diagnostics);
            if (s.String("commodity") is not { } commodity) continue;
            if (supplies.Any(x => x.Commodity.Value == commodity))
            {
                _diagnostics.Add(DiagnosticCodes.DuplicateEntry.At(s.Position, $"{path}.supply[{commodity}]", $"Mine '{id}' lists commodity '{commodity}' twice in supply."));
                continue;
            }

            Map(s, $"{path}.supply[{commodity}]");
            var tonnes = FigureOf(s, $"{path}.supply[{commodity}]", "tonnesPerYear", s.ElementSource ?? source) ?? 0;
            supplies.Add(new MineSupply(new CommodityId(commodity), tonnes, s.Boolean("allowUnshipped")));
        }

        PortFacility? port = null;
        if (r.Child("port") is { } portObject)
        {
            var p = new ElementReader(portObject, FormatTable.Port, $"{r.Path}.port", _diagnostics);
            Map(p, $"{path}.port");
            var portSource = p.ElementSource ?? source;
            port = new PortFacility(FigureOf(p, $"{path}.port", "capacityTpy", portSource), FigureOf(p, $"{path}.port", "handlingUsdPerTonne", portSource) ?? 0);
        }
        else if (kind == NodeKind.Port)
        {
            port = new PortFacility(null, 0);
        }

        var demands = ImmutableArray.CreateBuilder<MarketDemand>();
        foreach (var (item, index) in r.Children("demand"))
        {
            var d = new ElementReader(item, FormatTable.Demand, $"{r.Path}.demand[{index}]", _diagnostics);
            if (d.String("commodity") is not { } commodity) continue;
            var dPath = $"{path}.demand[{commodity}]";
            if (demands.Any(x => x.Commodity.Value == commodity))
            {
                _diagnostics.Add(DiagnosticCodes.DuplicateEntry.At(d.Position, dPath, $"Market '{id}' lists commodity '{commodity}' twice in demand."));
                continue;
            }

            Map(d, dPath);
            var dSource = d.ElementSource ?? source;
            var min = FigureOf(d, dPath, "minTpy", dSource) ?? 0;
            var max = FigureOf(d, dPath, "maxTpy", dSource);
            if (max is { } m && min > m)
            {
                _diagnostics.Add(DiagnosticCodes.InconsistentNumbers.At(d.PositionOf("minTpy"), $"{dPath}.minTpy",
                    $"Market '{id}' demands at least {Num(min)} t/y of '{commodity}' but takes at most {Num(m)}."));
            }

            demands.Add(new MarketDemand(new CommodityId(commodity), min, max, FigureOf(d, dPath, "priceUsdPerTonne", dSource)));
        }

        if (kind != NodeKind.Mine) supplies.Clear();
        if (kind != NodeKind.Market) demands.Clear();
        if (kind != NodeKind.Port) port = null;
        return new Node(new NodeId(id), r.String("name") ?? id, kind, lat ?? 0, lon ?? 0, transhipment, supplies.ToImmutable(), port, demands.ToImmutable());
    }

    private void WrongKind(ElementReader r, string field, bool wrong, string message)
    {
        if (wrong && r.IsWritten(field))
            _diagnostics.Add(DiagnosticCodes.FieldForOtherKind.At(r.NamePositionOf(field), $"{r.Path}.{field}", message, $"Remove '{field}' or change the node's kind."));
    }

    private Link? BindLink(ElementReader r, string id)
    {
        var path = $"links[{id}]";
        var from = r.String("from");
        var to = r.String("to");
        var modeText = r.String("mode");
        var given = FigureOf(r, path, "lengthKm", null);
        var tariffTkm = FigureOf(r, path, "tariffUsdPerTkm", null) ?? 0;
        var tariffT = FigureOf(r, path, "tariffUsdPerTonne", null) ?? 0;
        var capacity = FigureOf(r, path, "capacityTpy", null);
        var transit = FigureOf(r, path, "transitDays", null) ?? 0;
        var risk = FigureOf(r, path, "riskUsdPerTonne", null) ?? 0;
        if (from is null || to is null || modeText is null) return null;
        var mode = ParseMode(modeText);
        var basis = LengthBasis.Given;
        var length = given ?? 0;
        if (given is null)
        {
            basis = LengthBasis.GreatCircle;
            if (_coordinates.TryGetValue(from, out var a) && _coordinates.TryGetValue(to, out var b))
            {
                length = Geodesy.GreatCircleKm(a.Lat, a.Lon, b.Lat, b.Lon) * _circuity[modeText];
                _figures.Add(new FigureRecord($"{path}.lengthKm", "lengthKm", length, "km", null, r.Position, r.Position, false, true));
            }
        }

        return new Link(new LinkId(id), r.String("name") ?? id, new NodeId(from), new NodeId(to), mode, length, basis, tariffTkm, tariffT, capacity, transit,
            r.String("direction") == "oneWay" ? LinkDirection.OneWay : LinkDirection.BothWays,
            r.String("capacitySharing") == "shared" ? CapacitySharing.SharedBothWays : CapacitySharing.PerDirection,
            [.. r.Ids("commodities").Select(c => new CommodityId(c))],
            risk,
            r.String("builtBy") is { } option ? new OptionId(option) : null);
    }

    private InvestmentOption BindOption(ElementReader r, string id)
    {
        var path = $"options[{id}]";
        var adds = ImmutableArray.CreateBuilder<CapacityIncrement>();
        foreach (var (item, index) in r.Children("capacityAdds"))
        {
            var a = new ElementReader(item, FormatTable.CapacityAdd, $"{r.Path}.capacityAdds[{index}]", _diagnostics);
            var port = a.String("port");
            var link = a.String("link");
            if (port is null && link is null)
            {
                if (!a.IsWritten("port") && !a.IsWritten("link"))
                    _diagnostics.Add(DiagnosticCodes.BadCapacityAdd.At(a.Position, a.Path, $"Capacity increment of option '{id}' names neither a port nor a link."));
                continue;
            }

            if (port is not null && link is not null)
            {
                _diagnostics.Add(DiagnosticCodes.BadCapacityAdd.At(a.Position, a.Path, $"Capacity increment of option '{id}' names both port '{port}' and link '{link}'."));
                continue;
            }

            var target = (port ?? link)!;
            var aPath = $"{path}.capacityAdds[{target}]";
            Map(a, aPath);
            var added = FigureOf(a, aPath, "addTpy", a.ElementSource ?? r.ElementSource) ?? 0;
            adds.Add(new CapacityIncrement(link is null ? null : new LinkId(link), port is null ? null : new NodeId(port), added));
        }

        return new InvestmentOption(new OptionId(id), r.String("name") ?? id, r.String("description") ?? "",
            FigureOf(r, path, "capexUsd", null) ?? 0,
            (int)(FigureOf(r, path, "lifetimeYears", null) ?? 1),
            FigureOf(r, path, "fixedOmUsdPerYear", null) ?? 0,
            adds.ToImmutable(),
            [.. r.Ids("requires").Select(o => new OptionId(o))],
            [.. r.Ids("excludes").Select(o => new OptionId(o))],
            BuildDecision.Free)
        {
            LeadTimeYears = (int)(FigureOf(r, path, "leadTimeYears", null) ?? 0),
        };
    }

    private PolicyRule? BindRule(ElementReader r, string id)
    {
        var kind = r.String("kind");
        if (kind is null) return null;
        var own = kind == "modeBan" ? (string[])["commodity", "mode"] : ["markets", "nodes", "links"];
        var other = kind == "modeBan" ? (string[])["markets", "nodes", "links"] : ["commodity", "mode"];
        foreach (var field in other)
            WrongKindRule(r, field, $"Rule '{id}' is {kind}; '{field}' belongs to {(kind == "modeBan" ? "avoidThrough" : "modeBan")} rules.");
        if (kind == "modeBan")
        {
            foreach (var field in own.Where(f => !r.IsWritten(f)))
                _diagnostics.Add(DiagnosticCodes.Required.At(r.Position, $"{r.Path}.{field}", $"modeBan rule '{id}' has no '{field}'.", $"Add \"{field}\"."));
            if (r.String("commodity") is not { } commodity || r.String("mode") is not { } mode) return null;
            return new ModeBanRule(new RuleId(id), r.String("description") ?? "", r.Boolean("enabled"), new CommodityId(commodity), ParseMode(mode));
        }

        if (!r.IsWritten("markets"))
            _diagnostics.Add(DiagnosticCodes.Required.At(r.Position, $"{r.Path}.markets", $"avoidThrough rule '{id}' has no 'markets'.", "Add \"markets\": [\"market-id\"]."));
        return new AvoidThroughRule(new RuleId(id), r.String("description") ?? "", r.Boolean("enabled"),
            [.. r.Ids("markets").Select(n => new NodeId(n))], [.. r.Ids("nodes").Select(n => new NodeId(n))], [.. r.Ids("links").Select(l => new LinkId(l))]);
    }

    private void WrongKindRule(ElementReader r, string field, string message)
    {
        if (r.IsWritten(field))
            _diagnostics.Add(DiagnosticCodes.FieldForOtherKind.At(r.NamePositionOf(field), $"{r.Path}.{field}", message, $"Remove '{field}' or change the rule's kind."));
    }

    /// <summary>A period's span and changes; the changes themselves are applied to the tree by <see cref="Loading.NetworkSource"/>.</summary>
    private PlanningPeriod? BindPeriod(ElementReader r, string id)
    {
        var start = r.Integer("startYear");
        var years = r.Integer("years");
        var changes = BindChanges(r, $"periods[{id}]", $"period '{id}'");
        if (start is null || years is null) return null;
        var period = new PlanningPeriod(new PeriodId(id), "", start.Value, years.Value, changes);
        return period with { Name = r.String("name") ?? period.Span };
    }

    /// <summary>Periods follow each other without gaps or overlaps, from the base year on.</summary>
    private void CheckPeriodSpans(ElementReader top, ImmutableArray<PlanningPeriod> periods, int baseYear)
    {
        var position = top.PositionOf("periods");
        if (periods[0].StartYear < baseYear)
        {
            _diagnostics.Add(DiagnosticCodes.InconsistentNumbers.At(position, $"periods[{periods[0].Id}].startYear",
                $"Period '{periods[0].Id}' starts in {periods[0].StartYear} (before metadata.baseYear {baseYear}); money is in base-year terms and discounted from it.",
                "Start the first period in the base year or later."));
        }

        for (var k = 1; k < periods.Length; k++)
        {
            var expected = periods[k - 1].StartYear + periods[k - 1].Years;
            if (periods[k].StartYear != expected)
            {
                _diagnostics.Add(DiagnosticCodes.InconsistentNumbers.At(position, $"periods[{periods[k].Id}].startYear",
                    $"Period '{periods[k].Id}' starts in {periods[k].StartYear}, but '{periods[k - 1].Id}' ends in {expected - 1}: periods must follow each other without gap or overlap.",
                    $"Set startYear to {expected} or change the previous period's years."));
            }
        }
    }

    private Scenario BindScenario(ElementReader r, string id)
    {
        var changes = BindChanges(r, $"scenarios[{id}]", $"scenario '{id}'");
        return new Scenario(new ScenarioId(id), r.String("name") ?? id, r.String("description") ?? "", changes,
            [.. r.Ids("forceBuild").Select(o => new OptionId(o))],
            [.. r.Ids("forbidBuild").Select(o => new OptionId(o))],
            r.Ids("disable"),
            [.. r.Ids("enableRules").Select(x => new RuleId(x))],
            [.. r.Ids("disableRules").Select(x => new RuleId(x))]);
    }

    private ImmutableArray<ScenarioChange> BindChanges(ElementReader r, string owner, string ownerText)
    {
        var changes = ImmutableArray.CreateBuilder<ScenarioChange>();
        foreach (var (item, index) in r.Children("changes"))
        {
            var c = new ElementReader(item, FormatTable.Change, $"{owner}.changes[{index}]", _diagnostics);
            var source = c.String("source");
            if (source is not null) _changeSources.Add(source);
            var ops = new[] { ("set", ChangeOperation.Set), ("multiply", ChangeOperation.Multiply), ("add", ChangeOperation.Add) }.Where(o => c.IsWritten(o.Item1)).ToList();
            if (ops.Count != 1)
            {
                _diagnostics.Add(DiagnosticCodes.BadChange.At(c.Position, c.Path, $"Change {index.ToString(CultureInfo.InvariantCulture)} of {ownerText} has {(ops.Count == 0 ? "no operation" : string.Join(" and ", ops.Select(o => o.Item1)))}."));
                continue;
            }

            if (c.String("path") is { } path && c.Number(ops[0].Item1) is { } value)
                changes.Add(new ScenarioChange(path, ops[0].Item2, value, source is null ? null : new SeedId(source)) { Period = c.String("period") is { } period ? new PeriodId(period) : null });
        }

        return changes.ToImmutable();
    }

    internal static TransportMode ParseMode(string mode) => mode switch
    {
        "road" => TransportMode.Road,
        "rail" => TransportMode.Rail,
        "sea" => TransportMode.Sea,
        _ => TransportMode.Pipeline,
    };

    private static string Num(double d) => d.ToString("#,0.##", CultureInfo.InvariantCulture);
}
