using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Solving;

/// <summary>
/// Splits each flow layer's solved arc flows into mine-to-market paths by path stripping: start at the first mine
/// (ordinal) with cargo left, follow the arc carrying the most remaining cargo (ties: ordinal arc key) until one of
/// the layer's markets unloads, take the smallest remaining amount on the path, subtract it, repeat; the route
/// belongs to the class of the market it ends at. Zero-cost cycles met on the way are cancelled. Deterministic for a
/// given solution.
/// </summary>
internal static class RouteDecomposer
{
    private sealed record RawRoute(FlowClass Class, NodeId Mine, ImmutableArray<Arc> Arcs, double Tonnes);

    public static ImmutableArray<RouteResult> Decompose(SolutionValues values)
    {
        var model = values.Model;
        var raw = new List<RawRoute>();
        foreach (var layer in model.Layers)
            raw.AddRange(DecomposeLayer(values, layer));

        // Merge identical paths (same class, mine and arcs) that stripping may produce in separate passes.
        var merged = raw
            .GroupBy(r => (r.Class.Index, r.Mine, Path: string.Join('|', r.Arcs.Select(a => a.Key))))
            .Select(g => g.First() with { Tonnes = g.Sum(r => r.Tonnes) })
            .ToList();

        var capexShare = CapexSharePerTonne(values, merged);
        return [.. merged
            .Select(r => ToResult(values, r, capexShare))
            .OrderBy(r => r.Commodity)
            .ThenBy(r => r.Market)
            .ThenBy(r => r.Mine)
            .ThenByDescending(r => r.TonnesPerYear)
            .ThenBy(r => string.Join('|', r.Links.Select(l => l.Link.Value)), StringComparer.Ordinal)];
    }

    private static List<RawRoute> DecomposeLayer(SolutionValues values, FlowLayer layer)
    {
        var model = values.Model;
        var graph = model.Graph;
        var k = layer.Index;
        var remaining = new double[graph.Arcs.Length];
        for (var a = 0; a < remaining.Length; a++)
            remaining[a] = values.Flow[k, a];
        var injections = model.Injections[k];
        var injected = (double[])values.Injected[k].Clone();

        // The layer's markets are distinct nodes, so each sub-node unloads for at most one class.
        var absorbAt = new double[graph.SubNodes.Length];
        var classAt = new FlowClass?[graph.SubNodes.Length];
        foreach (var flowClass in layer.Classes)
        {
            for (var i = 0; i < model.Absorptions[flowClass.Index].Count; i++)
            {
                var sub = model.Absorptions[flowClass.Index][i].SubNode;
                absorbAt[sub] += values.Absorbed[flowClass.Index][i];
                classAt[sub] = flowClass;
            }
        }

        var order = Enumerable.Range(0, injections.Count)
            .OrderBy(i => injections[i].Mine)
            .ThenBy(i => injections[i].SubNode)
            .ToList();
        var routes = new List<RawRoute>();
        var guard = 10 * (graph.Arcs.Length + injections.Count + 10) * (graph.SubNodes.Length + 1);
        foreach (var i in order)
        {
            while (injected[i] > SolutionValues.Tolerance && guard-- > 0)
            {
                var path = new List<Arc>();
                var position = new Dictionary<int, int> { [injections[i].SubNode] = 0 };
                var current = injections[i].SubNode;
                var reached = false;
                while (guard-- > 0)
                {
                    if (absorbAt[current] > SolutionValues.Tolerance)
                    {
                        reached = true;
                        break;
                    }

                    var next = graph.Outgoing[current]
                        .Where(a => remaining[a.Index] > SolutionValues.Tolerance)
                        .OrderByDescending(a => remaining[a.Index])
                        .ThenBy(a => a.Key, StringComparer.Ordinal)
                        .FirstOrDefault();
                    if (next is null)
                        break;
                    if (position.TryGetValue(next.To, out var start))
                    {
                        // A cycle (possible only at zero cost): cancel it and carry on from where it began.
                        var cycle = path.Skip(start).Append(next).ToList();
                        var amount = cycle.Min(a => remaining[a.Index]);
                        foreach (var a in cycle)
                            remaining[a.Index] -= amount;
                        foreach (var a in path.Skip(start))
                            position.Remove(a.To);
                        path.RemoveRange(start, path.Count - start);
                        current = next.To;
                        position[current] = path.Count;
                        continue;
                    }

                    path.Add(next);
                    current = next.To;
                    position[current] = path.Count;
                }

                if (!reached)
                {
                    injected[i] = 0; // Solver noise below tolerance left a dead end: nothing real remains here.
                    break;
                }

                var tonnes = Math.Min(injected[i], absorbAt[current]);
                if (path.Count > 0)
                    tonnes = Math.Min(tonnes, path.Min(a => remaining[a.Index]));
                injected[i] -= tonnes;
                absorbAt[current] -= tonnes;
                foreach (var a in path)
                    remaining[a.Index] -= tonnes;
                routes.Add(new RawRoute(classAt[current]!, injections[i].Mine, [.. path], tonnes));
            }
        }

        return routes;
    }

