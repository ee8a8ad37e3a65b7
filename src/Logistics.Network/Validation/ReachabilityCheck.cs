using Logistics.Network.Diagnostics;
using Logistics.Network.Model;

namespace Logistics.Network.Validation;

/// <summary>With every option built and link directions respected, each mine must reach a port and each market must be reachable from a mine.</summary>
public static class ReachabilityCheck
{
    public static IEnumerable<Diagnostic> Run(ValidationContext c)
    {
        var mines = c.Network.NodesOfKind(NodeKind.Mine).Select(m => m.Id.Value).ToList();
        var ports = c.Network.NodesOfKind(NodeKind.Port).Select(p => p.Id.Value).ToHashSet(StringComparer.Ordinal);
        // One search backwards from the ports; a forward search only for a mine that fails, to say what it reaches.
        var reachesPort = TransportGraph.Reaching(c.Network, ports);
        foreach (var mine in mines.Where(m => !reachesPort.Contains(m)))
        {
            var why = ports.Count == 0 ? "the network has no port" : $"it reaches {Describe(TransportGraph.ReachableFrom(c.Network, [mine]), mine)}";
            yield return c.At(DiagnosticCodes.MineWithoutPort, $"nodes[{mine}]",
                $"Mine '{mine}' has no path to any port, even with every option built ({why}).");
        }

        if (mines.Count == 0) yield break;
        var fromMines = TransportGraph.ReachableFrom(c.Network, mines);
        foreach (var market in c.Network.NodesOfKind(NodeKind.Market).Where(m => !fromMines.Contains(m.Id.Value)))
            yield return c.At(DiagnosticCodes.MarketUnreachable, $"nodes[{market.Id}]", $"No mine can reach market '{market.Id}', even with every option built.");
    }

    private static string Describe(HashSet<string> reach, string self)
    {
        var others = reach.Where(r => r != self).Order(StringComparer.Ordinal).ToList();
        return others.Count == 0 ? "no other node" : others.Count <= 5 ? string.Join(", ", others) : $"{others.Count} other nodes";
    }
}
