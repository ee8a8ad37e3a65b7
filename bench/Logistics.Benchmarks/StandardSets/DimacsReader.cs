using System.Globalization;

using Logistics.Network.Model;

namespace Logistics.Benchmarks.StandardSets;

/// <summary>
/// Reads a DIMACS minimum-cost flow problem (<c>.min</c>; format in the benchmark folder's mincost/README.md) into a
/// network with one commodity: a node with supply is a mine, one with demand a market that must take exactly its demand,
/// every arc a one-way link with its capacity and per-unit cost. Lower bounds other than zero are refused (no instance
/// here has one, and the model has no minimum flow on a link). Its <c>.sol</c> companion gives the optimum.
/// </summary>
public static class DimacsReader
{
    private static readonly CommodityId Flow = new("flow");

    public static (NetworkSnapshot Network, bool NegativeCosts) Read(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var file = Path.GetFileName(path);
        var b = new NetworkBuilder();
        b.Add(new Commodity(Flow, "flow", 0));
        var nodes = -1;
        var arcs = 0;
        var declaredArcs = 0;
        var negative = false;
        var balance = new SortedDictionary<int, double>();
        var lines = File.ReadAllLines(path);
        for (var l = 0; l < lines.Length; l++)
        {
            var fields = lines[l].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0] == "c")
                continue;
            BenchmarkFileException Error(string problem, string fix) => new($"{file}:{l + 1}:1: {problem}; {fix}.");
            double Number(int index, string what) =>
                index < fields.Length && double.TryParse(fields[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                    ? v
                    : throw Error($"expected a number for {what}", "a DIMACS line has the fields its first letter names (p min N A, n ID FLOW, a U V LOW CAP COST)");
            int Node(int index, string what)
            {
                var v = Number(index, what);
                return v == Math.Floor(v) && v >= 1 && v <= nodes ? (int)v : throw Error($"{what} is {v}, not a node number in 1..{nodes}", "nodes are numbered from 1 to the count on the p line");
            }

            switch (fields[0])
            {
                case "p":
                    if (fields.Length < 4 || fields[1] != "min")
                        throw Error("expected 'p min NODES ARCS'", "this reader takes minimum-cost flow problems only");
                    nodes = (int)Number(2, "the number of nodes");
                    declaredArcs = (int)Number(3, "the number of arcs");
                    break;
                case "n" when nodes > 0:
                    var id = Node(1, "the node");
                    balance[id] = balance.GetValueOrDefault(id) + Number(2, "the node's supply");
                    break;
                case "a" when nodes > 0:
                    var (from, to) = (Node(1, "the arc's tail"), Node(2, "the arc's head"));
                    var (low, capacity, cost) = (Number(3, "the lower bound"), Number(4, "the capacity"), Number(5, "the cost"));
                    if (low != 0)
                        throw Error($"the arc has a lower bound of {low}", "only zero lower bounds are supported (shift the flow by the lower bound first)");
                    if (capacity < 0)
                        throw Error($"the arc's capacity {capacity} is negative", "capacities are zero or more");
                    negative |= cost < 0;
                    arcs++;
                    b.Add(StandardNetworks.Arc(string.Create(CultureInfo.InvariantCulture, $"e{arcs:D7}"), NodeName(from), NodeName(to), cost, capacity, null));
                    break;
                case "n" or "a":
                    throw Error("a node or arc line before the problem line", "put 'p min N A' first");
                default:
                    throw Error($"unknown line type '{fields[0]}'", "DIMACS lines start with c, p, n or a");
            }
        }

        if (nodes < 0)
            throw new BenchmarkFileException($"{file}: no 'p min N A' line; this is not a DIMACS minimum-cost flow file.");
        if (arcs != declaredArcs)
            throw new BenchmarkFileException($"{file}: the p line declares {declaredArcs} arcs but the file has {arcs}; fix the count or the arc lines.");
        if (Math.Abs(balance.Values.Sum()) > 1e-9)
            throw new BenchmarkFileException($"{file}: total supply and demand differ by {balance.Values.Sum()}; they must balance.");

        b.WithMetadata(StandardNetworks.Metadata(name, $"Minimum-cost flow instance {name} ({nodes} nodes, {arcs} arcs), read from its DIMACS file."));
        for (var i = 1; i <= nodes; i++)
        {
            var flow = balance.GetValueOrDefault(i);
            b.Add(flow > 0 ? StandardNetworks.Place(NodeName(i), NodeKind.Mine, supplies: [new MineSupply(Flow, flow, false)])
                : flow < 0 ? StandardNetworks.Place(NodeName(i), NodeKind.Market, demands: [new MarketDemand(Flow, -flow, -flow, null)])
                : StandardNetworks.Place(NodeName(i), NodeKind.Junction));
        }

        return (b.Build(), negative);
    }

    /// <summary>The optimal objective from a <c>.sol</c> file's <c>s COST</c> line; null when there is no such file.</summary>
    public static double? ReadSolution(string path)
    {
        if (!File.Exists(path))
            return null;
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields is ["s", var cost, ..])
            {
                return double.TryParse(cost, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new BenchmarkFileException($"{Path.GetFileName(path)}: the 's' line's cost '{cost}' is not a number.");
            }
        }

        return null;
    }

    private static string NodeName(int i) => string.Create(CultureInfo.InvariantCulture, $"v{i:D6}");
}