    /// <summary>
    /// USD per tonne charged to a route for each built option it uses: the option's annualised capex plus fixed O&amp;M,
    /// divided by all tonnes on routes that use any link it builds or any link or port it expands.
    /// </summary>
    private static Dictionary<OptionId, double> CapexSharePerTonne(SolutionValues values, List<RawRoute> routes)
    {
        var tonnes = new Dictionary<OptionId, double>();
        foreach (var route in routes)
        {
            foreach (var option in OptionsUsed(values, route))
                tonnes[option] = tonnes.GetValueOrDefault(option) + route.Tonnes;
        }

        var network = values.Model.Network;
        return tonnes.Where(t => t.Value > 0).ToDictionary(
            t => t.Key,
            t =>
            {
                var option = network.Option(t.Key);
                return (CostCoefficients.AnnualisedCapex(network, option) + option.FixedOmUsdPerYear) / t.Value;
            });
    }

    private static SortedSet<OptionId> OptionsUsed(SolutionValues values, RawRoute route)
    {
        var used = new SortedSet<OptionId>();
        var network = values.Model.Network;
        foreach (var arc in route.Arcs)
        {
            if (arc.Link is not { } link)
                continue;
            if (link.BuiltBy is { } builder && values.IsBuilt(builder))
                used.Add(builder);
            foreach (var option in network.Options.Where(o => values.IsBuilt(o.Id) && !o.CapacityAdds.IsDefault))
            {
                if (option.CapacityAdds.Any(c => c.Link == link.Id || (arc.EntersPort is { } port && c.Port == port)))
                    used.Add(option.Id);
            }
        }

        return used;
    }

    private static RouteResult ToResult(SolutionValues values, RawRoute route, Dictionary<OptionId, double> capexShare)
    {
        var network = values.Model.Network;
        double transport = 0, handling = 0, transhipment = 0, capital = 0, risk = 0, days = 0;
        foreach (var arc in route.Arcs)
        {
            var cost = CostCoefficients.ArcCost(network, arc, route.Class.Commodity);
            transport += cost.Transport;
            handling += cost.Handling;
            transhipment += cost.Transhipment;
            capital += cost.InTransitCapital;
            risk += cost.Risk;
            days += arc.TransitDays;
        }

        var share = OptionsUsed(values, route).Sum(o => capexShare.GetValueOrDefault(o));
        var linkArcs = route.Arcs.Where(a => a.Link is not null).ToList();
        var nodes = new List<NodeId> { route.Mine };
        nodes.AddRange(linkArcs.Select(a => a.ToNode));
        var port = nodes.Skip(1).Where(n => network.Node(n).Kind == NodeKind.Port).Select(n => (NodeId?)n).FirstOrDefault();
        return new RouteResult(
            route.Class.Commodity,
            route.Mine,
            route.Class.Market,
            port,
            [.. nodes],
            [.. linkArcs.Select(a => new RouteLeg(a.Link!.Id, a.FromNode, a.ToNode, a.Link.Mode))],
            route.Tonnes,
            days,
            new PerTonneCost(transport, handling, transhipment, capital, risk, share));
    }
}
