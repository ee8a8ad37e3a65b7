using System.Collections.Immutable;
using Logistics.Network.IO;
using Logistics.Network.Model;

namespace Logistics.TestKit;

/// <summary>
/// Seeded synthetic national-scale networks: mines, ports and junctions scattered over a 12° × 15° box, five overseas
/// markets buying every commodity (classes = commodities × 5), a spanning chain of dear unlimited roads so every
/// instance is feasible, nearest-neighbour rail and road links with mixed capacities, candidate rail links each built
/// by its own option, and a sea link from every port to every market. With periods (<see cref="InstanceSize.Periods"/>)
/// it is a plan over time whose period snapshots are built here exactly as the loader builds them from the written
/// file's period changes, so the network solves in process and round-trips through a file alike.
/// </summary>
public static class SyntheticNetworks
{
    private const int Markets = 5;

    /// <summary>Base year of every instance and the first period's start.</summary>
    public const int BaseYear = 2028;

    public static NetworkSnapshot Generate(InstanceSize size)
    {
        ArgumentNullException.ThrowIfNull(size);
        var first = Snapshot(size, supplyFactor: 1);
        if (size.Periods <= 1)
            return first;

        // Period k's figures are the file's with the changes of periods 1..k applied in order: one multiply of every
        // mine's output per period after the first, so output in period k is GrowthPerPeriod^k times the base.
        var mines = first.Nodes.Where(n => n.Kind == NodeKind.Mine).SelectMany(n => n.Supplies.Select(s => (Node: n.Id.Value, s.Commodity))).ToList();
        var periods = ImmutableArray.CreateBuilder<PlanningPeriod>();
        var snapshots = ImmutableArray.CreateBuilder<NetworkSnapshot>();
        var factor = 1.0;
        for (var k = 0; k < size.Periods; k++)
        {
            ImmutableArray<ScenarioChange> changes = k == 0 ? [] :
                [.. mines.Select(m => new ScenarioChange($"nodes[{m.Node}].supply[{m.Commodity.Value}].tonnesPerYear", ChangeOperation.Multiply, InstanceSize.GrowthPerPeriod))];
            if (k > 0)
                factor *= InstanceSize.GrowthPerPeriod;
            var start = BaseYear + (k * InstanceSize.YearsPerPeriod);
            periods.Add(new PlanningPeriod(new PeriodId($"p{k + 1}"), $"p{k + 1}", start, InstanceSize.YearsPerPeriod, changes));
            snapshots.Add(k == 0 ? first : Snapshot(size, factor));
        }

        return NetworkBuilder.From(first).WithPeriods(periods.ToImmutable(), snapshots.ToImmutable()).Build();
    }

    /// <summary>The one-period network with every mine's output times <paramref name="supplyFactor"/> (the random stream does not depend on it).</summary>
    private static NetworkSnapshot Snapshot(InstanceSize size, double supplyFactor)
    {
        var random = new Random(size.Seed);
        var commodities = Math.Max(1, size.Classes / Markets);
        var b = new NetworkBuilder().WithMetadata(new NetworkMetadata(size.Name, "Synthetic benchmark instance.", "USD", BaseYear, 0.08, 25, null));
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
                ImmutableArray<MineSupply> supplies = [new MineSupply(new CommodityId($"c{i % commodities}"), 1e5 * (1 + random.Next(10)) * supplyFactor, false)];
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
        // The factor is applied after the draw so every factor sees the same random stream. Lead times (plans over time
        // only) come from a stream of their own for the same reason.
        var leadTimes = new Random(unchecked((size.Seed * 31) + 7));
        foreach (var link in b.Build().Links.Where(l => l.BuiltBy is not null))
        {
            var capex = Math.Round(link.LengthKm * 1e3 * (3 + (random.NextDouble() * 3)) * size.CapexFactor) * 1e3;
            var leadTime = size.Periods > 1 ? leadTimes.Next(4) : 0;
            b.Add(new InvestmentOption(link.BuiltBy!.Value, link.BuiltBy.Value.Value, "", capex, 40, 0.02 * capex, [], [], [], BuildDecision.Free) { LeadTimeYears = leadTime });
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
