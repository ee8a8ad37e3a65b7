using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace Logistics.Network.Model;

/// <summary>
/// Changes to figures of a snapshot, applied to the snapshot itself rather than to the file's tree: no reparse, no
/// rebind, no revalidation of the whole network per application. This is the one way variants of a network are made
/// (ARCHITECTURE.md, "Variants of a network"): uncertainty draws, sweep points and period snapshots. <see cref="Check"/>
/// it once against a snapshot (every path must name a figure the snapshot has and this class can set); then
/// <see cref="ApplyTo"/> any snapshot with the same elements, as often as needed. Changes apply in order, each to the
/// figure's value after the ones before it. The figures' provenance values (and, when a change says so, their sources)
/// follow the change. A figure that is derived at binding time (a length from coordinates and circuity) is not settable
/// here: change the figure it was derived from in the file instead.
/// </summary>
public sealed class FigureChangeSet
{
    /// <summary>
    /// Numeric fields of each element that the snapshot holds directly, and so can be set on it. The uncertainty
    /// analysis varies exactly these (lead times and the per-year and per-period budgets are held: adding one here
    /// would change its draws, and is the lead's call).
    /// </summary>
    private static readonly FrozenSet<string> SettableFields = new[]
    {
        "metadata.discountRate", "metadata.horizonYears", "metadata.capexBudgetUsd",
        "commodities.valueUsdPerTonne",
        "nodes.transhipmentUsdPerTonne", "nodes.supply.tonnesPerYear", "nodes.port.capacityTpy", "nodes.port.handlingUsdPerTonne",
        "nodes.demand.minTpy", "nodes.demand.maxTpy", "nodes.demand.priceUsdPerTonne",
        "links.lengthKm", "links.tariffUsdPerTkm", "links.tariffUsdPerTonne", "links.capacityTpy", "links.transitDays", "links.riskUsdPerTonne",
        "options.capexUsd", "options.lifetimeYears", "options.fixedOmUsdPerYear", "options.capacityAdds.addTpy",
    }.ToFrozenSet(StringComparer.Ordinal);

    public FigureChangeSet(IEnumerable<FigureChange> changes)
        : this(changes, [])
    {
    }

