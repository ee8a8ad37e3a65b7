using System.Collections.Immutable;
using System.Globalization;

using Logistics.Network.Model;

namespace Logistics.Benchmarks.StandardSets;

/// <summary>
/// Reads a multicommodity capacitated fixed-charge network design instance in the <c>.dow</c> format (the Canad C set of
/// Crainic, Frangioni and Gendron; format and model in the benchmark folder's mcnd/README.md) into a network:
/// every arc a one-way link built by its own option (capacity u, yearly cost f, unit cost c), every commodity one of our
/// commodities with all of its demand q to ship from a mine attached to its origin to a market attached to its
/// destination. The attachments are free, unlimited links that only that node's commodities may use, so the model's
/// optimum is the benchmark's.
/// </summary>
public static class McndReader
{
    public static NetworkSnapshot Read(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var header = File.ReadLines(path).FirstOrDefault()?.Trim();
        if (header != "MULTIGEN.DAT:")
            throw new BenchmarkFileException($"{Path.GetFileName(path)}:1:1: expected the tag 'MULTIGEN.DAT:' on the first line, found '{header}'; this is not a .dow file.");
        var reader = new NumberReader(path, firstLine: 1);
        var nodes = reader.NextInt("the number of nodes", 1, 1_000_000);
        var arcs = reader.NextInt("the number of arcs", 1, 10_000_000);
        var commodities = reader.NextInt("the number of commodities", 1, 1_000_000);
        reader.SkipLine();

        var b = new NetworkBuilder().WithMetadata(StandardNetworks.Metadata(name, $"MCND instance {name} ({nodes} nodes, {arcs} arcs, {commodities} commodities), read from its .dow file."));
        for (var i = 1; i <= nodes; i++)
            b.Add(StandardNetworks.Place(NodeName(i), NodeKind.Junction));
        for (var a = 1; a <= arcs; a++)
        {
            var what = string.Create(CultureInfo.InvariantCulture, $"arc {a}");
            var from = reader.NextInt($"the tail of {what}", 1, nodes);
            var to = reader.NextInt($"the head of {what}", 1, nodes);
            var cost = NonNegative(reader, $"the unit cost of {what}");
            var capacity = NonNegative(reader, $"the capacity of {what}");
            var fixedCost = NonNegative(reader, $"the fixed cost of {what}");
            reader.SkipLine();
            var id = string.Create(CultureInfo.InvariantCulture, $"a{a:D4}");
            b.Add(StandardNetworks.Arc(id, NodeName(from), NodeName(to), cost, capacity, "y" + id));
            b.Add(StandardNetworks.Option("y" + id, fixedCost));
        }

        var supplies = new SortedDictionary<int, List<MineSupply>>();
        var demands = new SortedDictionary<int, List<MarketDemand>>();
        for (var k = 1; k <= commodities; k++)
        {
            var what = string.Create(CultureInfo.InvariantCulture, $"commodity {k}");
            var origin = reader.NextInt($"the origin of {what}", 1, nodes);
            var destination = reader.NextInt($"the destination of {what}", 1, nodes);
            var demand = NonNegative(reader, $"the demand of {what}");
            if (origin == destination || demand == 0)
                continue; // Nothing to move.
            var id = new CommodityId(string.Create(CultureInfo.InvariantCulture, $"k{k:D3}"));
            b.Add(new Commodity(id, id.Value, 0));
            Add(supplies, origin, new MineSupply(id, demand, AllowUnshipped: false));
            Add(demands, destination, new MarketDemand(id, demand, demand, null));
        }

        if (!reader.AtEnd())
            throw reader.Error("unexpected data after the last commodity", "check the counts on the second line");

        foreach (var (node, list) in supplies)
        {
            var mine = "src" + NodeName(node);
            b.Add(StandardNetworks.Place(mine, NodeKind.Mine, supplies: [.. list]));
            b.Add(StandardNetworks.Arc("in" + NodeName(node), mine, NodeName(node), 0, null, null, [.. list.Select(s => s.Commodity)]));
        }

        foreach (var (node, list) in demands)
        {
            var market = "dst" + NodeName(node);
            b.Add(StandardNetworks.Place(market, NodeKind.Market, demands: [.. list]));
            b.Add(StandardNetworks.Arc("out" + NodeName(node), NodeName(node), market, 0, null, null, [.. list.Select(d => d.Commodity)]));
        }

        return b.Build();
    }

    private static string NodeName(int i) => string.Create(CultureInfo.InvariantCulture, $"n{i:D3}");

    private static double NonNegative(NumberReader reader, string what)
    {
        var value = reader.Next(what);
        return value >= 0 ? value : throw reader.Error($"{what} is negative ({value})", "the MCND format has non-negative costs, capacities and demands");
    }

    private static void Add<T>(SortedDictionary<int, List<T>> map, int key, T item)
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = [];
        list.Add(item);
    }
}
