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
    private readonly Dictionary<TransportMode, double> _circuity = [];

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

        foreach (var (r, id, path) in Elements(top, "commodities", FormatTable.Commodity))
            builder.Add(BindRows(new Commodity(new CommodityId(id), id, 0), r, path, null, out _));

        foreach (var (r, id, path) in Elements(top, "nodes", FormatTable.Node))
        {
            if (BindNode(r, id, path) is { } node)
            {
                builder.Add(node);
                _coordinates[id] = (node.Latitude, node.Longitude);
            }
        }

        foreach (var (r, id, path) in Elements(top, "links", FormatTable.Link))
        {
            if (BindLink(r, id, path) is { } link) builder.Add(link);
        }

        foreach (var (r, id, path) in Elements(top, "options", FormatTable.Option))
            builder.Add(BindOption(r, id, path));
        foreach (var (r, id, path) in Elements(top, "rules", FormatTable.Rule))
        {
            if (BindRule(r, id, path) is { } rule) builder.Add(rule);
        }

        foreach (var (r, id, path) in Elements(top, "scenarios", FormatTable.Scenario))
            builder.Add(BindScenario(r, id, path));

        var periods = Elements(top, "periods", FormatTable.Period).Select(p => BindPeriod(p.Reader, p.Id, p.Path)).OfType<PlanningPeriod>().ToImmutableArray();
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
            _circuity[ParseMode(field.Name)] = circuityReader is null
                ? Convert.ToDouble(field.Default, CultureInfo.InvariantCulture)
                : FigureOf(circuityReader, "metadata.circuity", field, source) ?? 1;
        }

        // Metadata binds even without its required fields (they are reported); the network still has a name and finance.
        return BindRows(new NetworkMetadata("", "", "USD", 2025, 0, 0, null), r, "metadata", null, out _);
    }

    /// <summary>The elements of a collection with a valid, unique id (and their id-form path); duplicates are reported and skipped.</summary>
    private IEnumerable<(ElementReader Reader, string Id, string Path)> Elements(ElementReader parent, string collection, ElementSpec spec)
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
            var path = $"{collection}[{id}]";
            Map(r, path);
            yield return (r, id, path);
        }
    }

    private void Map(ElementReader r, string idPath)
    {
        _map.Add(idPath, r.Object);
    }

    /// <summary>
    /// Sets every row of the element that has a setter and applies to the record (nested objects are bound by hand),
    /// in table order, so figures are recorded in the file's field order. <paramref name="complete"/> is false when a
    /// required text or whole-number field is missing or invalid: the caller drops the element (it was reported).
    /// </summary>
    private T BindRows<T>(T record, ElementReader r, string idPath, string? inheritedSource, out bool complete)
        where T : class
    {
        var source = new RowSource(this, r, idPath, inheritedSource);
        object current = record;
        foreach (var field in r.Spec.Fields)
        {
            if (field.Access is not { CanSet: true } access || field.Type is FieldType.Object or FieldType.ObjectList || !access.AppliesTo(current))
                continue;
            current = access.Bind(current, source, field);
        }

        complete = !source.MissingRequired;
        return (T)current;
    }

    /// <summary>Reads a numeric field and, when it is written, records it as a figure with its cited seed.</summary>
    private double? FigureOf(ElementReader r, string idPath, FieldSpec field, string? inheritedSource)
    {
        var value = r.Number(field.Name);
        if (r.Has(field.Name))
        {
            var node = r.NumberNode(field.Name)!;
            _figures.Add(new FigureRecord($"{idPath}.{field.Name}", field.Name, value!.Value, field.Unit ?? "", r.FigureSource(field.Name, inheritedSource),
                node.Position, r.FigureSourcePosition(field.Name), node.AdjustedByScenario, false));
        }

        return value;
    }

    private Node? BindNode(ElementReader r, string id, string path)
    {
        var node = BindRows(new Node(new NodeId(id), id, NodeKind.Junction, 0, 0, 0, [], null, []), r, path, null, out var complete);
        if (!complete) return null;
        var kind = node.Kind;
        var kindText = r.String("kind");
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
            supplies.Add(BindRows(new MineSupply(new CommodityId(commodity), 0, false), s, $"{path}.supply[{commodity}]", source, out _));
        }

        PortFacility? port = null;
        if (r.Child("port") is { } portObject)
        {
            var p = new ElementReader(portObject, FormatTable.Port, $"{r.Path}.port", _diagnostics);
            Map(p, $"{path}.port");
            port = BindRows(new PortFacility(null, 0), p, $"{path}.port", source, out _);
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
            var demand = BindRows(new MarketDemand(new CommodityId(commodity), 0, null, null), d, dPath, source, out _);
            if (demand.MaxTpy is { } m && demand.MinTpy > m)
            {
                _diagnostics.Add(DiagnosticCodes.InconsistentNumbers.At(d.PositionOf("minTpy"), $"{dPath}.minTpy",
                    $"Market '{id}' demands at least {Num(demand.MinTpy)} t/y of '{commodity}' but takes at most {Num(m)}."));
            }

            demands.Add(demand);
        }

        if (kind != NodeKind.Mine) supplies.Clear();
        if (kind != NodeKind.Market) demands.Clear();
        if (kind != NodeKind.Port) port = null;
        return node with { Supplies = supplies.ToImmutable(), Port = port, Demands = demands.ToImmutable() };
    }

    private void WrongKind(ElementReader r, string field, bool wrong, string message)
    {
        if (wrong && r.IsWritten(field))
            _diagnostics.Add(DiagnosticCodes.FieldForOtherKind.At(r.NamePositionOf(field), $"{r.Path}.{field}", message, $"Remove '{field}' or change the node's kind."));
    }

    private Link? BindLink(ElementReader r, string id, string path)
    {
        var blank = new Link(new LinkId(id), id, default, default, TransportMode.Road, 0, LengthBasis.Given, 0, 0, null, 0,
            LinkDirection.BothWays, CapacitySharing.PerDirection, [], 0, null);
        var link = BindRows(blank, r, path, null, out var complete);
        if (!complete) return null;
        if (link.LengthBasis == LengthBasis.GreatCircle
            && _coordinates.TryGetValue(link.From.Value, out var a) && _coordinates.TryGetValue(link.To.Value, out var b))
        {
            var length = Geodesy.GreatCircleKm(a.Lat, a.Lon, b.Lat, b.Lon) * _circuity[link.Mode];
            _figures.Add(new FigureRecord($"{path}.lengthKm", "lengthKm", length, "km", null, r.Position, r.Position, false, true));
            link = link with { LengthKm = length };
        }

        return link;
    }

    private InvestmentOption BindOption(ElementReader r, string id, string path)
    {
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

            var aPath = $"{path}.capacityAdds[{port ?? link}]";
            Map(a, aPath);
            adds.Add(BindRows(new CapacityIncrement(null, null, 0), a, aPath, r.ElementSource, out _));
        }

        // Capacity increments first, as their figures were always recorded before the option's own.
        return BindRows(new InvestmentOption(new OptionId(id), id, "", 0, 1, 0, adds.ToImmutable(), [], [], BuildDecision.Free), r, path, null, out _);
    }

    private PolicyRule? BindRule(ElementReader r, string id, string path)
    {
        var kind = r.String("kind");
        if (kind is null) return null;
        PolicyRule rule = kind == "modeBan"
            ? new ModeBanRule(new RuleId(id), "", true, default, default)
            : new AvoidThroughRule(new RuleId(id), "", true, [], [], []);

        // The fields of one kind of rule are the rows whose record is that kind's type.
        var own = new List<FieldSpec>();
        foreach (var field in r.Spec.Fields)
        {
            if (field.Access is not { } access || access.RecordType == typeof(PolicyRule)) continue;
            if (access.AppliesTo(rule)) own.Add(field);
            else WrongKindRule(r, field.Name, $"Rule '{id}' is {kind}; '{field.Name}' belongs to {(kind == "modeBan" ? "avoidThrough" : "modeBan")} rules.");
        }

        if (rule is ModeBanRule)
        {
            foreach (var field in own.Where(f => !r.IsWritten(f.Name)))
                _diagnostics.Add(DiagnosticCodes.Required.At(r.Position, $"{r.Path}.{field.Name}", $"modeBan rule '{id}' has no '{field.Name}'.", $"Add \"{field.Name}\"."));
            if (own.Any(f => !r.Has(f.Name))) return null;
        }
        else if (!r.IsWritten("markets"))
        {
            _diagnostics.Add(DiagnosticCodes.Required.At(r.Position, $"{r.Path}.markets", $"avoidThrough rule '{id}' has no 'markets'.", "Add \"markets\": [\"market-id\"]."));
        }

        return BindRows(rule, r, path, null, out _);
    }

    private void WrongKindRule(ElementReader r, string field, string message)
    {
        if (r.IsWritten(field))
            _diagnostics.Add(DiagnosticCodes.FieldForOtherKind.At(r.NamePositionOf(field), $"{r.Path}.{field}", message, $"Remove '{field}' or change the rule's kind."));
    }

    /// <summary>A period's span and changes; the changes themselves are applied to the tree by <see cref="Loading.NetworkSource"/>.</summary>
    private PlanningPeriod? BindPeriod(ElementReader r, string id, string path)
    {
        var changes = BindChanges(r, path, $"period '{id}'");
        var period = BindRows(new PlanningPeriod(new PeriodId(id), "", 0, 0, changes), r, path, null, out var complete);
        if (!complete) return null;
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

    private Scenario BindScenario(ElementReader r, string id, string path)
    {
        var changes = BindChanges(r, path, $"scenario '{id}'");
        return BindRows(new Scenario(new ScenarioId(id), id, "", changes, [], [], [], [], []), r, path, null, out _);
    }

    private ImmutableArray<ScenarioChange> BindChanges(ElementReader r, string owner, string ownerText)
    {
        var changes = ImmutableArray.CreateBuilder<ScenarioChange>();
        foreach (var (item, index) in r.Children("changes"))
        {
            var c = new ElementReader(item, FormatTable.Change, $"{owner}.changes[{index}]", _diagnostics);
            var source = c.String("source");
            if (source is not null) _changeSources.Add(source);

            // The operations are the change's numeric fields (set, multiply, add): exactly one is written.
            var ops = c.Spec.Fields.Where(f => f.Type == FieldType.Number && c.IsWritten(f.Name)).ToList();
            if (ops.Count != 1)
            {
                _diagnostics.Add(DiagnosticCodes.BadChange.At(c.Position, c.Path, $"Change {index.ToString(CultureInfo.InvariantCulture)} of {ownerText} has {(ops.Count == 0 ? "no operation" : string.Join(" and ", ops.Select(o => o.Name)))}."));
                continue;
            }

            var change = BindRows(new ScenarioChange("", ChangeOperation.Set, 0), c, c.Path, null, out var complete);
            if (complete && c.Has(ops[0].Name)) changes.Add(change);
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

    /// <summary>One element's values for the rows' codecs: figures recorded with their sources, missing required fields noted.</summary>
    private sealed class RowSource(NetworkBinder binder, ElementReader reader, string idPath, string? inheritedSource) : IFieldSource
    {
        public bool MissingRequired { get; private set; }

        public string? Text(FieldSpec field)
        {
            var value = reader.String(field.Name);
            if (value is null && field.Required) MissingRequired = true;
            return value;
        }

        public double? Number(FieldSpec field)
        {
            if (field.Figure) return binder.FigureOf(reader, idPath, field, inheritedSource);
            var value = reader.Number(field.Name);
            if (value is null && field.Required) MissingRequired = true;
            return value;
        }

        public bool Boolean(FieldSpec field) => reader.Boolean(field.Name);

        public ImmutableArray<string> Ids(FieldSpec field) => reader.Ids(field.Name);
    }
}
