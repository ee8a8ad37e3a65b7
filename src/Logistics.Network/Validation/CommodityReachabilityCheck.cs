using Logistics.Network.Diagnostics;
using Logistics.Network.Model;

namespace Logistics.Network.Validation;

/// <summary>
/// With every option built, each commodity a mine supplies must reach a market that demands it over links that
/// allow the commodity and modes no enabled modeBan rule bans for it. A mine with no route at all is reported by
/// <see cref="ReachabilityCheck"/> instead. The finding is an error when the output must ship (the model would be
/// infeasible) and a warning when the mine may leave it unshipped.
/// </summary>
public static class CommodityReachabilityCheck
{
    private const int MaxBlockersNamed = 5;

    public static IEnumerable<Diagnostic> Run(ValidationContext c)
    {
        var network = c.Network;
        var ports = network.NodesOfKind(NodeKind.Port).Select(p => p.Id.Value).ToHashSet(StringComparer.Ordinal);
        // Backward searches, one from the ports and one per commodity from its markets, instead of forward searches
        // (and a fresh graph) per mine and commodity; a forward search only for a finding, to name what blocks it.
        var reachesPort = TransportGraph.Reaching(network, ports);
        var byCommodity = new Dictionary<CommodityId, CommodityRoutes>();
        foreach (var mine in network.NodesOfKind(NodeKind.Mine))
        {
            if (!reachesPort.Contains(mine.Id.Value)) continue; // LG0502 already says the mine reaches no port
            foreach (var supply in mine.Supplies)
            {
                if (supply.TonnesPerYear <= 0) continue;
                var commodity = supply.Commodity;
                if (!byCommodity.TryGetValue(commodity, out var routes))
                    byCommodity[commodity] = routes = CommodityRoutes.Of(network, commodity);
                if (routes.ReachesMarket.Contains(mine.Id.Value)) continue;

                var why = routes.Markets.Count == 0 ? "no market demands it"
                    : Blockers(network, TransportGraph.ReachableFrom(network, [mine.Id.Value], routes.Allows), commodity, routes.Bans);
                var diagnostic = c.At(DiagnosticCodes.CommodityCannotReachMarket, $"nodes[{mine.Id}].supply[{commodity}]",
                    $"{commodity} from mine '{mine.Id}' cannot reach any market that demands it, even with every option built: {why}."
                    + (supply.AllowUnshipped ? " The mine may leave it unshipped, so the model stays feasible." : ""));
                yield return supply.AllowUnshipped ? diagnostic with { Severity = Severity.Warning } : diagnostic;
            }
        }
    }

    /// <summary>The markets that demand a commodity, the links it may use, and every node from which it can reach one of those markets.</summary>
    private sealed record CommodityRoutes(HashSet<string> Markets, List<ModeBanRule> Bans, Func<Link, bool> Allows, HashSet<string> ReachesMarket)
    {
        public static CommodityRoutes Of(NetworkSnapshot network, CommodityId commodity)
        {
            var markets = network.NodesOfKind(NodeKind.Market)
                .Where(m => m.Demands.Any(d => d.Commodity == commodity && d.MaxTpy is not <= 0))
                .Select(m => m.Id.Value).ToHashSet(StringComparer.Ordinal);
            var bans = network.Rules.OfType<ModeBanRule>().Where(r => r.Enabled && r.Commodity == commodity).ToList();
            bool Allows(Link l) => l.Allows(commodity) && bans.All(b => b.Mode != l.Mode);
            return new CommodityRoutes(markets, bans, Allows, TransportGraph.Reaching(network, markets, Allows));
        }
    }

    /// <summary>The links out of the part of the network the commodity can reach that it may not use, with why.</summary>
    private static string Blockers(NetworkSnapshot network, HashSet<string> reach, CommodityId commodity, List<ModeBanRule> bans)
    {
        var blocked = new List<string>();
        foreach (var link in TransportGraph.UsableLinks(network).OrderBy(l => l.Id.Value, StringComparer.Ordinal))
        {
            var leaves = (reach.Contains(link.From.Value) && !reach.Contains(link.To.Value))
                || (link.Direction == LinkDirection.BothWays && reach.Contains(link.To.Value) && !reach.Contains(link.From.Value));
            if (!leaves) continue;
            if (!link.Allows(commodity))
                blocked.Add($"link '{link.Id}' carries only {string.Join(", ", link.AllowedCommodities.Select(a => a.Value).Order(StringComparer.Ordinal))}");
            else if (bans.FirstOrDefault(b => b.Mode == link.Mode) is { } ban)
                blocked.Add($"link '{link.Id}' is {link.Mode.ToString().ToLowerInvariant()}, which rule '{ban.Id}' bans for it");
        }

        if (blocked.Count == 0) return "no link leads on from where it can go (check link directions)";
        var named = string.Join("; ", blocked.Take(MaxBlockersNamed));
        return blocked.Count > MaxBlockersNamed ? $"{named}; and {blocked.Count - MaxBlockersNamed} more" : named;
    }
}
