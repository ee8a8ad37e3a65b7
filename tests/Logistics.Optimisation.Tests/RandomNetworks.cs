using Logistics.Network.Model;

namespace Logistics.Optimisation.Tests;

/// <summary>Seeded random small networks: a few mines and markets, junctions and a port, random links and capacities,
/// plus an expensive unlimited backstop road from every mine to every market so every network is feasible.</summary>
internal static class RandomNetworks
{
    public static NetworkSnapshot Create(int seed, bool singleCommodity = false, bool integerData = false, bool withOptions = false)
    {
        var random = new Random(seed);
        double Draw(double lo, double hi) => integerData ? random.Next((int)lo, (int)hi + 1) : Math.Round(lo + (random.NextDouble() * (hi - lo)), 3);
        var commodities = singleCommodity ? new[] { "ore" } : ["ore", "conc"];
        var net = TestNetwork.Create(discountRate: integerData ? 0 : 0.08);
        foreach (var c in commodities)
            net.Commodity(c, integerData ? 0 : Draw(100, 3000));
        var mines = new List<string>();
        var markets = new List<string>();
        for (var i = 0; i < random.Next(1, 4); i++)
        {
            var id = $"mine-{i}";
            mines.Add(id);
            foreach (var c in commodities.Where((_, j) => j == 0 || random.Next(2) == 0))
                net.Mine(id, c, Draw(10, 100));
        }

        for (var i = 0; i < random.Next(1, 3); i++)
        {
            var id = $"market-{i}";
            markets.Add(id);
            foreach (var c in commodities)
                net.Market(id, c);
        }

        var junctions = Enumerable.Range(0, random.Next(2, 5)).Select(i => $"j-{i}").ToList();
        foreach (var j in junctions)
            net.Junction(j, transhipment: integerData ? 0 : Draw(0, 3));
        net.Port("port", capacity: random.Next(2) == 0 ? null : Draw(50, 200), handling: Draw(1, 5));
        var places = mines.Concat(junctions).Append("port").ToList();
        var linkCount = 0;
        var modes = integerData ? new[] { TransportMode.Rail } : [TransportMode.Rail, TransportMode.Road];
        for (var i = 0; i < places.Count + junctions.Count + 3; i++)
        {
            var from = places[random.Next(places.Count)];
            var to = random.Next(3) == 0 ? markets[random.Next(markets.Count)] : places[random.Next(places.Count)];
            if (from == to)
                continue;
            var bothWays = !markets.Contains(to) && random.Next(2) == 0;
            net.Link($"l-{linkCount++}", from, to, modes[random.Next(modes.Length)], perTonne: Draw(1, 10),
                capacity: random.Next(3) == 0 ? null : Draw(20, 120), bothWays: bothWays, shared: !integerData && bothWays && random.Next(2) == 0,
                days: integerData ? 0 : Draw(0, 5), risk: integerData ? 0 : Draw(0, 1));
        }

        foreach (var m in mines)
        {
            foreach (var k in markets)
                net.Link($"backstop-{m}-{k}", m, k, TransportMode.Road, perTonne: 100);
        }

        if (withOptions)
        {
            net.Link("new-line", mines[0], markets[0], TransportMode.Rail, perTonne: Draw(1, 3), capacity: Draw(20, 80), builtBy: "opt-line");
            net.Option("opt-line", Draw(100, 3000), lifetime: 20, om: Draw(0, 100));
            net.Option("opt-port", Draw(100, 1000), lifetime: 30, addToPort: "port", added: 100, excludes: ["opt-line"]);
        }

        return net.Build();
    }

    /// <summary>A larger network (three commodities, five markets, ports every tenth node, options building the first links) for limits and timings.</summary>
    public static NetworkSnapshot Large(int seed, int nodes, int links, int options)
    {
        var random = new Random(seed);
        var net = TestNetwork.Create(0.08).Commodity("a", 1000).Commodity("b", 2000).Commodity("c", 500);
        var places = new List<string>();
        for (var i = 0; i < 4; i++) { net.Mine($"mine-{i}", "abc"[i % 3].ToString(), 1e5 * (1 + random.Next(5))); places.Add($"mine-{i}"); }
        var markets = new List<string>();
        for (var i = 0; i < 5; i++) { var id = $"mkt-{i}"; markets.Add(id); net.Market(id, "a").Market(id, "b").Market(id, "c"); }
        for (var i = 0; i < nodes; i++) { if (i % 10 == 0) net.Port($"p-{i}", 3e5, 5); else net.Junction($"j-{i}", 2); places.Add(i % 10 == 0 ? $"p-{i}" : $"j-{i}"); }
        var modes = new[] { TransportMode.Rail, TransportMode.Road, TransportMode.Sea };
        for (var i = 0; i < links; i++)
        {
            var from = places[random.Next(places.Count)];
            var to = random.Next(6) == 0 ? markets[random.Next(markets.Count)] : places[random.Next(places.Count)];
            if (from == to) continue;
            net.Link($"l-{i}", from, to, modes[random.Next(3)], perTonne: random.Next(1, 30), capacity: random.Next(2) == 0 ? null : 1e5 * random.Next(1, 6), bothWays: !markets.Contains(to), days: random.Next(5),
                builtBy: i < options ? $"o-{i}" : null);
        }
        for (var i = 0; i < options; i++) net.Option($"o-{i}", 1e6 * random.Next(1, 50), lifetime: 30, om: 1e4);
        foreach (var m in places.Take(4)) foreach (var k in markets) net.Link($"bs-{m}-{k}", m, k, TransportMode.Road, perTonne: 500);
        return net.Build();
    }

}