    public FigureChangeSet(IEnumerable<FigureChange> changes, IEnumerable<ElementChange> elements)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(elements);
        Changes = [.. changes];
        Elements = [.. elements];
    }

    /// <summary>A set of element changes only (options forced, an outage).</summary>
    public static FigureChangeSet Of(params ElementChange[] elements) => new([], elements);

    public ImmutableArray<FigureChange> Changes { get; }

    /// <summary>The structural changes, applied after <see cref="Changes"/>, in order (<see cref="ElementChange"/>).</summary>
    public ImmutableArray<ElementChange> Elements { get; }

    /// <summary>True for figures the format holds as whole numbers (lifetimes, horizon): a change to one is rounded.</summary>
    public static bool IsWholeNumber(string path) => path.EndsWith(".lifetimeYears", StringComparison.Ordinal) || path.EndsWith(".horizonYears", StringComparison.Ordinal);

    /// <summary>True when the path names a field kind this class can set on a snapshot (whatever the element's id).</summary>
    public static bool IsSettable(string path) => Parse(path) is { } p && SettableFields.Contains(p.Kind);

    /// <summary>Problems that would stop <see cref="ApplyTo"/>, one sentence each; empty when the set applies to <paramref name="network"/>.</summary>
    public ImmutableArray<string> Check(NetworkSnapshot network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var figures = network.Figures.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var change in Changes)
        {
            if (!double.IsFinite(change.Value))
                problems.Add($"The {(change.Operation == ChangeOperation.Set ? "new value" : "operand")} of {change.Path} is not a finite number.");
            else if (!IsSettable(change.Path))
                problems.Add($"{change.Path} is not a figure that can be set on a snapshot (derived when the file is bound, or not a number).");
            else if (!figures.Contains(change.Path))
                problems.Add($"The network has no figure {change.Path}.");
        }

        problems.AddRange(Elements.Select(e => e.Problem(network)).OfType<string>());
        return [.. problems];
    }

    /// <summary>A copy of <paramref name="network"/> with every figure change applied (integers rounded) and its figures' values updated, then every element change.</summary>
    /// <exception cref="ArgumentException">A change does not apply (<see cref="Check"/> would have said so).</exception>
    public NetworkSnapshot ApplyTo(NetworkSnapshot network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var result = Changes.IsEmpty ? network : ApplyFigures(network);
        foreach (var element in Elements)
            result = element.ApplyTo(result);
        return result;
    }

    private NetworkSnapshot ApplyFigures(NetworkSnapshot network)
    {
        var metadata = network.Metadata;
        var commodities = new Dictionary<CommodityId, Commodity>();
        var nodes = new Dictionary<NodeId, Node>();
        var links = new Dictionary<LinkId, Link>();
        var options = new Dictionary<OptionId, InvestmentOption>();
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var sources = new Dictionary<string, SeedId?>(StringComparer.Ordinal);
        Dictionary<string, double>? written = null; // the snapshot's own values, looked up only when a change multiplies or adds
        foreach (var change in Changes)
        {
            var p = Parse(change.Path) ?? throw Bad(change, "it is not a figure path");
            var v = change.Value;
            if (change.Operation != ChangeOperation.Set)
            {
                written ??= network.Figures.ToDictionary(f => f.Path, f => f.Value, StringComparer.Ordinal);
                var current = values.TryGetValue(change.Path, out var earlier) ? earlier
                    : written.TryGetValue(change.Path, out var own) ? own : throw Bad(change, "the network has no such figure to act on");
                v = change.Operation == ChangeOperation.Multiply ? current * v : current + v;
            }
            switch (p.Collection)
            {
                case "metadata":
                    metadata = p.Field switch
                    {
                        "discountRate" => metadata with { DiscountRate = v },
                        "horizonYears" => metadata with { HorizonYears = (int)Math.Round(v) },
                        "capexBudgetUsd" => metadata with { CapexBudgetUsd = v },
                        _ => throw Bad(change, "the field cannot be set"),
                    };
                    break;
                case "commodities":
                {
                    var id = new CommodityId(p.Id);
                    var c = commodities.GetValueOrDefault(id) ?? network.Commodities.FirstOrDefault(x => x.Id == id) ?? throw Bad(change, "no such commodity");
                    commodities[id] = p.Field == "valueUsdPerTonne" ? c with { ValueUsdPerTonne = v } : throw Bad(change, "the field cannot be set");
                    break;
                }

                case "nodes":
                {
                    var id = new NodeId(p.Id);
                    var n = nodes.GetValueOrDefault(id) ?? (network.TryGetNode(id, out var found) ? found : throw Bad(change, "no such node"));
                    nodes[id] = SetNode(n, p, v, change);
                    break;
                }

                case "links":
                {
                    var id = new LinkId(p.Id);
                    var l = links.GetValueOrDefault(id) ?? (network.TryGetLink(id, out var found) ? found : throw Bad(change, "no such link"));
                    links[id] = p.Field switch
                    {
                        "lengthKm" => l with { LengthKm = v },
                        "tariffUsdPerTkm" => l with { TariffUsdPerTkm = v },
                        "tariffUsdPerTonne" => l with { TariffUsdPerTonne = v },
                        "capacityTpy" => l with { CapacityTpy = v },
                        "transitDays" => l with { TransitDays = v },
                        "riskUsdPerTonne" => l with { RiskUsdPerTonne = v },
                        _ => throw Bad(change, "the field cannot be set"),
                    };
                    break;
                }

                case "options":
                {
                    var id = new OptionId(p.Id);
                    var o = options.GetValueOrDefault(id) ?? (network.TryGetOption(id, out var found) ? found : throw Bad(change, "no such option"));
                    options[id] = (p.Part, p.Field) switch
                    {
                        (null, "capexUsd") => o with { CapexUsd = v },
                        (null, "lifetimeYears") => o with { LifetimeYears = (int)Math.Round(v) },
                        (null, "fixedOmUsdPerYear") => o with { FixedOmUsdPerYear = v },
                        ("capacityAdds", "addTpy") => o with
                        {
                            CapacityAdds = [.. o.CapacityAdds.Select(a => (a.Link?.Value ?? a.Port?.Value) == p.Key ? a with { AddedTpy = v } : a)],
                        },
                        _ => throw Bad(change, "the field cannot be set"),
                    };
                    break;
                }

                default:
                    throw Bad(change, "the field cannot be set");
            }

            values[change.Path] = IsWholeNumber(change.Path) ? Math.Round(v) : v;
            if (change.CitesSource) sources[change.Path] = change.Source;
        }

        var builder = NetworkBuilder.From(network).WithMetadata(metadata);
        foreach (var c in commodities.Values) builder.Replace(c);
        foreach (var n in nodes.Values) builder.Replace(n);
        foreach (var l in links.Values) builder.Replace(l);
        foreach (var o in options.Values) builder.Replace(o);
        var changed = network.Figures.Where(f => values.ContainsKey(f.Path)).ToList();
        builder.WithoutFigures(f => values.ContainsKey(f.Path));
        foreach (var f in changed) builder.Add(f with { Value = values[f.Path], Source = sources.TryGetValue(f.Path, out var cited) ? cited : f.Source });
        return builder.Build();
    }

    private static Node SetNode(Node n, FigurePath p, double v, FigureChange change)
    {
        switch (p.Part, p.Field)
        {
            case (null, "transhipmentUsdPerTonne"):
                return n with { TranshipmentUsdPerTonne = v };
            case ("supply", "tonnesPerYear"):
                return n with { Supplies = [.. n.Supplies.Select(s => s.Commodity.Value == p.Key ? s with { TonnesPerYear = v } : s)] };
            case ("port", "capacityTpy"):
                return n with { Port = (n.Port ?? throw Bad(change, "the node has no port facility")) with { ThroughputCapacityTpy = v } };
            case ("port", "handlingUsdPerTonne"):
                return n with { Port = (n.Port ?? throw Bad(change, "the node has no port facility")) with { HandlingUsdPerTonne = v } };
            case ("demand", "minTpy" or "maxTpy" or "priceUsdPerTonne"):
                return n with
                {
                    Demands = [.. n.Demands.Select(d => d.Commodity.Value != p.Key ? d : p.Field switch
                    {
                        "minTpy" => d with { MinTpy = v },
                        "maxTpy" => d with { MaxTpy = v },
                        _ => d with { PriceUsdPerTonne = v },
                    })],
                };
            default:
                throw Bad(change, "the field cannot be set");
        }
    }

    private static ArgumentException Bad(FigureChange change, string why) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Cannot set {change.Path} to {change.Value:G6}: {why}."), nameof(change));

    /// <summary>collection[id].field, collection[id].part.field or collection[id].part[key].field; metadata.field.</summary>
    private sealed record FigurePath(string Collection, string Id, string? Part, string? Key, string Field)
    {
        public string Kind => Part is null ? $"{Collection}.{Field}" : $"{Collection}.{Part}.{Field}";
    }

    private static FigurePath? Parse(string path)
    {
        if (path.StartsWith("metadata.", StringComparison.Ordinal))
        {
            var field = path["metadata.".Length..];
            return field.Contains('.', StringComparison.Ordinal) ? null : new FigurePath("metadata", "", null, null, field);
        }

        var open = path.IndexOf('[', StringComparison.Ordinal);
        var close = path.IndexOf("].", StringComparison.Ordinal);
        if (open <= 0 || close < open) return null;
        var collection = path[..open];
        var id = path[(open + 1)..close];
        var rest = path[(close + 2)..];
        var dot = rest.LastIndexOf('.');
        if (dot < 0) return new FigurePath(collection, id, null, null, rest);
        var part = rest[..dot];
        var last = rest[(dot + 1)..];
        var bracket = part.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0
            ? new FigurePath(collection, id, part, null, last)
            : part.EndsWith(']') ? new FigurePath(collection, id, part[..bracket], part[(bracket + 1)..^1], last) : null;
    }
}
