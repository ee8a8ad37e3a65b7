using System.Collections.Immutable;
using System.Globalization;

using Logistics.Network.IO;
using Logistics.Network.Model;

namespace Logistics.Benchmarks;

/// <summary>
/// The size of a synthetic instance; its name carries every parameter, so a name reproduces the network.
/// Two optional factors make candidate links worth building (both 1 by default, and then absent from the name):
/// <paramref name="CapexFactor"/> (suffix <c>-k0.05</c>) scales every candidate link's capex, and
/// <paramref name="CapacityFactor"/> (suffix <c>-x0.1</c>) scales the capacity of every existing rail and road link
/// other than the dear spanning chain, an unlimited one counting as 2 Mt/yr, so corridors fall short and flow must pay
/// the chain's road rate or a new link. Neither draws from the random stream: with factors the instance has the same
/// places, links and costs as without, and only its capex and capacities differ.
/// </summary>
public sealed record InstanceSize(int Nodes, int Links, int Classes, int Options, int Seed, double CapexFactor = 1, double CapacityFactor = 1)
{
    /// <summary>What an unlimited existing link holds once a capacity factor applies, before the factor.</summary>
    public const double UnlimitedAsTonnes = 2e6;

    public string Name => string.Create(CultureInfo.InvariantCulture, $"synthetic-n{Nodes}-l{Links}-c{Classes}-o{Options}-s{Seed}")
        + (CapexFactor == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"-k{CapexFactor:R}"))
        + (CapacityFactor == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"-x{CapacityFactor:R}"));

    /// <summary>Parses <c>synthetic-n1000-l4000-c30-o700-s42</c>, optionally followed by <c>-k0.05</c> and/or <c>-x0.1</c>.</summary>
    public static InstanceSize Parse(string name)
    {
        var parts = name.Split('-');
        if (parts.Length is < 6 or > 8 || parts[0] != "synthetic")
            throw new FormatException($"'{name}' is not an instance name like synthetic-n1000-l4000-c30-o700-s42 or synthetic-n1000-l4000-c30-o700-s42-k0.05-x0.1.");
        int Number(string part, char prefix) => part[0] == prefix
            ? int.Parse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new FormatException($"'{name}': expected '{prefix}' in '{part}'.");
        double Factor(char prefix)
        {
            var part = parts.Skip(6).FirstOrDefault(p => p.Length > 0 && p[0] == prefix);
            if (part is null)
                return 1;
            return double.TryParse(part.AsSpan(1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var factor) && factor > 0
                ? factor
                : throw new FormatException($"'{name}': expected a positive factor like '{prefix}0.1' in '{part}'.");
        }

        var size = new InstanceSize(Number(parts[1], 'n'), Number(parts[2], 'l'), Number(parts[3], 'c'), Number(parts[4], 'o'), Number(parts[5], 's'), Factor('k'), Factor('x'));
        if (size.Name != name)
            throw new FormatException($"'{name}': unknown or repeated suffix; the name would be {size.Name}.");
        return size;
    }
}

/// <summary>
/// Seeded synthetic national-scale networks: mines, ports and junctions scattered over a 12° × 15° box, five overseas
/// markets buying every commodity (classes = commodities × 5), a spanning chain of dear unlimited roads so every
/// instance is feasible, nearest-neighbour rail and road links with mixed capacities, candidate rail links each built
/// by its own option, and a sea link from every port to every market.
/// </summary>
public static class SyntheticNetworks
{
    private const int Markets = 5;

