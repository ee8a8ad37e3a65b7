using System.Collections.Immutable;
using System.Globalization;

using Logistics.Network.Model;

namespace Logistics.Benchmarks.StandardSets;

/// <summary>
/// Reads an OR-Library capacitated warehouse location file (<c>cap41.txt</c> …; format and model in the benchmark
/// folder's cflp/README.md) into a network: one plant mine supplying each customer's demand as a commodity of its own,
/// a link from the plant to each warehouse built by that warehouse's option (capacity s_i, yearly cost f_i), and from
/// each warehouse a link to each customer that only that customer's commodity may use, at c_ij / d_j per unit (c_ij
/// being the cost of serving all of j's demand). A commodity per customer keeps the strong inequalities z_ij ≤ y_i
/// expressible: they are the per-layer link gates on the plant-to-warehouse links. With
/// <see cref="CflpCommodities.One"/> every customer takes the same commodity instead: the network file a planner
/// would write (issue 15's conversion), whose model is the compact one of the README (a flow per serving link).
/// </summary>
public static class CflpReader
{
    private static readonly CommodityId Cargo = new("cargo");

    public static NetworkSnapshot Read(string path, CflpCommodities commodities = CflpCommodities.OnePerCustomer)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var reader = new NumberReader(path);
        var warehouses = reader.NextInt("the number of warehouses", 1, 100_000);
        var customers = reader.NextInt("the number of customers", 1, 1_000_000);
        var b = new NetworkBuilder().WithMetadata(StandardNetworks.Metadata(name, $"Capacitated facility location instance {name} ({warehouses} warehouses, {customers} customers), read from its OR-Library file."));
        b.Add(StandardNetworks.Place("plant", NodeKind.Junction)); // Replaced by the mine below, once the supplies are known.
        for (var i = 1; i <= warehouses; i++)
        {
            var capacity = reader.Next($"the capacity of warehouse {i}");
            if (capacity < 0)
                throw reader.Error($"the capacity of warehouse {i} is negative", "capacities are tonnes, zero or more");
            var fixedCost = reader.Next($"the fixed cost of warehouse {i}");
            b.Add(StandardNetworks.Place(Warehouse(i), NodeKind.Junction));
            b.Add(StandardNetworks.Arc("open" + Warehouse(i), "plant", Warehouse(i), 0, capacity, "y" + Warehouse(i)));
            b.Add(StandardNetworks.Option("y" + Warehouse(i), fixedCost));
        }

        var supplies = new List<MineSupply>();
        if (commodities == CflpCommodities.One)
            b.Add(new Commodity(Cargo, Cargo.Value, 0));
        var total = 0.0;
        for (var j = 1; j <= customers; j++)
        {
            var demand = reader.Next($"the demand of customer {j}");
            if (demand < 0)
                throw reader.Error($"the demand of customer {j} is negative", "demands are tonnes, zero or more");
            var costs = new double[warehouses];
            for (var i = 0; i < warehouses; i++)
                costs[i] = reader.Next($"the cost of serving customer {j} from warehouse {i + 1}");
            if (demand == 0)
                continue; // Nothing to serve; its costs do not matter.
            var commodity = commodities == CflpCommodities.One ? Cargo : new CommodityId(Customer(j));
            b.Add(StandardNetworks.Place("at" + Customer(j), NodeKind.Market, demands: [new MarketDemand(commodity, demand, demand, null)]));
            total += demand;
            // One commodity needs no allowed list: a serving link leads only to its customer.
            ImmutableArray<CommodityId> allowed = commodities == CflpCommodities.One ? [] : [commodity];
            if (commodities == CflpCommodities.OnePerCustomer)
            {
                b.Add(new Commodity(commodity, commodity.Value, 0));
                supplies.Add(new MineSupply(commodity, demand, AllowUnshipped: false));
            }

            for (var i = 1; i <= warehouses; i++)
                b.Add(StandardNetworks.Arc($"{Warehouse(i)}-{Customer(j)}", Warehouse(i), "at" + Customer(j), costs[i - 1] / demand, null, null, allowed));
        }

        if (commodities == CflpCommodities.One)
            supplies.Add(new MineSupply(Cargo, total, AllowUnshipped: false));

        if (!reader.AtEnd())
            throw reader.Error("unexpected data after the last customer", "check the counts on the first line");
        b.Replace(StandardNetworks.Place("plant", NodeKind.Mine, supplies: [.. supplies]));
        return b.Build();
    }

    private static string Warehouse(int i) => string.Create(CultureInfo.InvariantCulture, $"w{i:D3}");

    private static string Customer(int j) => string.Create(CultureInfo.InvariantCulture, $"c{j:D4}");
}