    public static Network.Model.Network Generate(InstanceSize size)
    {
        var random = new Random(size.Seed);
        var commodities = Math.Max(1, size.Classes / Markets);
        var b = new NetworkBuilder().WithMetadata(new NetworkMetadata(size.Name, "Synthetic benchmark instance.", "USD", 2028, 0.08, 25, null));
        for (var c = 0; c < commodities; c++)
            b.Add(new Commodity(new CommodityId($"c{c}"), $"c{c}", 200 + random.Next(3000)));

        var land = size.Nodes - Markets;
        var mines = Math.Max(commodities, land / 100);
        var ports = Math.Max(2, land / 50);
        var places = new List<(string Id, double Lat, double Lon)>();
        for (var i = 0; i < land; i++)
        {
            var (lat, lon) = (24 + (random.NextDouble() * 12), 60 + (random.NextDouble() * 15));
            var id = i < mines ? $"mine-{i}" : i < mines + ports ? $"port-{i}" : $"j-{i}";
            places.Add((id, lat, lon));
            if (i < mines)
            {
                ImmutableArray<MineSupply> supplies = [new MineSupply(new CommodityId($"c{i % commodities}"), 1e5 * (1 + random.Next(10)), false)];
                b.Add(new Node(new NodeId(id), id, NodeKind.Mine, lat, lon, 4, supplies, null, []));
            }
            else if (i < mines + ports)
            {
                // The first port is unlimited so the instance stays feasible whatever the other ports hold.
                double? capacity = i == mines || random.Next(2) == 0 ? null : 1e6 * (1 + random.Next(5));
                b.Add(new Node(new NodeId(id), id, NodeKind.Port, lat, lon, 4, [], new PortFacility(capacity, 5 + random.Next(10)), []));
            }
            else
            {
                b.Add(new Node(new NodeId(id), id, NodeKind.Junction, lat, lon, 2 + random.Next(4), [], null, []));
            }
        }

        for (var m = 0; m < Markets; m++)
        {
            ImmutableArray<MarketDemand> demands = [.. Enumerable.Range(0, commodities).Select(c => new MarketDemand(new CommodityId($"c{c}"), 0, null, null))];
            b.Add(new Node(new NodeId($"market-{m}"), $"market-{m}", NodeKind.Market, 20 + (m * 5), 100 + (m * 10), 0, [], null, demands));
        }

        var links = 0;
        void Land(int from, int to, TransportMode mode, double perTkm, double? capacity, string? builtBy)
        {
            var (a, z) = (places[from], places[to]);
            var km = Math.Round(Geodesy.GreatCircleKm(a.Lat, a.Lon, z.Lat, z.Lon) * 1.2, 1);
            b.Add(new Link(new LinkId($"l-{links++}"), "", new NodeId(a.Id), new NodeId(z.Id), mode, km, LengthBasis.Given, perTkm, 0, capacity, Math.Round(km / 400, 2),
                LinkDirection.BothWays, CapacitySharing.PerDirection, [], 0, builtBy is null ? null : new OptionId(builtBy)));
        }

        // A chain of dear, unlimited roads through every place (west to east): everything can always reach a port.
        var byLon = Enumerable.Range(0, land).OrderBy(i => places[i].Lon).ToList();
        for (var i = 1; i < byLon.Count; i++)
            Land(byLon[i - 1], byLon[i], TransportMode.Road, 0.08, null, null);

        var sea = ports * Markets;
        var nearest = Enumerable.Range(0, land).Select(i => Enumerable.Range(0, land).Where(j => j != i)
            .OrderBy(j => Math.Pow(places[i].Lat - places[j].Lat, 2) + Math.Pow(places[i].Lon - places[j].Lon, 2)).Take(8).ToArray()).ToArray();
        var existing = Math.Max(0, size.Links - sea - (land - 1) - size.Options);
        for (var k = 0; k < existing + size.Options; k++)
        {
            var from = random.Next(land);
            var to = nearest[from][random.Next(nearest[from].Length)];
            if (k >= existing)
            {
                var option = $"o-{k - existing}";
                Land(from, to, TransportMode.Rail, 0.012, 5e6, option);
                continue;
            }

            var rail = random.Next(5) < 3;
            double? capacity = random.Next(2) == 0 ? null : 2e5 * (1 + random.Next(10));
            if (size.CapacityFactor != 1)
                capacity = (capacity ?? InstanceSize.UnlimitedAsTonnes) * size.CapacityFactor;
            Land(from, to, rail ? TransportMode.Rail : TransportMode.Road, rail ? 0.02 : 0.04, capacity, null);
        }

        // Options: the candidate rail links, capex 3–6 m USD per km times the instance's capex factor, 2% O&M, 40 years.
        // The factor is applied after the draw so every factor sees the same random stream.
        foreach (var link in b.Build().Links.Where(l => l.BuiltBy is not null))
        {
            var capex = Math.Round(link.LengthKm * 1e3 * (3 + (random.NextDouble() * 3)) * size.CapexFactor) * 1e3;
            b.Add(new InvestmentOption(link.BuiltBy!.Value, link.BuiltBy.Value.Value, "", capex, 40, 0.02 * capex, [], [], [], BuildDecision.Free));
        }

        for (var p = mines; p < mines + ports; p++)
        {
            for (var m = 0; m < Markets; m++)
            {
                b.Add(new Link(new LinkId($"sea-{places[p].Id}-{m}"), "", new NodeId(places[p].Id), new NodeId($"market-{m}"), TransportMode.Sea, 10000, LengthBasis.Given, 0.002,
                    5 + random.Next(10), null, 25, LinkDirection.OneWay, CapacitySharing.PerDirection, [], 0, null));
            }
        }

        return b.Build();
    }
}
